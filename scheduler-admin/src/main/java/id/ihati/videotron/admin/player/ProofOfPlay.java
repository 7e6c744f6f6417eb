package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores proof-of-play batches: each play id once, the chain of each screen verified against the record
 * stored just before, what the check finds kept in {@code chain_problem}. Batches of one screen are stored one
 * after the other (the screen's row is locked), so two nodes receiving a batch each cannot both miss the
 * other's records.
 *
 * <p>Acknowledged records cannot be rewritten (docs/player-api.md, "Anchored and signed records"): a play id
 * sent again with other content, a new record at a seq already stored, or one that contradicts an
 * acknowledged head is refused (not stored, not acknowledged, kept as a chain problem); records from a player
 * paired with a key must carry its signature. After each batch the screen's head moves over the stored
 * records that now link to it, and each new head is kept in {@code play_anchor}.
 */
public final class ProofOfPlay {
    private static final Logger log = LoggerFactory.getLogger(ProofOfPlay.class);
    public static final int MAX_BATCH = 1000;

    /** The answer to a batch: the play ids stored (now or before) and what the checks found. */
    public record Receipt(List<String> acknowledged, boolean chainIntact, List<String> problems) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public ProofOfPlay(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a batch from a player paired without a key, under a valid token. */
    public Receipt store(String screenId, List<PlayRecord> batch) {
        return store(screenId, batch, null, null);
    }

    /**
     * Stores a batch from a player whose token was revoked at {@code revokedAt} (null: a valid token) and that
     * was paired with the Ed25519 {@code publicKey} (base64; null: paired without one, records accepted
     * unsigned). A player under a revoked token was the screen's player only until then: its records that
     * started before are stored as usual, later ones are neither stored nor acknowledged (the player keeps
     * them) and each is named in the problems.
     */
    public Receipt store(String screenId, List<PlayRecord> batch, Instant revokedAt, String publicKey) {
        check(screenId, batch);
        Optional<PublicKey> key = Optional.ofNullable(publicKey).map(k -> PlaySignatures.publicKey(k)
                .orElseThrow(() -> new IllegalStateException("the stored device key of " + screenId + " is unreadable")));
        if (revokedAt != null) {
            List<PlayRecord> before = batch.stream().filter(r -> r.actualStart().isBefore(revokedAt)).toList();
            List<String> refused = batch.stream().filter(r -> !r.actualStart().isBefore(revokedAt))
                    .map(r -> "record seq " + r.seq() + " started after the device token was revoked; not stored")
                    .toList();
            Receipt stored = before.isEmpty() ? new Receipt(List.of(), true, List.of())
                    : storeChecked(screenId, before, key);
            if (refused.isEmpty()) {
                return stored;
            }
            List<String> problems = new ArrayList<>(stored.problems());
            problems.addAll(refused);
            return new Receipt(stored.acknowledged(), stored.chainIntact(), problems);
        }
        return storeChecked(screenId, batch, key);
    }

    private record Refused(PlayRecord record, String problem) {
    }

    /** A batch sorted against what the server holds: records to store (by seq), records refused, the head. */
    private record Sorted(List<PlayRecord> fresh, List<Refused> refused, Anchoring.Head head) {
    }

    private Receipt storeChecked(String screenId, List<PlayRecord> batch, Optional<PublicKey> key) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM screen WHERE id = :s FOR UPDATE").bind("s", screenId)
                    .mapTo(String.class).findOne();
            Sorted sorted = sort(h, screenId, batch, key);
            List<PlayRecord> fresh = sorted.fresh();
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
                    problem(h, screenId, now, fresh.get(0).playId(), p);
                }
                if (key.isEmpty()) {
                    countUnsigned(h, screenId, fresh.size());
                }
                if (fresh.stream().anyMatch(r -> r.seq() == sorted.head().seq() + 1)) {
                    advance(h, screenId, sorted.head(), now);
                }
            }
            for (Refused r : sorted.refused()) {
                problems.add(r.problem());
                // The player sends a refused record again with every batch: keep it once.
                if (h.createQuery("""
                                SELECT COUNT(*) FROM chain_problem WHERE screen_id = :s AND play_id = :p
                                AND problem = :problem""")
                        .bind("s", screenId).bind("p", r.record().playId()).bind("problem", clip(r.problem()))
                        .mapTo(Integer.class).one() == 0) {
                    problem(h, screenId, now, r.record().playId(), r.problem());
                }
            }
            if (!sorted.refused().isEmpty()) {
                log.warn("screen {}: refused {} of {} proof-of-play records (contradicting acknowledged ones or "
                        + "not signed with its player's key); kept as chain problems", screenId,
                        sorted.refused().size(), batch.size());
            }
            Set<String> refusedIds = new HashSet<>();
            sorted.refused().forEach(r -> refusedIds.add(r.record().playId()));
            return new Receipt(batch.stream().map(PlayRecord::playId).filter(id -> !refusedIds.contains(id)).toList(),
                    problems.isEmpty(), problems);
        });
    }

    /**
     * Sorts a batch against the stored records and acknowledged heads: play ids stored before are acknowledged
     * again when unchanged and refused otherwise; new records are stored unless {@link Anchoring#refusal}
     * finds a reason (a second new record at one seq counts as contradicting the first).
     */
    private static Sorted sort(Handle h, String screenId, List<PlayRecord> batch, Optional<PublicKey> key) {
        Map<String, PlayRecord> stored = storedByPlayId(h, batch);
        List<Refused> refused = new ArrayList<>();
        List<PlayRecord> candidates = new ArrayList<>();
        for (PlayRecord r : batch) {
            PlayRecord earlier = stored.get(r.playId());
            if (earlier == null) {
                candidates.add(r);
            } else {
                Anchoring.resentRefusal(r, earlier).ifPresent(p -> refused.add(new Refused(r, p)));
            }
        }
        candidates.sort(Comparator.comparingLong(PlayRecord::seq));
        Anchoring.Head head = head(h, screenId);
        Map<Long, String[]> around = storedAround(h, screenId, candidates);
        Map<Long, String> anchors = anchorsAt(h, screenId, candidates, head);
        List<PlayRecord> fresh = new ArrayList<>();
        Map<Long, String> taken = new HashMap<>();
        for (PlayRecord r : candidates) {
            Anchoring.Neighbours n = new Anchoring.Neighbours(
                    Optional.ofNullable(taken.get(r.seq())).or(() -> Optional.ofNullable(around.get(r.seq()))
                            .map(x -> x[0])),
                    Optional.ofNullable(anchors.get(r.seq())),
                    Optional.ofNullable(around.get(r.seq() + 1)).map(x -> x[1]));
            Optional<String> why = Anchoring.refusal(r, key, n, head);
            if (why.isPresent()) {
                refused.add(new Refused(r, why.get()));
            } else {
                // A player without a key has no signature to check: none is kept.
                fresh.add(key.isPresent() ? r : r.withSignature(null));
                taken.put(r.seq(), String.valueOf(r.hash()));
            }
        }
        return new Sorted(fresh, refused, head);
    }

    private static Map<String, PlayRecord> storedByPlayId(Handle h, List<PlayRecord> batch) {
        Map<String, PlayRecord> out = new HashMap<>();
        if (!batch.isEmpty()) {
            h.createQuery("SELECT * FROM play_record WHERE play_id IN (<ids>)")
                    .bindList("ids", batch.stream().map(PlayRecord::playId).toList())
                    .map(ProofOfPlay::map).forEach(r -> out.put(r.playId(), r));
        }
        return out;
    }

    /** The screen's newest acknowledged head. */
    private static Anchoring.Head head(Handle h, String screenId) {
        return h.createQuery("SELECT seq, hash FROM play_anchor WHERE screen_id = :s ORDER BY seq DESC LIMIT 1")
                .bind("s", screenId).map((rs, ctx) -> new Anchoring.Head(rs.getLong(1), rs.getString(2)))
                .findFirst().orElse(Anchoring.Head.START);
    }

    /** Hash and prevHash of the screen's stored records at the candidates' seqs and the seqs just after. */
    private static Map<Long, String[]> storedAround(Handle h, String screenId, List<PlayRecord> candidates) {
        Map<Long, String[]> out = new HashMap<>();
        Set<Long> seqs = new HashSet<>();
        candidates.forEach(r -> {
            seqs.add(r.seq());
            seqs.add(r.seq() + 1);
        });
        if (!seqs.isEmpty()) {
            h.createQuery("SELECT seq, hash, prev_hash FROM play_record WHERE screen_id = :s AND seq IN (<seqs>)")
                    .bind("s", screenId).bindList("seqs", List.copyOf(seqs))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new String[] {String.valueOf(rs.getString(2)),
                            rs.getString(3)}))
                    .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The acknowledged heads at the seqs of candidates at or before the screen's head. */
    private static Map<Long, String> anchorsAt(Handle h, String screenId, List<PlayRecord> candidates,
                                               Anchoring.Head head) {
        List<Long> seqs = candidates.stream().map(PlayRecord::seq).filter(q -> q <= head.seq()).distinct().toList();
        Map<Long, String> out = new HashMap<>();
        if (!seqs.isEmpty()) {
            h.createQuery("SELECT seq, hash FROM play_anchor WHERE screen_id = :s AND seq IN (<seqs>)")
                    .bind("s", screenId).bindList("seqs", seqs)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * Moves the screen's head over the stored records that now link to it (this batch's, and any stored
     * earlier behind a gap this batch filled), keeping the new head.
     */
    private static void advance(Handle h, String screenId, Anchoring.Head from, Instant now) {
        Anchoring.Head head = from;
        try (var records = h.createQuery("SELECT * FROM play_record WHERE screen_id = :s AND seq > :seq ORDER BY seq")
                .bind("s", screenId).bind("seq", from.seq()).setFetchSize(500).map(ProofOfPlay::map).stream()) {
            for (PlayRecord r : (Iterable<PlayRecord>) records::iterator) {
                if (r.seq() > head.seq() + 1) {
                    break;
                }
                head = Anchoring.step(head, r);
            }
        }
        if (head.seq() > from.seq()) {
            h.createUpdate("INSERT INTO play_anchor (screen_id, seq, hash, anchored_at) VALUES (:s, :seq, :hash, :now)")
                    .bind("s", screenId).bind("seq", head.seq()).bind("hash", head.hash())
                    .bind("now", Timestamp.from(now)).execute();
        }
    }

    private static void countUnsigned(Handle h, String screenId, int n) {
        int updated = h.createUpdate("UPDATE play_unsigned SET records = records + :n WHERE screen_id = :s")
                .bind("n", n).bind("s", screenId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO play_unsigned (screen_id, records) VALUES (:s, :n)")
                    .bind("s", screenId).bind("n", n).execute();
        }
    }

    private static void problem(Handle h, String screenId, Instant now, String playId, String problem) {
        h.createUpdate("""
                        INSERT INTO chain_problem (screen_id, found_at, play_id, problem)
                        VALUES (:s, :now, :p, :problem)""")
                .bind("s", screenId).bind("now", Timestamp.from(now)).bind("p", playId)
                .bind("problem", clip(problem)).execute();
    }

    private static String clip(String problem) {
        return problem.length() > 500 ? problem.substring(0, 500) : problem;
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
                            hash, signature, received_at)
                        VALUES (:playId, :screen, :seq, :media, :source, :category, :ps, :pe, :as, :ae,
                            :completed, :error, :prev, :hash, :signature, :now)""")
                .bind("playId", r.playId()).bind("screen", r.screenId()).bind("seq", r.seq())
                .bind("media", r.mediaId()).bind("source", r.sourceId())
                .bind("category", r.category().name()).bind("ps", ts(r.plannedStart())).bind("pe", ts(r.plannedEnd()))
                .bind("as", ts(r.actualStart())).bind("ae", ts(r.actualEnd())).bind("completed", r.completed())
                .bind("error", r.error()).bind("prev", r.prevHash()).bind("hash", r.hash())
                .bind("signature", r.signature()).bind("now", Timestamp.from(now)).execute();
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
                rs.getBoolean("completed"), rs.getString("error"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getString("signature"));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
