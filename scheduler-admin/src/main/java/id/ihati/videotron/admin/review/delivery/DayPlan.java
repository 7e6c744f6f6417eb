package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of one screen for one local day, reduced to what delivery reports need. It names no screen, so
 * screens with the same plan share one instance.
 *
 * @param plannedSeconds seconds of planned plays of every source (the screen's operating time that day)
 */
public record DayPlan(long plannedSeconds, List<SourcePlan> sources) {

    public DayPlan {
        sources = List.copyOf(sources);
    }

    /**
     * Reduces the resolver's plan of a day. {@code withoutAlerts} is the same day resolved with the alerts
     * left out, or {@code null} when no alert was in force: the plays a booking has there but not in
     * {@code plan} are the ones an alert pre-empted.
     */
    public static DayPlan of(Timeline plan, Timeline withoutAlerts) {
        Map<String, Acc> bySource = new LinkedHashMap<>();
        long seconds = 0;
        for (PlannedPlay p : plan.plays()) {
            Acc a = bySource.computeIfAbsent(key(p.sourceId(), p.category()), k -> new Acc(p.sourceId(), p.category()));
            a.plays.add(p);
            long s = Duration.between(p.start(), p.end()).toSeconds();
            a.seconds += s;
            seconds += s;
        }
        for (Shortfall f : plan.shortfalls()) {
            if (!f.isLoss()) {
                continue; // hours where the screen is dark are never asked for, so never a loss
            }
            Acc a = bySource.computeIfAbsent(key(f.bookingId(), null), k -> new Acc(f.bookingId(), null));
            a.requested = Math.max(a.requested, f.requested());
        }
        // Alerts are told apart by resolving the day without them: what a booking gets there but not here, an
        // alert took; the rest it lost to other bookings, shares or unavailable media.
        Map<String, Integer> withoutAlertCounts = new LinkedHashMap<>();
        if (withoutAlerts != null) {
            for (PlannedPlay p : withoutAlerts.plays()) {
                if (p.sourceId() != null && p.category() != Category.ALERT) {
                    withoutAlertCounts.merge(p.sourceId(), 1, Integer::sum);
                }
            }
        }
        List<SourcePlan> sources = new ArrayList<>();
        for (Acc a : bySource.values()) {
            sources.add(a.toPlan(withoutAlertCounts.getOrDefault(a.sourceId, 0)));
        }
        return new DayPlan(seconds, sources);
    }

    /** This plan followed by another part of the same day (a schedule version published mid-day). */
    public DayPlan plus(DayPlan later) {
        Map<String, SourcePlan> merged = new LinkedHashMap<>();
        for (SourcePlan p : sources) {
            merged.put(key(p.sourceId(), p.category()), p);
        }
        for (SourcePlan p : later.sources) {
            merged.merge(key(p.sourceId(), p.category()), p, (a, b) -> new SourcePlan(a.sourceId(), a.category(),
                    a.requested() + b.requested(), a.planned() + b.planned(), a.plannedSeconds() + b.plannedSeconds(),
                    a.alertPreempted() + b.alertPreempted(), a.outsideHours() + b.outsideHours(),
                    concat(a.starts(), b.starts()), concat(a.ends(), b.ends())));
        }
        return new DayPlan(plannedSeconds + later.plannedSeconds, List.copyOf(merged.values()));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String key(String sourceId, Category category) {
        // Shortfalls do not say the category; bookings are keyed by id alone, filler by its category.
        return sourceId != null ? "b:" + sourceId : "f:" + category;
    }

    private static final class Acc {
        final String sourceId;
        Category category;
        final List<PlannedPlay> plays = new ArrayList<>();
        long seconds;
        int requested;
        int outsideHours;

        Acc(String sourceId, Category category) {
            this.sourceId = sourceId;
            this.category = category;
        }

        SourcePlan toPlan(int plannedWithoutAlerts) {
            int planned = plays.size();
            if (category == null) {
                category = plays.isEmpty() ? Category.HEALTH : plays.get(0).category();
            }
            int req = Math.max(requested, planned);
            int lost = req - planned;
            int alert = Math.min(Math.max(0, plannedWithoutAlerts - planned), lost);
            int hours = Math.min(outsideHours, lost - alert);
            long[] starts = new long[planned];
            long[] ends = new long[planned];
            for (int i = 0; i < planned; i++) {
                starts[i] = plays.get(i).start().toEpochMilli();
                ends[i] = plays.get(i).end().toEpochMilli();
            }
            return new SourcePlan(sourceId, category, req, planned, seconds, alert, hours, starts, ends);
        }
    }
}
