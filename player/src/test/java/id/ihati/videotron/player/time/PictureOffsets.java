package id.ihati.videotron.player.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The picture offset between two screens playing one plan, from what each showed over time: every change of
 * picture on screen A (e.g. red to blue) is paired with the nearest change of the same kind on screen B, and the
 * offset is the time between the two. Kinds are single letters (a content colour); {@code '?'} (a mixed or
 * unknown pixel) is never a change. Pure: samples in, offsets out.
 */
final class PictureOffsets {
    private PictureOffsets() {
    }

    /** What one screen showed at one instant ({@code nanos} from any common origin). */
    record Sample(long nanos, char kind) {
    }

    /** One change of picture: from one kind to another, first seen at {@code nanos}. */
    record Change(long nanos, char from, char to) {
    }

    /** Matched changes' offsets (A minus B, ms) and the changes of A that found no partner. */
    record Result(List<Double> offsetsMillis, int unmatched) {
        double percentileAbs(double p) {
            double[] abs = offsetsMillis.stream().mapToDouble(Math::abs).sorted().toArray();
            if (abs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * abs.length) - 1;
            return abs[Math.max(0, Math.min(abs.length - 1, i))];
        }

        double maxAbs() {
            return offsetsMillis.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
        }

        @Override
        public String toString() {
            return String.format("%d changes matched, %d unmatched; |offset| p50 %.0f ms, p95 %.0f ms, max %.0f ms",
                    offsetsMillis.size(), unmatched, percentileAbs(50), percentileAbs(95), maxAbs());
        }
    }

    /** The changes in a run of samples; unknown samples are skipped. */
    static List<Change> changes(List<Sample> samples) {
        var out = new ArrayList<Change>();
        char last = 0;
        for (Sample s : samples) {
            if (s.kind() == '?') {
                continue;
            }
            if (last != 0 && s.kind() != last) {
                out.add(new Change(s.nanos(), last, s.kind()));
            }
            last = s.kind();
        }
        return out;
    }

    /**
     * Pairs each change of {@code a} with the nearest change of the same kind in {@code b} no further than
     * {@code windowMillis}: the window must be under half the time between two changes of the same kind, or a
     * screen a whole cycle off would look in step.
     */
    static Result offsets(List<Change> a, List<Change> b, long windowMillis) {
        var offsets = new ArrayList<Double>();
        int unmatched = 0;
        for (Change x : a) {
            Change best = null;
            for (Change y : b) {
                if (y.from() == x.from() && y.to() == x.to()
                        && Math.abs(y.nanos() - x.nanos()) <= windowMillis * 1_000_000
                        && (best == null || Math.abs(y.nanos() - x.nanos()) < Math.abs(best.nanos() - x.nanos()))) {
                    best = y;
                }
            }
            if (best == null) {
                unmatched++;
            } else {
                offsets.add((x.nanos() - best.nanos()) / 1e6);
            }
        }
        return new Result(List.copyOf(offsets), unmatched);
    }
}
