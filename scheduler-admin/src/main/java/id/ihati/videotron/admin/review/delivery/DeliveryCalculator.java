package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.admin.review.delivery.DeliveryReport.BookingTotal;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.CategoryTotal;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.Row;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.ScreenTotal;
import id.ihati.videotron.admin.review.delivery.Inputs.BookingInfo;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.Inputs.OfflineInterval;
import id.ihati.videotron.admin.review.delivery.Inputs.PlannedDay;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planned versus delivered, as a pure function: no clock, no database. A planned play counts as delivered when
 * the screen reported a completed play of the same source on the same local day. Of the planned plays that
 * were not delivered, those reported failed are media errors; of the rest, those due while the screen was
 * offline are offline; the others were not reported. Plays the plan never had are lost to an alert, to
 * operating hours or to a schedule conflict, as the resolver said.
 */
public final class DeliveryCalculator {
    private DeliveryCalculator() {
    }

    /**
     * @param screens  the screens to report on (others' plans and records are ignored)
     * @param bookings titles, categories and owners of the sources named in plans and records
     * @param plans    one plan per screen and local day
     * @param reported proof of play counted per screen, day and source
     * @param offline  offline intervals of the screens
     * @param chains   each screen's chain verification; a screen without one counts as intact
     * @param from     first local day, inclusive
     * @param to       last local day, inclusive
     */
    public static DeliveryReport compute(List<ScreenInfo> screens, List<BookingInfo> bookings, List<PlannedDay> plans,
                                         List<ReportedCount> reported, List<OfflineInterval> offline,
                                         Map<String, ChainStatus> chains, LocalDate from, LocalDate to) {
        return compute(screens, bookings, plans, reported, offline, chains, from, to, Instant.MAX);
    }

    /**
     * As {@link #compute(List, List, List, List, List, Map, LocalDate, LocalDate)}, "planned so far" at
     * {@code asOf}: only plays that start before it count as planned (past days whole, the rest of today and
     * future days not at all), and the plays a booking lost are counted in the same proportion, so the future
     * is never planned-but-undelivered.
     */
    public static DeliveryReport compute(List<ScreenInfo> screens, List<BookingInfo> bookings, List<PlannedDay> plans,
                                         List<ReportedCount> reported, List<OfflineInterval> offline,
                                         Map<String, ChainStatus> chains, LocalDate from, LocalDate to,
                                         Instant asOf) {
        Map<String, ScreenInfo> screenById = new LinkedHashMap<>();
        screens.forEach(s -> screenById.put(s.id(), s));
        Map<String, BookingInfo> bookingById = new HashMap<>();
        bookings.forEach(b -> bookingById.put(b.id(), b));

        Map<String, ReportedCount> reportedByKey = new LinkedHashMap<>();
        for (ReportedCount r : reported) {
            if (screenById.containsKey(r.screenId()) && inRange(r.day(), from, to)) {
                reportedByKey.merge(key(r.screenId(), r.day(), r.sourceId(), r.category()), r, (a, b) ->
                        new ReportedCount(a.screenId(), a.day(), a.sourceId(), a.category(),
                                a.completed() + b.completed(), a.failed() + b.failed()));
            }
        }
        Map<String, long[][]> offlineByScreen = offlineArrays(offline, screenById);

        List<Row> rows = new ArrayList<>();
        for (PlannedDay pd : plans) {
            ScreenInfo screen = screenById.get(pd.screenId());
            if (screen == null || !inRange(pd.day(), from, to)) {
                continue;
            }
            long[][] off = offlineByScreen.get(pd.screenId());
            long dayStart = pd.day().atStartOfDay(screen.zone()).toInstant().toEpochMilli();
            long dayEnd = pd.day().plusDays(1).atStartOfDay(screen.zone()).toInstant().toEpochMilli();
            long t = asOf.isAfter(Instant.ofEpochMilli(dayEnd)) ? dayEnd : asOf.toEpochMilli();
            for (SourcePlan whole : pd.plan().sources()) {
                SourcePlan sp = whole.startingBefore(t, dayStart, dayEnd);
                Category category = categoryOf(sp.sourceId(), sp.category(), bookingById);
                ReportedCount r = reportedByKey.remove(key(pd.screenId(), pd.day(), sp.sourceId(), category));
                long completed = r == null ? 0 : r.completed();
                long failed = r == null ? 0 : r.failed();
                if (sp.requested() == 0 && completed == 0 && failed == 0) {
                    continue; // nothing due yet
                }
                rows.add(row(screen, pd.day(), sp.sourceId(), category, bookingById,
                        tally(sp, completed, failed, off)));
            }
        }
        // Completed plays of sources the plan did not have that day: shown, never counted as delivered.
        for (ReportedCount r : reportedByKey.values()) {
            var t = new Tally(0, 0, 0, r.completed(), 0, 0, Map.of());
            rows.add(row(screenById.get(r.screenId()), r.day(), r.sourceId(),
                    categoryOf(r.sourceId(), r.category(), bookingById), bookingById, t));
        }
        rows.sort(Comparator.comparing(Row::screenName).thenComparing(Row::screenId).thenComparing(Row::day)
                .thenComparing(r -> r.category().ordinal())
                .thenComparing(r -> r.sourceId() == null ? "" : r.sourceId()));

        List<ScreenTotal> screenTotals = new ArrayList<>();
        for (ScreenInfo s : screenById.values()) {
            long[][] off = offlineByScreen.get(s.id());
            screenTotals.add(new ScreenTotal(s.id(), s.name(), Tally.ZERO,
                    chains.getOrDefault(s.id(), ChainStatus.UNKNOWN), offlineSeconds(off, s, from, to)));
        }
        return regroup(new DeliveryReport(from, to, List.of(), List.of(), List.of(), List.of(), Tally.ZERO),
                rows, screenTotals);
    }

