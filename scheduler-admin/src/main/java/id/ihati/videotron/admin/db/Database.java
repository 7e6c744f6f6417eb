package id.ihati.videotron.admin.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** Creates the pool and brings the schema up to date. */
public final class Database {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);
    private Database() {
    }

    /** A pool for the configured database: PostgreSQL when a JDBC URL is given, else an H2 file in the data dir. */
    public static HikariDataSource pool(DatabaseSettings config) {
        var hc = new HikariConfig();
        if (config.jdbcUrl() != null) {
            hc.setJdbcUrl(config.jdbcUrl());
            hc.setUsername(config.dbUser());
            hc.setPassword(config.dbPassword());
        } else {
            hc.setJdbcUrl(h2FileUrl(config.dataDir()));
            hc.setUsername("sa");
            hc.setPassword("");
        }
        hc.setMaximumPoolSize(10);
        hc.setPoolName("ihati");
        return new HikariDataSource(hc);
    }

    /**
     * The embedded database in {@code dataDir/db}. {@code WRITE_DELAY=0}: H2's default keeps committed changes in
     * memory for up to half a second (its background writer), so a killed server lost the last acknowledged
     * writes; with 0 each commit is written to the file before it returns (and {@link #durable} adds the fsync).
     */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + h2File(dataDir) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The H2 database's base name (H2 adds {@code .mv.db}). */
    public static Path h2File(Path dataDir) {
        return dataDir.toAbsolutePath().resolve("db").resolve("ihati");
    }

    /**
     * The pool as the server must use it: for the embedded H2 file, every connection that wrote is synced to disk
     * at commit ({@link SyncedCommits}); PostgreSQL does that itself ({@code fsync}, {@code synchronous_commit}).
     */
    public static DataSource durable(DataSource pool, DatabaseSettings config) {
        return config.jdbcUrl() == null ? new SyncedCommits(pool) : pool;
    }

    /**
     * Says in the log when PostgreSQL would lose acknowledged writes in a crash: {@code fsync} or
     * {@code synchronous_commit} off (embedded test servers and some tuning guides turn them off).
     */
    public static void warnIfNotDurable(DataSource dataSource) {
        if (!vendor(dataSource).equals("postgresql")) {
            return;
        }
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                try (var rs = s.executeQuery("SHOW " + setting)) {
                    rs.next();
                    String value = rs.getString(1);
                    if (value.equals("off")) {
                        log.warn("PostgreSQL runs with {} = {}: acknowledged writes can be lost in a crash or "
                                + "power cut; turn it on (docs/operations.md)", setting, value);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's durability settings", e);
        }
    }

    /** Applies the portable migrations and those for this database's vendor ({@code h2} or {@code postgresql}). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(dataSource))
                .load()
                .migrate();
    }

    /** "postgresql" or "h2", from the driver's own description of the database. */
    public static String vendor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("unsupported database: " + product + " (use H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
    }

    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }
}
