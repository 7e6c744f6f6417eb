package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.playlists.schedule.Category;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the plan of one screen-day gives one source (a booking, an alert, or filler when {@code sourceId} is
 * {@code null}): the plays it asked for, the plays it got and why it lost the others, and the planned plays'
 * times (epoch milliseconds, start order) so plays due while a screen was offline can be counted.
 *
 * @param requested       plays asked for (equal to {@code planned} when the booking got all it asked for)
 * @param alertPreempted  plays an alert took
 * @param outsideHours    plays asked for outside the screen's operating hours
 */
public record SourcePlan(String sourceId, Category category, int requested, int planned, long plannedSeconds,
                         int alertPreempted, int outsideHours, long[] starts, long[] ends) {

    public SourcePlan {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        if (starts.length != planned || ends.length != planned) {
            throw new IllegalArgumentException("one start and end per planned play");
        }
        if (requested < planned) {
            throw new IllegalArgumentException("requested " + requested + " < planned " + planned);
        }
        if (alertPreempted < 0 || outsideHours < 0 || alertPreempted + outsideHours > requested - planned) {
            throw new IllegalArgumentException("lost plays do not add up");
        }
    }

    /** Plays lost to other bookings, shares or unavailable media. */
    public int conflict() {
        return requested - planned - alertPreempted - outsideHours;
    }

    /**
     * The part of this plan due before {@code t} (epoch ms) on the day {@code [dayStart, dayEnd)}: the plays
     * that start before {@code t}, and of the plays it lost the same share (the share of the day gone by when
     * it has no plays). Itself when {@code t} is at or after the day's end.
     */
    public SourcePlan startingBefore(long t, long dayStart, long dayEnd) {
        if (t >= dayEnd) {
            return this;
        }
        if (t <= dayStart) {
            return new SourcePlan(sourceId, category, 0, 0, 0, 0, 0, new long[0], new long[0]);
        }
        int n = 0;
        long seconds = 0;
        while (n < planned && starts[n] < t) {
            seconds += (ends[n] - starts[n]) / 1000;
            n++;
        }
        double share = planned > 0 ? (double) n / planned
                : Math.max(0, Math.min(1, (double) (t - dayStart) / (dayEnd - dayStart)));
        int alert = (int) Math.floor(alertPreempted * share);
        int hours = (int) Math.floor(outsideHours * share);
        int other = (int) Math.floor(conflict() * share);
        return new SourcePlan(sourceId, category, n + alert + hours + other, n, seconds, alert, hours,
                Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** How many planned plays overlap any of the given intervals ({@code [from, to)} epoch ms, sorted, disjoint). */
    public int plannedDuring(long[] from, long[] to) {
        int n = 0;
        int j = 0;
        for (int i = 0; i < planned; i++) {
            while (j < from.length && to[j] <= starts[i]) {
                j++;
            }
            if (j < from.length && from[j] < ends[i]) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePlan p && Objects.equals(sourceId, p.sourceId) && category == p.category
                && requested == p.requested && planned == p.planned && plannedSeconds == p.plannedSeconds
                && alertPreempted == p.alertPreempted && outsideHours == p.outsideHours
                && Arrays.equals(starts, p.starts) && Arrays.equals(ends, p.ends);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceId, category, requested, planned, Arrays.hashCode(starts));
    }

    @Override
    public String toString() {
        return "SourcePlan[" + sourceId + " " + category + " requested=" + requested + " planned=" + planned + "]";
    }
}
