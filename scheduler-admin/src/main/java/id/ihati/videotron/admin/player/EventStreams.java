package id.ihati.videotron.admin.player;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The cluster's open event streams in the database ({@code event_stream}), so every node agrees on the limit per
 * device token: opening a stream past the limit deletes the rows of the oldest ones and counts up
 * {@code player_sync} row 3; each node closes those of its own streams that have lost their row.
 */
final class EventStreams {
    static final int CLOSINGS = 3;
    private final Jdbi jdbi;
    private final Clock clock;

    EventStreams(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records a new stream and returns the ids of the streams of the same token it pushes past {@code max} (the
     * oldest first), whose rows are gone. The token's row is locked meanwhile, so two nodes opening streams for
     * one token at once take turns and neither misses the other's stream.
     */
    List<String> open(String id, String tokenHash, String screenId, int max) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT token_hash FROM device_token WHERE token_hash = :t FOR UPDATE")
                    .bind("t", tokenHash).mapTo(String.class).findOne();
            long seq = h.createQuery("SELECT COALESCE(MAX(opened_seq), 0) + 1 FROM event_stream WHERE token_hash = :t")
                    .bind("t", tokenHash).mapTo(Long.class).one();
            h.createUpdate("""
                            INSERT INTO event_stream (id, token_hash, screen_id, opened_seq, opened_at)
                            VALUES (:id, :t, :s, :seq, :now)""")
                    .bind("id", id).bind("t", tokenHash).bind("s", screenId).bind("seq", seq)
                    .bind("now", Timestamp.from(clock.instant())).execute();
            List<String> open = h.createQuery(
                            "SELECT id FROM event_stream WHERE token_hash = :t ORDER BY opened_seq DESC")
                    .bind("t", tokenHash).mapTo(String.class).list();
            List<String> evicted = new java.util.ArrayList<>(open.subList(Math.min(max, open.size()), open.size()));
            java.util.Collections.reverse(evicted);
            if (!evicted.isEmpty()) {
                h.createUpdate("DELETE FROM event_stream WHERE id IN (<ids>)").bindList("ids", evicted).execute();
                h.createUpdate("UPDATE player_sync SET generation = generation + 1 WHERE id = :id")
                        .bind("id", CLOSINGS).execute();
            }
            return evicted;
        });
    }

    /** Forgets a stream that ended. */
    void closed(String id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM event_stream WHERE id = :id").bind("id", id).execute());
    }

    /** Which of these streams still have their row. */
    Set<String> alive(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT id FROM event_stream WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).mapTo(String.class).list()));
    }
}
