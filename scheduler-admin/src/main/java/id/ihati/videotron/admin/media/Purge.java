package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.audit.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deleting stored files nobody refers to any more, after a grace period (see {@link MediaPurgeJob}). */
public final class Purge {
    private static final Logger log = LoggerFactory.getLogger(Purge.class);

    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final ContentStore store;
    private final AuditLog audit;
    private final Clock clock;

    public Purge(Jdbi jdbi, MediaRepository repo, ContentStore store, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repo = repo;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one purge run did. */
    public record Result(int marked, int deleted, int kept) {
    }

    /**
     * Deletes stored files that no row has referred to for at least {@code grace}, and temporary files older
     * than the grace period (left by a crash mid-upload). A file is first marked as unreferenced with the
     * current time; it is deleted by a later run once the mark is old enough and it is still unreferenced.
     * A file referenced again loses its mark.
     */
    public Result run(Duration grace) {
        Instant now = clock.instant();
        List<String> stored = store.list();
        var deleted = new ArrayList<String>();
        int[] counts = new int[2];
        jdbi.useTransaction(h -> {
            Set<String> referenced = repo.referencedFiles(h);
            var orphans = repo.orphans(h);
            for (String sha : orphans.keySet()) {
                if (referenced.contains(sha) || !stored.contains(sha)) {
                    repo.unmarkOrphan(h, sha);
                }
            }
            for (String sha : stored) {
                if (referenced.contains(sha)) {
                    continue;
                }
                Instant since = orphans.get(sha);
                if (since == null) {
                    repo.markOrphan(h, sha, now);
                    counts[0]++;
                } else if (!since.plus(grace).isAfter(now)) {
                    repo.unmarkOrphan(h, sha);
                    deleted.add(sha);
                } else {
                    counts[1]++;
                }
            }
            if (!deleted.isEmpty()) {
                audit.record(h, "system", "media.purge", "media", null, deleted.size() + " files: "
                        + String.join(", ", deleted));
            }
        });
        // Deleted after the commit: a failed transaction must not lose a file a row might still need.
        deleted.forEach(store::delete);
        purgeTemp(now.minus(grace));
        if (!deleted.isEmpty()) {
            log.info("Purged {} unreferenced media files", deleted.size());
        }
        return new Result(counts[0], deleted.size(), counts[1]);
    }

    private void purgeTemp(Instant olderThan) {
        try (var files = Files.list(store.tmpDir())) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p) && !Files.getLastModifiedTime(p).toInstant().isAfter(olderThan)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + store.tmpDir(), e);
        }
    }
}
