package id.ihati.videotron.admin.backup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code backup} reaches a running server on the embedded H2 database, which only the server's process may
 * open: it leaves a request file in {@code data-dir/backup-requests/}, the server writes the backup (H2's
 * {@code BACKUP TO} reads one consistent snapshot while the server keeps working) and answers with a
 * {@code .done} or {@code .failed} file. Whoever may write the data directory may ask; nothing listens on the
 * network.
 */
public final class BackupRequests implements AutoCloseable {
    static final String DIR = "backup-requests";
    private static final Logger log = LoggerFactory.getLogger(BackupRequests.class);
    private final ScheduledExecutorService poller;

    private BackupRequests(ScheduledExecutorService poller) {
        this.poller = poller;
    }

    /** Serves requests in {@code dataDir} from the server's own connection pool, checking every second. */
    public static BackupRequests serve(DataSource dataSource, Path dataDir) {
        Path dir = dataDir.resolve(DIR);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        var poller = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "backup-requests");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> serveWaiting(dataSource, dataDir, dir), 1, 1, TimeUnit.SECONDS);
        return new BackupRequests(poller);
    }

    private static void serveWaiting(DataSource dataSource, Path dataDir, Path dir) {
        try (var requests = Files.list(dir)) {
            for (Path request : requests.filter(p -> p.toString().endsWith(".request")).sorted().toList()) {
                String id = request.getFileName().toString().replaceFirst("\\.request$", "");
                Path target = Path.of(Files.readString(request, StandardCharsets.UTF_8).strip());
                Files.delete(request);
                try {
                    Properties info = Backup.write(dataSource, dataDir, target);
                    log.info("Backup written to {} ({} files)", target, info.getProperty("files"));
                    var text = new StringWriter();
                    info.store(text, null);
                    answer(dir, id, ".done", text.toString());
                } catch (RuntimeException e) {
                    log.error("Backup to {} failed", target, e);
                    answer(dir, id, ".failed", String.valueOf(e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("Cannot serve backup requests in {}", dir, e); // the poller keeps running: next second
        }
    }

    private static void answer(Path dir, String id, String suffix, String text) throws IOException {
        Path tmp = dir.resolve(id + suffix + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(id + suffix), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Asks the server running on {@code dataDir} for a backup into {@code target} and waits for its answer.
     *
     * @return the backup's facts (backup.properties)
     * @throws IllegalStateException with the server's reason, or when no server picks the request up
     */
    public static Properties ask(Path dataDir, Path target, Duration timeout) throws InterruptedException {
        Path dir = dataDir.resolve(DIR);
        String id = UUID.randomUUID().toString();
        Path request = dir.resolve(id + ".request");
        try {
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("no server has run on " + dataDir + " (no " + DIR + "/)");
            }
            Path tmp = dir.resolve(id + ".tmp");
            Files.writeString(tmp, target.toAbsolutePath().toString(), StandardCharsets.UTF_8);
            Files.move(tmp, request, StandardCopyOption.ATOMIC_MOVE);
            long pickUpBy = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                Path done = dir.resolve(id + ".done");
                Path failed = dir.resolve(id + ".failed");
                if (Files.exists(done)) {
                    var info = new Properties();
                    info.load(new java.io.StringReader(Files.readString(done, StandardCharsets.UTF_8)));
                    Files.delete(done);
                    return info;
                }
                if (Files.exists(failed)) {
                    String reason = Files.readString(failed, StandardCharsets.UTF_8);
                    Files.delete(failed);
                    throw new IllegalStateException("the server could not write the backup: " + reason);
                }
                if (System.nanoTime() > pickUpBy && Files.exists(request)) {
                    Files.delete(request);
                    throw new IllegalStateException("the server on " + dataDir + " did not take the request "
                            + "within 15 s: is it running?");
                }
                Thread.sleep(200); // polling a file the server writes; there is no event to wait on
            }
            throw new IllegalStateException("no answer from the server within " + timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask for a backup in " + dir, e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
