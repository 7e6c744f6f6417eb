package id.ihati.videotron.admin.review.delivery;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counted plays: asked for, planned, delivered (reported played to the end), and why the others were lost.
 *
 * @param delivered        completed plays, at most {@code planned}
 * @param unplanned        completed plays the plan did not have (reported beyond it)
 * @param plannedSeconds   screen time planned
 * @param deliveredSeconds screen time delivered (planned time of the delivered plays)
 * @param lost             plays lost, by reason; their sum is {@code requested - delivered}
 */
public record Tally(long requested, long planned, long delivered, long unplanned, long plannedSeconds,
                    double deliveredSeconds, Map<ShortfallReason, Long> lost) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, Map.of());

    public Tally {
        var copy = new EnumMap<ShortfallReason, Long>(ShortfallReason.class);
        lost.forEach((k, v) -> {
            if (v != 0) {
                copy.put(k, v);
            }
        });
        lost = java.util.Collections.unmodifiableMap(copy);
    }

    public Tally plus(Tally o) {
        var sum = new EnumMap<ShortfallReason, Long>(ShortfallReason.class);
        sum.putAll(lost);
        o.lost.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new Tally(requested + o.requested, planned + o.planned, delivered + o.delivered,
                unplanned + o.unplanned, plannedSeconds + o.plannedSeconds, deliveredSeconds + o.deliveredSeconds, sum);
    }

    public long lost(ShortfallReason reason) {
        return lost.getOrDefault(reason, 0L);
    }

    /** Delivered plays as a percentage of planned plays; 100 when nothing was planned. */
    public double deliveryPercent() {
        return planned == 0 ? 100.0 : 100.0 * delivered / planned;
    }

    /** Plays asked for but not delivered, for whatever reason. */
    public long shortfall() {
        return requested - delivered;
    }
}
