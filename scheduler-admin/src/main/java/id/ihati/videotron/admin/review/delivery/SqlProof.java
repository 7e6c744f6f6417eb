package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.admin.review.ReviewSources;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.Inputs.OfflineInterval;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.playlists.proof.Interruption;
import id.ihati.videotron.playlists.schedule.Category;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Proof of play counted where it is stored, so a month of ten million records never becomes ten million
 * objects: past days from the daily rollup ({@code play_daily}); today, yesterday until the rollup job has
 * run after midnight, and any day the rollup has not covered from {@code play_record} with GROUP BY.
 * Offline intervals are the OFFLINE incidents, from the last heartbeat before each (not from when it was
 * detected, three heartbeats later) until it closed; a screen's chain is intact for a period when no chain problem
 * was found for a record of that period. With the chain come its marks: how many records lie after the screen's
 * last acknowledged head ({@code play_anchor}) and how many are unsigned ({@code play_unsigned}).
 */
public final class SqlProof implements ReviewSources.Proof {
    private final Jdbi jdbi;
    private final java.time.Clock clock;

    public SqlProof(Jdbi jdbi) {
        this(jdbi, java.time.Clock.systemUTC());
    }

    public SqlProof(Jdbi jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public List<ReportedCount> counts(Collection<ScreenInfo> screens, LocalDate from, LocalDate to) {
        if (screens.isEmpty()) {
            return List.of();
        }
        Map<ZoneId, List<String>> byZone = screens.stream().collect(Collectors.groupingBy(ScreenInfo::zone,
                LinkedHashMap::new, Collectors.mapping(ScreenInfo::id, Collectors.toList())));
        var out = new ArrayList<ReportedCount>();
        for (var e : byZone.entrySet()) {
            ZoneId zone = e.getKey();
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            var rolled = rolledUp(e.getValue(), zone, from, to.isBefore(today) ? to : today.minusDays(1));
            Set<String> covered = new HashSet<>();
            rolled.forEach(r -> covered.add(r.screenId() + "/" + r.day()));
            out.addAll(rolled);
            // Days not (or not yet) rolled up: counted from the records themselves, only those days.
            for (Uncovered u : uncovered(e.getValue(), covered, from, to)) {
                for (ReportedCount r : raw(u.screenIds(), zone, u.from(), u.to())) {
                    if (!covered.contains(r.screenId() + "/" + r.day())) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Screens some of whose days {@code from}–{@code to} (inclusive) are not in the rollup. */
    record Uncovered(List<String> screenIds, LocalDate from, LocalDate to) {
    }

    /**
     * The runs of consecutive days on which some screen has no rolled-up row, each with the screens that lack
     * one: usually just yesterday and today for every screen, plus the odd day a screen played nothing.
     */
    static List<Uncovered> uncovered(List<String> screenIds, Set<String> covered, LocalDate from, LocalDate to) {
        var runs = new ArrayList<Uncovered>();
        Set<String> screens = new java.util.LinkedHashSet<>();
        LocalDate runFrom = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            var missing = screenIds.stream().filter(id -> !covered.contains(id + "/" + day)).toList();
            if (missing.isEmpty() && runFrom != null) {
                runs.add(new Uncovered(List.copyOf(screens), runFrom, d.minusDays(1)));
                screens.clear();
                runFrom = null;
            } else if (!missing.isEmpty()) {
                runFrom = runFrom == null ? d : runFrom;
                screens.addAll(missing);
            }
        }
        if (runFrom != null) {
            runs.add(new Uncovered(List.copyOf(screens), runFrom, to));
        }
        return runs;
    }

    /**
     * Rows of {@code play_daily} for {@code from}–{@code to}, summed over media. Yesterday (in {@code zone}) only
     * where it was rolled up after it ended: before that its plays were still coming in. Older days are taken
     * as they are; the rollup job recomputes a day whenever late records arrive.
     */
    public List<ReportedCount> rolledUp(List<String> screenIds, ZoneId zone, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, play_day, source_id, category, SUM(completed_plays) AS done,
                               SUM(COALESCE(media_error_plays, plays - completed_plays)) AS failed
                        FROM play_daily WHERE screen_id IN (<ids>) AND play_day >= :from AND play_day <= :to
                        GROUP BY screen_id, play_day, source_id, category
                        HAVING play_day < :yesterday OR MIN(rolled_up_at) >= :todayStart""")
                .bindList("ids", screenIds).bind("from", from).bind("to", to).bind("yesterday", today.minusDays(1))
                .bind("todayStart", Timestamp.from(today.atStartOfDay(zone).toInstant()))
                .map((rs, ctx) -> new ReportedCount(rs.getString(1), rs.getObject(2, LocalDate.class),
                        emptyToNull(rs.getString(3)), Category.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6)))
                .list());
    }

    /**
     * {@code play_record} counted per screen, local day of the planned start, source, category and outcome.
     * For a zone without daylight saving (all of Indonesia) one query groups by the day number; otherwise one
     * query per day.
     */
    public List<ReportedCount> raw(List<String> screenIds, ZoneId zone, LocalDate from, LocalDate to) {
        var rules = zone.getRules();
        if (!rules.isFixedOffset() && !rules.getTransitionRules().isEmpty()) {
            var out = new ArrayList<ReportedCount>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                LocalDate day = d;
                out.addAll(rawQuery(screenIds, d.atStartOfDay(zone).toInstant(),
                        d.plusDays(1).atStartOfDay(zone).toInstant(), 0, n -> day));
            }
            return out;
        }
        int offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        return rawQuery(screenIds, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                offset, LocalDate::ofEpochDay);
    }

    private List<ReportedCount> rawQuery(List<String> screenIds, Instant from, Instant to, int offsetSeconds,
                                         java.util.function.LongFunction<LocalDate> day) {
        // Records are found by actual start (indexed), a little wider than the range, and counted by the day of
        // their planned start, the day the plan gave them.
        String dayExpr = "FLOOR((EXTRACT(EPOCH FROM COALESCE(planned_start, actual_start)) + " + offsetSeconds
                + ") / 86400)";
        long fromDay = Math.floorDiv(from.getEpochSecond() + offsetSeconds, 86_400);
        long toDay = Math.floorDiv(to.getEpochSecond() + offsetSeconds, 86_400);
        return jdbi.withHandle(h -> h.createQuery("SELECT screen_id, " + dayExpr + " AS d, source_id, category,"
                        + " SUM(CASE WHEN completed THEN 1 ELSE 0 END) AS done,"
                        + " SUM(CASE WHEN completed OR error IS NULL OR error IN (<cut>) THEN 0 ELSE 1 END) AS failed"
                        + " FROM play_record WHERE screen_id IN (<ids>) AND actual_start >= :from AND actual_start < :to"
                        + " GROUP BY screen_id, " + dayExpr + ", source_id, category")
                .bindList("ids", screenIds).bindList("cut", Interruption.texts())
                .bind("from", Timestamp.from(from.minusSeconds(3600))).bind("to", Timestamp.from(to.plusSeconds(3600)))
                .map((rs, ctx) -> {
                    long d = rs.getLong(2);
                    return d < fromDay || d >= toDay ? null : new ReportedCount(rs.getString(1), day.apply(d),
                            emptyToNull(rs.getString(3)), Category.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6));
                })
                .list().stream().filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public List<OfflineInterval> offline(Collection<String> screenIds, Instant from, Instant to) {
        if (screenIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, COALESCE(began_at, opened_at), closed_at FROM incident
                        WHERE kind = 'OFFLINE' AND screen_id IN (<ids>) AND COALESCE(began_at, opened_at) < :to
                        AND (closed_at IS NULL OR closed_at > :from)""")
                .bindList("ids", List.copyOf(screenIds)).bind("from", Timestamp.from(from)).bind("to", Timestamp.from(to))
                .map((rs, ctx) -> new OfflineInterval(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list());
    }

    @Override
    public Map<String, ChainStatus> chains(Collection<String> screenIds) {
        if (screenIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> problems = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT screen_id, problem FROM chain_problem WHERE screen_id IN (<ids>) ORDER BY id""")
                .bindList("ids", List.copyOf(screenIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> problems.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        Map<String, Long> heads = new HashMap<>();
        Map<String, Long> unanchored = new HashMap<>();
        Map<String, Long> unsigned = new HashMap<>();
        jdbi.useHandle(h -> {
            h.createQuery("SELECT screen_id, MAX(seq) FROM play_anchor WHERE screen_id IN (<ids>) GROUP BY screen_id")
                    .bindList("ids", List.copyOf(screenIds))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> heads.put(e.getKey(), e.getValue()));
            // Records after the screen's last acknowledged head: normally none, read from the (screen, seq) index.
            h.createQuery("""
                            SELECT p.screen_id, COUNT(*) FROM play_record p
                            LEFT JOIN (SELECT screen_id, MAX(seq) AS top FROM play_anchor WHERE screen_id IN (<ids>)
                                       GROUP BY screen_id) a ON a.screen_id = p.screen_id
                            WHERE p.screen_id IN (<ids>) AND p.seq > COALESCE(a.top, 0) GROUP BY p.screen_id""")
                    .bindList("ids", List.copyOf(screenIds))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> unanchored.put(e.getKey(), e.getValue()));
            h.createQuery("SELECT screen_id, records FROM play_unsigned WHERE screen_id IN (<ids>)")
                    .bindList("ids", List.copyOf(screenIds))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> unsigned.put(e.getKey(), e.getValue()));
        });
        var out = new HashMap<String, ChainStatus>();
        for (String id : screenIds) {
            List<String> p = problems.getOrDefault(id, List.of());
            out.put(id, new ChainStatus(p.isEmpty(), p, heads.getOrDefault(id, 0L), unanchored.getOrDefault(id, 0L),
                    unsigned.getOrDefault(id, 0L)));
        }
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
