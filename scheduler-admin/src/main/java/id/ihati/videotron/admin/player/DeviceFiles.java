package id.ihati.videotron.admin.player;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import org.jdbi.v3.core.Jdbi;

/**
 * When a manifest of each screen last named each file ({@code device_file}): shared by all nodes, so a player may
 * fetch a file its plan still needs from whichever node the load balancer picks.
 */
public final class DeviceFiles {
    private final Jdbi jdbi;
    private final String upsert;

    public DeviceFiles(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        // H2 and PostgreSQL 14 share no upsert. On PostgreSQL two nodes may write at once: keep the later time.
        this.upsert = postgres
                ? """
                  INSERT INTO device_file (screen_id, sha256, last_named) VALUES (:s, :f, :t)
                  ON CONFLICT (screen_id, sha256)
                  DO UPDATE SET last_named = GREATEST(device_file.last_named, EXCLUDED.last_named)"""
                : "MERGE INTO device_file KEY (screen_id, sha256) VALUES (:s, :f, :t)";
    }

    /** Records that a manifest of {@code screenId} named these files at {@code at}. */
    void named(String screenId, Collection<String> files, Instant at) {
        if (files.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            var batch = h.prepareBatch(upsert);
            for (String f : files) {
                batch.bind("s", screenId).bind("f", f).bind("t", Timestamp.from(at)).add();
            }
            batch.execute();
        });
    }

    /** Whether a manifest of {@code screenId} named {@code sha256} after {@code since}. */
    boolean namedAfter(String screenId, String sha256, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM device_file WHERE screen_id = :s AND sha256 = :f AND last_named > :since""")
                .bind("s", screenId).bind("f", sha256).bind("since", Timestamp.from(since)).mapTo(Integer.class)
                .one() > 0);
    }

    /** Forgets what was named before {@code before}; the number of rows. */
    int purge(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM device_file WHERE last_named <= :b")
                .bind("b", Timestamp.from(before)).execute());
    }
}
