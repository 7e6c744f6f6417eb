package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Pure: merges the plays of a new plan that is still downloading with those of the plan before it. The new
 * plan's plays always win; the old plan's plays fill only the times at which the new plan plans nothing, cut to
 * those gaps, so the old plan plays on where the new one has nothing playable yet instead of a status screen.
 */
final class FallbackPlays {
    /** Gaps shorter than this are not worth opening a file for. */
    static final Duration SHORTEST = Duration.ofSeconds(1);

    private FallbackPlays() {
    }

    /**
     * @param primary  the new plan's plays, in start order, not overlapping
     * @param fallback the old plan's plays, in start order
     * @param open     whether the screen is on at an instant by the <em>new</em> plan's operating hours; an old
     *                 play is used only where both ends of its piece are in operating hours
     * @return the primary plays and the pieces of fallback plays lying in the gaps between them, in start order
     */
    static List<PlannedPlay> fillGaps(List<PlannedPlay> primary, List<PlannedPlay> fallback,
                                      Predicate<Instant> open) {
        if (fallback.isEmpty()) {
            return primary;
        }
        List<PlannedPlay> out = new ArrayList<>(primary);
        for (PlannedPlay f : fallback) {
            Instant from = f.start();
            for (PlannedPlay p : primary) {
                if (!p.end().isAfter(from) || !p.start().isBefore(f.end())) {
                    continue;
                }
                if (p.start().isAfter(from)) {
                    addPiece(out, f, from, p.start(), open);
                }
                if (p.end().isAfter(from)) {
                    from = p.end();
                }
            }
            if (from.isBefore(f.end())) {
                addPiece(out, f, from, f.end(), open);
            }
        }
        out.sort(Comparator.comparing(PlannedPlay::start));
        return List.copyOf(out);
    }

    private static void addPiece(List<PlannedPlay> out, PlannedPlay f, Instant from, Instant to,
                                 Predicate<Instant> open) {
        if (Duration.between(from, to).compareTo(SHORTEST) < 0 || !open.test(from) || !open.test(to.minusMillis(1))) {
            return;
        }
        out.add(new PlannedPlay(from, to, f.screenId(), f.mediaId(), f.category(), f.sourceId(), f.day(), f.loop(),
                f.slot(), f.slots()));
    }
}