    /** Totals recomputed from {@code rows}, keeping the screens' chain and offline facts. */
    static DeliveryReport regroup(DeliveryReport base, List<Row> rows, List<ScreenTotal> screens) {
        Map<String, Tally> byScreen = new HashMap<>();
        Map<String, Row> firstOfBooking = new LinkedHashMap<>();
        Map<String, Tally> byBooking = new HashMap<>();
        Map<Category, Tally> byCategory = new EnumMap<>(Category.class);
        Tally total = Tally.ZERO;
        for (Row r : rows) {
            byScreen.merge(r.screenId(), r.tally(), Tally::plus);
            if (r.sourceId() != null) {
                firstOfBooking.putIfAbsent(r.sourceId(), r);
                byBooking.merge(r.sourceId(), r.tally(), Tally::plus);
            }
            byCategory.merge(r.category(), r.tally(), Tally::plus);
            total = total.plus(r.tally());
        }
        var screenTotals = screens.stream().map(s -> new ScreenTotal(s.screenId(), s.name(),
                byScreen.getOrDefault(s.screenId(), Tally.ZERO), s.chain(), s.offlineSeconds())).toList();
        var bookingTotals = new ArrayList<BookingTotal>();
        firstOfBooking.forEach((id, r) -> bookingTotals.add(
                new BookingTotal(id, r.title(), r.category(), r.owner(), byBooking.get(id))));
        bookingTotals.sort(Comparator.comparing((BookingTotal b) -> b.category().ordinal())
                .thenComparing(BookingTotal::title));
        var categoryTotals = new ArrayList<CategoryTotal>();
        long allSeconds = total.plannedSeconds();
        byCategory.forEach((c, t) -> categoryTotals.add(new CategoryTotal(c, t,
                allSeconds == 0 ? 0 : 100.0 * t.plannedSeconds() / allSeconds)));
        return new DeliveryReport(base.from(), base.to(), rows, screenTotals, bookingTotals, categoryTotals, total);
    }

