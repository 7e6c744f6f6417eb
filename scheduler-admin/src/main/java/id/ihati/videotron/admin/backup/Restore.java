package id.ihati.videotron.admin.backup;

import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.db.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;

/**
 * Puts a backup into a place where no server has data yet: the database (H2: the file from the backup's zip in
 * {@code data-dir/db}; PostgreSQL: an empty database, migrated to the backup's schema version and loaded) and the
 * files into the data directory. Start the server there afterwards; it migrates further if it is newer.
 */
public final class Restore {
    private Restore() {
    }

    /** Restores {@code from} into the database and data directory of {@code config}; returns the backup's facts. */
    public static Properties into(DatabaseSettings config, Path from) {
        try {
            Properties info = new Properties();
            Path facts = from.resolve("backup.properties");
            if (!Files.exists(facts)) {
                throw new IllegalArgumentException(from + " is not a complete backup (no backup.properties)");
            }
            try (Reader r = Files.newBufferedReader(facts, StandardCharsets.UTF_8)) {
                info.load(r);
            }
            String database = info.getProperty("database");
            boolean toPostgres = config.jdbcUrl() != null;
            if (toPostgres != "postgresql".equals(database)) {
                throw new IllegalArgumentException("the backup is of " + database + " but the target database is "
                        + (toPostgres ? "PostgreSQL" : "the embedded H2") + ": restore where it came from");
            }
            if (Files.exists(config.dataDir().resolve("media"))) {
                throw new IllegalArgumentException("data directory " + config.dataDir() + " already has media: "
                        + "restore into a new one");
            }
            if (toPostgres) {
                loadPostgres(config, from, info.getProperty("schemaVersion"));
            } else {
                unzipH2(from.resolve("database.zip"), Database.h2File(config.dataDir()));
            }
            Backup.copyTree(from.resolve("files"), config.dataDir(), java.util.Set.of());
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("restore from " + from + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("restore from " + from + " failed: " + e.getMessage(), e);
        }
    }

    private static void loadPostgres(DatabaseSettings config, Path from, String schemaVersion)
            throws SQLException, IOException {
        try (var pool = Database.pool(config)) {
            try (Connection c = pool.getConnection()) {
                if (!PostgresCopy.tables(c).isEmpty()) {
                    throw new IllegalArgumentException("the target database already has tables: restore into an "
                            + "empty database (CREATE DATABASE …)");
                }
            }
            Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .target(schemaVersion).load().migrate();
            PostgresCopy.load(pool, from.resolve("database"));
        }
    }

    private static void unzipH2(Path zip, Path h2Base) throws IOException {
        Path dir = h2Base.getParent();
        boolean occupied;
        try (var entries = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.<Path>empty()) {
            occupied = entries.findAny().isPresent();
        }
        if (occupied) {
            throw new IllegalArgumentException("data directory already has a database in " + dir
                    + ": restore into a new one");
        }
        Files.createDirectories(dir);
        boolean found = false;
        try (InputStream in = Files.newInputStream(zip); var z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = Path.of(e.getName()).getFileName().toString();
                if (!e.isDirectory() && name.endsWith(".mv.db")) {
                    Files.copy(z, dir.resolve(h2Base.getFileName() + ".mv.db"));
                    found = true;
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException(zip + " holds no H2 database file");
        }
    }
}
