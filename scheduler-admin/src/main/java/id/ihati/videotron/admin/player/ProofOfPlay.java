package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Stores proof-of-play batches: each play id once, the chain of each screen verified against the record
 * stored just before, what the check finds kept in {@code chain_problem}. Batches of one screen are stored one
 * after the other (the screen's row is locked), so two nodes receiving a batch each cannot both miss the
 * other's records.
 */
public final class ProofOfPlay {
    public static final int MAX_BATCH = 1000;

    /** The answer to a batch: every play id in it (new or already stored) and what the chain check found. */
    public record Receipt(List<String> acknowledged, boolean chainIntact, List<String> problems) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public ProofOfPlay(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Receipt store(String screenId, List<PlayRecord> batch) {
        return store(screenId, batch, null);
    }

    /**
     * Stores a batch from a player whose token was revoked at {@code revokedAt} (null: a valid token). Such a
     * player was the screen's player only until then: its records that started before are stored as usual,
     * later ones are neither stored nor acknowledged (the player keeps them) and each is named in the problems.
     */
    public Receipt store(String screenId, List<PlayRecord> batch, Instant revokedAt) {
        check(screenId, batch);
        if (revokedAt != null) {
            List<PlayRecord> before = batch.stream().filter(r -> r.actualStart().isBefore(revokedAt)).toList();
            List<String> refused = batch.stream().filter(r -> !r.actualStart().isBefore(revokedAt))
                    .map(r -> "record seq " + r.seq() + " started after the device token was revoked; not stored")
                    .toList();
            Receipt stored = before.isEmpty() ? new Receipt(List.of(), true, List.of()) : storeChecked(screenId, before);
            if (refused.isEmpty()) {
                return stored;
            }
            List<String> problems = new ArrayList<>(stored.problems());
            problems.addAll(refused);
            return new Receipt(stored.acknowledged(), stored.chainIntact(), problems);
        }
        return storeChecked(screenId, batch);
    }

    private Receipt storeChecked(String screenId, List<PlayRecord> batch) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM screen WHERE id = :s FOR UPDATE").bind("s", screenId)
                    .mapTo(String.class).findOne();
            Set<String> stored = new HashSet<>();
            for (PlayRecord r : batch) {
                if (h.createQuery("SELECT COUNT(*) FROM play_record WHERE play_id = :p").bind("p", r.playId())
                        .mapTo(Integer.class).one() > 0) {
                    stored.add(r.playId());
                }
            }
            List<PlayRecord> fresh = batch.stream().filter(r -> !stored.contains(r.playId()))
                    .sorted(Comparator.comparingLong(PlayRecord::seq)).toList();
            List<String> problems = new ArrayList<>();
            if (!fresh.isEmpty()) {
                Optional<PlayRecord> before = lastBefore(h, screenId, fresh.get(0).seq());
                ChainCheck check = ChainCheck.verify(fresh,
                        before.map(PlayRecord::hash).orElse(PlayRecord.GENESIS),
                        before.map(b -> b.seq() + 1).orElse(1L));
                problems.addAll(check.problems());
                for (PlayRecord r : fresh) {
                    insert(h, r, now);
                }
                for (String p : problems) {
                    h.createUpdate("""
                                    INSERT INTO chain_problem (screen_id, found_at, play_id, problem)
                                    VALUES (:s, :now, :p, :problem)""")
                            .bind("s", screenId).bind("now", Timestamp.from(now)).bind("p", fresh.get(0).playId())
                            .bind("problem", p.length() > 500 ? p.substring(0, 500) : p).execute();
                }
            }
            return new Receipt(batch.stream().map(PlayRecord::playId).toList(), problems.isEmpty(), problems);
        });
    }

    private static void check(String screenId, List<PlayRecord> batch) {
        if (batch.size() > MAX_BATCH) {
            throw ValidationException.of("records", "plays.tooMany", MAX_BATCH);
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            PlayRecord r = batch.get(i);
            if (!screenId.equals(r.screenId())) {
                problems.add(Problem.of("records[" + i + "].screenId", "plays.otherScreen", screenId));
            }
            if (r.playId().isBlank() || r.playId().length() > 64) {
                problems.add(Problem.of("records[" + i + "].playId", "plays.badPlayId"));
            }
            if (!ids.add(r.playId())) {
                problems.add(Problem.of("records[" + i + "].playId", "plays.duplicateInBatch"));
            }
            if (r.mediaId().length() > 128 || (r.sourceId() != null && r.sourceId().length() > 128)
                    || (r.error() != null && r.error().length() > 1000)) {
                problems.add(Problem.of("records[" + i + "]", "plays.tooLong"));
            }
            if (r.prevHash().length() != 64 || (r.hash() != null && r.hash().length() != 64)) {
                problems.add(Problem.of("records[" + i + "].hash", "plays.badHash"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static Optional<PlayRecord> lastBefore(Handle h, String screenId, long seq) {
        return h.createQuery("SELECT * FROM play_record WHERE screen_id = :s AND seq < :seq ORDER BY seq DESC LIMIT 1")
                .bind("s", screenId).bind("seq", seq).map(ProofOfPlay::map).findFirst();
    }

    private static void insert(Handle h, PlayRecord r, Instant now) {
        h.createUpdate("""
                        INSERT INTO play_record (play_id, screen_id, seq, media_id, source_id, category,
                            planned_start, planned_end, actual_start, actual_end, completed, error, prev_hash,
                            hash, received_at)
                        VALUES (:playId, :screen, :seq, :media, :source, :category, :ps, :pe, :as, :ae,
                            :completed, :error, :prev, :hash, :now)""")
                .bind("playId", r.playId()).bind("screen", r.screenId()).bind("seq", r.seq())
                .bind("media", r.mediaId()).bind("source", r.sourceId())
                .bind("category", r.category().name()).bind("ps", ts(r.plannedStart())).bind("pe", ts(r.plannedEnd()))
                .bind("as", ts(r.actualStart())).bind("ae", ts(r.actualEnd())).bind("completed", r.completed())
                .bind("error", r.error()).bind("prev", r.prevHash()).bind("hash", r.hash())
                .bind("now", Timestamp.from(now)).execute();
    }

    /** The screen's records whose actual start lies in {@code [from, to)}, by seq. */
    public List<PlayRecord> between(String screenId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM play_record WHERE screen_id = :s AND actual_start >= :from
                        AND actual_start < :to ORDER BY seq""")
                .bind("s", screenId).bind("from", ts(from)).bind("to", ts(to)).map(ProofOfPlay::map).list());
    }

    /** The screen's play that started last, if it reported any. */
    public Optional<PlayRecord> latest(String screenId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM play_record WHERE screen_id = :s ORDER BY actual_start DESC, seq DESC LIMIT 1""")
                .bind("s", screenId).map(ProofOfPlay::map).findFirst());
    }

    /** How many plays the screen reported starting in {@code [from, to)}. */
    public int count(String screenId, Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM play_record WHERE screen_id = :s AND actual_start >= :from
                        AND actual_start < :to""")
                .bind("s", screenId).bind("from", ts(from)).bind("to", ts(to)).mapTo(Integer.class).one());
    }

    /** The chain problems found for a screen, newest first. */
    public List<String> problems(String screenId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT problem FROM chain_problem WHERE screen_id = :s ORDER BY id DESC LIMIT :n""")
                .bind("s", screenId).bind("n", limit).mapTo(String.class).list());
    }

    static PlayRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PlayRecord(rs.getString("play_id"), rs.getString("screen_id"), rs.getLong("seq"),
                rs.getString("media_id"), rs.getString("source_id"),
                id.ihati.videotron.playlists.schedule.Category.valueOf(rs.getString("category")),
                StatusRepository.instant(rs, "planned_start"), StatusRepository.instant(rs, "planned_end"),
                StatusRepository.instant(rs, "actual_start"), StatusRepository.instant(rs, "actual_end"),
                rs.getBoolean("completed"), rs.getString("error"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
