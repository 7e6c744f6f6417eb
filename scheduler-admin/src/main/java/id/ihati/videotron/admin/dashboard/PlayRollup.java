package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Proof of play per screen, source (booking or alert; "" for filler), media and screen-local day, in
 * {@code play_daily}, which the DPRD delivery reports read. A day is recomputed whole from the stored records,
 * so running twice (or on two nodes) gives the same rows, and records that arrive late (a player offline for
 * weeks) are counted when their day is recomputed.
 */
public final class PlayRollup {
    /** One row of {@code play_daily}. */
    public record DailyPlays(String screenId, LocalDate day, String sourceId, String mediaId, String category,
                             int plays, int completedPlays, int mediaErrorPlays, long playedSeconds) {
    }

    private final Jdbi jdbi;
    private final ScreenRepository screens;
    private final ProofOfPlay plays;

    public PlayRollup(Jdbi jdbi, ScreenRepository screens, ProofOfPlay plays) {
        this.jdbi = jdbi;
        this.screens = screens;
        this.plays = plays;
    }

    /**
     * Recomputes every screen-day that received records since {@code since}, today and yesterday, and days whose
     * media errors were never counted apart.
     */
    public void run(Instant since, Instant now) {
        for (ScreenProfile screen : screens.profiles()) {
            ZoneId zone = screen.timeZone();
            var days = new java.util.TreeSet<LocalDate>();
            LocalDate today = now.atZone(zone).toLocalDate();
            days.add(today);
            days.add(today.minusDays(1));
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT actual_start FROM play_record WHERE screen_id = :s AND received_at >= :since""")
                    .bind("s", screen.id()).bind("since", Timestamp.from(since))
                    .map((rs, ctx) -> rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate())
                    .forEach(days::add));
            // Days rolled up before media errors were counted apart (migration V49) are counted again once.
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT DISTINCT play_day FROM play_daily
                            WHERE screen_id = :s AND media_error_plays IS NULL""")
                    .bind("s", screen.id()).mapTo(LocalDate.class).forEach(days::add));
            for (LocalDate day : days) {
                rollup(screen, day, now);
            }
        }
    }

    /** Recomputes one screen-day. */
    public void rollup(ScreenProfile screen, LocalDate day, Instant now) {
        ZoneId zone = screen.timeZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<List<String>, DailyPlays> rows = new LinkedHashMap<>();
        for (PlayRecord r : plays.between(screen.id(), from, to)) {
            String source = Objects.requireNonNullElse(r.sourceId(), "");
            var key = List.of(source, r.mediaId());
            long seconds = r.actualEnd() == null ? 0 : Duration.between(r.actualStart(), r.actualEnd()).toSeconds();
            DailyPlays before = Optional.ofNullable(rows.get(key)).orElse(new DailyPlays(screen.id(), day, source,
                    r.mediaId(), r.category().name(), 0, 0, 0, 0));
            rows.put(key, new DailyPlays(screen.id(), day, source, r.mediaId(), before.category(),
                    before.plays() + 1, before.completedPlays() + (r.completed() ? 1 : 0),
                    before.mediaErrorPlays() + (r.mediaError() ? 1 : 0),
                    before.playedSeconds() + Math.max(0, seconds)));
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM play_daily WHERE screen_id = :s AND play_day = :d")
                    .bind("s", screen.id()).bind("d", day).execute();
            for (DailyPlays d : rows.values()) {
                h.createUpdate("""
                                INSERT INTO play_daily (screen_id, play_day, source_id, media_id, category, plays,
                                    completed_plays, media_error_plays, played_seconds, rolled_up_at)
                                VALUES (:s, :d, :src, :m, :c, :p, :cp, :me, :sec, :now)""")
                        .bind("s", d.screenId()).bind("d", d.day()).bind("src", d.sourceId()).bind("m", d.mediaId())
                        .bind("c", d.category()).bind("p", d.plays()).bind("cp", d.completedPlays())
                        .bind("me", d.mediaErrorPlays())
                        .bind("sec", d.playedSeconds()).bind("now", Timestamp.from(now)).execute();
            }
        });
    }

    /** The rolled-up rows of a screen-day. */
    public List<DailyPlays> daily(String screenId, LocalDate day) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, play_day, source_id, media_id, category, plays, completed_plays,
                               media_error_plays, played_seconds
                        FROM play_daily WHERE screen_id = :s AND play_day = :d ORDER BY source_id, media_id""")
                .bind("s", screenId).bind("d", day)
                .map((rs, ctx) -> new DailyPlays(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9)))
                .list());
    }
}