    private static Tally tally(SourcePlan sp, long completed, long failed, long[][] offline) {
        long planned = sp.planned();
        long delivered = Math.min(completed, planned);
        long missing = planned - delivered;
        long mediaError = Math.min(missing, failed);
        long rest = missing - mediaError;
        long offlineLost = rest > 0 && offline != null ? Math.min(rest, sp.plannedDuring(offline[0], offline[1])) : 0;
        var lost = new EnumMap<ShortfallReason, Long>(ShortfallReason.class);
        lost.put(ShortfallReason.ALERT_PREEMPTED, (long) sp.alertPreempted());
        lost.put(ShortfallReason.OUTSIDE_OPERATING_HOURS, (long) sp.outsideHours());
        lost.put(ShortfallReason.SCHEDULE_CONFLICT, (long) sp.conflict());
        lost.put(ShortfallReason.MEDIA_ERROR, mediaError);
        lost.put(ShortfallReason.SCREEN_OFFLINE, offlineLost);
        lost.put(ShortfallReason.NOT_REPORTED, rest - offlineLost);
        double deliveredSeconds = planned == 0 ? 0 : (double) sp.plannedSeconds() * delivered / planned;
        return new Tally(sp.requested(), planned, delivered, completed - delivered, sp.plannedSeconds(),
                deliveredSeconds, lost);
    }

    private static Row row(ScreenInfo screen, LocalDate day, String sourceId, Category category,
                           Map<String, BookingInfo> bookings, Tally t) {
        BookingInfo b = sourceId == null ? null : bookings.get(sourceId);
        String title = b != null ? b.title() : sourceId;
        return new Row(screen.id(), screen.name(), day, sourceId, title, category, b == null ? null : b.owner(), t);
    }

    private static Category categoryOf(String sourceId, Category fallback, Map<String, BookingInfo> bookings) {
        BookingInfo b = sourceId == null ? null : bookings.get(sourceId);
        return b != null ? b.category() : fallback;
    }

    private static String key(String screenId, LocalDate day, String sourceId, Category category) {
        return screenId + '\u001f' + day + '\u001f' + (sourceId != null ? sourceId : "\u0000" + category);
    }

    private static boolean inRange(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /** Per screen, the offline intervals as sorted, merged {@code [from[], to[])} epoch-millisecond arrays. */
    private static Map<String, long[][]> offlineArrays(List<OfflineInterval> offline, Map<String, ScreenInfo> screens) {
        Map<String, List<long[]>> lists = new HashMap<>();
        for (OfflineInterval o : offline) {
            if (screens.containsKey(o.screenId())) {
                long end = o.to() == null ? Long.MAX_VALUE : o.to().toEpochMilli();
                if (end > o.from().toEpochMilli()) {
                    lists.computeIfAbsent(o.screenId(), k -> new ArrayList<>())
                            .add(new long[]{o.from().toEpochMilli(), end});
                }
            }
        }
        Map<String, long[][]> out = new HashMap<>();
        lists.forEach((screen, list) -> {
            list.sort(Comparator.comparingLong(a -> a[0]));
            var merged = new ArrayList<long[]>();
            for (long[] iv : list) {
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && iv[0] <= last[1]) {
                    last[1] = Math.max(last[1], iv[1]);
                } else {
                    merged.add(iv.clone());
                }
            }
            long[] f = new long[merged.size()];
            long[] t = new long[merged.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = merged.get(i)[0];
                t[i] = merged.get(i)[1];
            }
            out.put(screen, new long[][]{f, t});
        });
        return out;
    }

    /** Seconds the screen was offline within the period's local days. */
    private static long offlineSeconds(long[][] off, ScreenInfo screen, LocalDate from, LocalDate to) {
        if (off == null) {
            return 0;
        }
        long start = from.atStartOfDay(screen.zone()).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(screen.zone()).toInstant().toEpochMilli();
        long ms = 0;
        for (int i = 0; i < off[0].length; i++) {
            long a = Math.max(start, off[0][i]);
            long b = Math.min(end, off[1][i]);
            if (b > a) {
                ms += b - a;
            }
        }
        return ms / 1000;
    }

    /** The local day range of a period's instants, for callers that work in instants. */
    public static Instant startOf(LocalDate day, java.time.ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
