package id.ihati.videotron.admin.player;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** The {@code screen_status} table: one row per screen, replaced by each heartbeat. */
public final class StatusRepository {
    private static final String COLUMNS = """
            screen_id, last_seen, status, playing_media, playing_source, playing_since, cache_files, cache_bytes,
            cache_missing, cache_budget, player_version, manifest_hash, schedule_version, free_disk_bytes,
            clock_offset_ms, media_errors, held_plays, picture_fault, picture_media, picture_since""";
    private final Jdbi jdbi;

    public StatusRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a heartbeat as the screen's status (update, or insert for its first one). */
    public void record(String screenId, Heartbeat hb, Instant now) {
        jdbi.useTransaction(h -> {
            // Two heartbeats of a new screen at once would both insert: the screen's row lock lets one wait.
            h.createQuery("SELECT id FROM screen WHERE id = :s FOR UPDATE").bind("s", screenId).mapTo(String.class)
                    .findOne();
            int n = bind(h.createUpdate("""
                    UPDATE screen_status SET last_seen = :now, status = :status, playing_media = :pm,
                        playing_source = :ps, playing_since = :since, cache_files = :cf, cache_bytes = :cb,
                        cache_missing = :cm, cache_budget = :cbud, player_version = :pv, manifest_hash = :mh,
                        schedule_version = :sv, free_disk_bytes = :disk, clock_offset_ms = :offset,
                        media_errors = :errors, held_plays = :held, picture_fault = :pf, picture_media = :pfm,
                        picture_since = :pfs
                    WHERE screen_id = :screen"""), screenId, hb, now).execute();
            if (n == 0) {
                bind(h.createUpdate("INSERT INTO screen_status (" + COLUMNS + """
                        ) VALUES (:screen, :now, :status, :pm, :ps, :since, :cf, :cb, :cm, :cbud, :pv, :mh, :sv,
                                  :disk, :offset, :errors, :held, :pf, :pfm, :pfs)"""), screenId, hb, now).execute();
            }
        });
    }

    private static Update bind(Update u, String screenId, Heartbeat hb, Instant now) {
        var p = hb.playing();
        var c = hb.cache();
        var pf = hb.pictureFault();
        String errors = hb.mediaErrors().stream()
                .map(e -> e.mediaId() + ": " + (e.error() == null ? "" : e.error()))
                .collect(Collectors.joining("\n"));
        return u.bind("screen", screenId).bind("now", Timestamp.from(now)).bind("status", hb.status().name())
                .bind("pm", p == null ? null : p.mediaId()).bind("ps", p == null ? null : p.sourceId())
                .bind("since", p == null || p.since() == null ? null : Timestamp.from(p.since()))
                .bind("cf", c == null ? null : c.files()).bind("cb", c == null ? null : c.bytes())
                .bind("cm", c == null ? null : c.missing()).bind("cbud", c == null ? null : c.budgetBytes())
                .bind("pv", hb.playerVersion()).bind("mh", hb.manifestHash()).bind("sv", hb.scheduleVersion())
                .bind("disk", hb.freeDiskBytes()).bind("offset", hb.clockOffsetMillis())
                .bind("held", hb.heldPlays())
                .bind("pf", pf == null || pf.kind() == null ? null : cut(pf.kind(), 16))
                .bind("pfm", pf == null || pf.mediaId() == null ? null : cut(pf.mediaId(), 128))
                .bind("pfs", pf == null || pf.since() == null ? null : Timestamp.from(pf.since()))
                .bind("errors", errors.isEmpty() ? null : errors.length() > 2000 ? errors.substring(0, 2000) : errors);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    public Optional<ScreenStatus> find(String screenId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM screen_status WHERE screen_id = :s")
                .bind("s", screenId).map(StatusRepository::map).findOne());
    }

    public Map<String, ScreenStatus> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM screen_status")
                .map(StatusRepository::map).stream()
                .collect(Collectors.toMap(ScreenStatus::screenId, Function.identity())));
    }

    public List<ScreenStatus> list() {
        return List.copyOf(all().values());
    }

    static ScreenStatus map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ScreenStatus(rs.getString("screen_id"), instant(rs, "last_seen"), rs.getString("status"),
                rs.getString("playing_media"), rs.getString("playing_source"), instant(rs, "playing_since"),
                (Integer) rs.getObject("cache_files", Integer.class), rs.getObject("cache_bytes", Long.class),
                rs.getObject("cache_missing", Integer.class), rs.getObject("cache_budget", Long.class),
                rs.getString("player_version"), rs.getString("manifest_hash"),
                rs.getObject("schedule_version", Long.class), rs.getObject("free_disk_bytes", Long.class),
                rs.getObject("clock_offset_ms", Long.class), rs.getString("media_errors"),
                rs.getObject("held_plays", Long.class), rs.getString("picture_fault"), rs.getString("picture_media"),
                instant(rs, "picture_since"));
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
