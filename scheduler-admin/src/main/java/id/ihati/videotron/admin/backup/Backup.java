package id.ihati.videotron.admin.backup;

import id.ihati.videotron.admin.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Writes a backup of a running server into an empty directory: {@code backup.properties} (when, which database,
 * schema version), the database ({@code database.zip} from H2's {@code BACKUP TO}, or {@code database/} with one
 * {@code COPY} file per PostgreSQL table) and {@code files/}, a copy of the data directory's media and screenshots.
 * The database is read first, as one consistent snapshot; media files are content-addressed and never change, so
 * copying them afterwards gives every file the snapshot refers to.
 */
public final class Backup {
    /** What in the data directory is not copied: the H2 files (backed up through H2), temporary uploads, requests. */
    static final Set<String> NOT_FILES = Set.of("db", "tmp", BackupRequests.DIR);

    private Backup() {
    }

    /** Backs up the database behind {@code dataSource} and the data directory's files into {@code target}. */
    public static Properties write(DataSource dataSource, Path dataDir, Path target) {
        try {
            Files.createDirectories(target);
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("backup directory is not empty: " + target);
                }
            }
            String vendor = Database.vendor(dataSource);
            var info = new Properties();
            info.setProperty("created", Instant.now().toString());
            info.setProperty("database", vendor);
            info.setProperty("schemaVersion", schemaVersion(dataSource, vendor));
            if (vendor.equals("h2")) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("BACKUP TO '" + target.resolve("database.zip").toAbsolutePath().toString()
                            .replace("'", "''") + "'");
                }
            } else {
                info.setProperty("rows", Long.toString(PostgresCopy.export(dataSource, target.resolve("database"))));
            }
            info.setProperty("files", Long.toString(copyTree(dataDir, target.resolve("files"), NOT_FILES)));
            try (Writer w = Files.newBufferedWriter(target.resolve("backup.properties"), StandardCharsets.UTF_8)) {
                info.store(w, "I-Hati Videotron backup");
            }
            return info;
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + target + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup to " + target + " failed: " + e.getMessage(), e);
        }
    }

    static String schemaVersion(DataSource dataSource, String vendor) {
        var current = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().info().current();
        return current == null ? "" : current.getVersion().getVersion();
    }

    /** Copies the files under {@code from} (skipping the top-level names in {@code skip}); returns how many. */
    static long copyTree(Path from, Path to, Set<String> skip) throws IOException {
        long[] count = {0};
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return 0;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getParent() != null && dir.getParent().equals(from)
                        && skip.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    count[0]++;
                } catch (java.nio.file.NoSuchFileException e) {
                    // purged since it was listed: the database snapshot (taken first) no longer needs it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // as above
                }
                throw e;
            }
        });
        return count[0];
    }
}
