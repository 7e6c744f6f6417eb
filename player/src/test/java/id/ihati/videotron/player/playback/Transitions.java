package id.ihati.videotron.player.playback;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run of screen samples (see {@link Harness}) as a sequence of pictures and measures each change from
 * one content item to another: how many samples showed something else (a foreign frame: background, status,
 * anything not one of the two items) and how long the picture stood still around the change.
 */
final class Transitions {
    private Transitions() {
    }

    /** One picture held on screen: its kind and frame code, first and last seen. */
    record Shown(char kind, int frame, long firstNanos, long lastNanos, int samples, String colour) {
        boolean content() {
            return kind == 'R' || kind == 'B' || kind == 'M';
        }
    }

    /**
     * @param foreignSamples samples between the two items that showed neither
     * @param stillMillis    the longest time one picture stood on screen from the outgoing item's last picture
     *                       (a video's; an image is still by nature) to the incoming item's second picture
     */
    record Transition(char from, char to, long atNanos, int foreignSamples, long stillMillis, String around) {
    }

    static List<Shown> pictures(List<Harness.Sample> samples) {
        var out = new ArrayList<Shown>();
        for (var s : samples) {
            char kind = Colours.kind(s.color());
            int frame = kind == 'R' || kind == 'B' ? Colours.frame(s.color()) : 0;
            if (!out.isEmpty()) {
                var last = out.get(out.size() - 1);
                if (last.kind() == kind && last.frame() == frame) {
                    out.set(out.size() - 1, new Shown(kind, last.frame(), last.firstNanos(), s.nanos(),
                            last.samples() + 1, last.colour()));
                    continue;
                }
            }
            out.add(new Shown(kind, frame, s.nanos(), s.nanos(), 1, s.color().toString()));
        }
        return out;
    }

    /** The changes between content items, from the first content picture on. */
    static List<Transition> of(List<Harness.Sample> samples) {
        var pics = pictures(samples);
        var result = new ArrayList<Transition>();
        int prev = -1;
        for (int i = 0; i < pics.size(); i++) {
            if (!pics.get(i).content()) {
                continue;
            }
            if (prev >= 0 && pics.get(i).kind() != pics.get(prev).kind()) {
                int foreign = 0;
                for (int k = prev + 1; k < i; k++) {
                    foreign += pics.get(k).samples();
                }
                int from = pics.get(prev).kind() == 'M' ? i : prev;
                // An image is still by nature: for a change to one, only the wait for it counts.
                int to = pics.get(i).kind() == 'M' ? i : Math.min(i + 1, pics.size() - 1);
                long still = 0;
                for (int k = from; k < to; k++) {
                    still = Math.max(still, pics.get(k + 1).firstNanos() - pics.get(k).firstNanos());
                }
                var around = new StringBuilder();
                for (int k = Math.max(0, prev - 1); k <= to; k++) {
                    var p = pics.get(k);
                    around.append(p.kind()).append(p.frame()).append(p.content() ? "" : p.colour())
                            .append('×').append(p.samples()).append(' ');
                }
                result.add(new Transition(pics.get(prev).kind(), pics.get(i).kind(), pics.get(i).firstNanos(),
                        foreign, still / 1_000_000, around.toString().trim()));
            }
            prev = i;
        }
        return result;
    }

    /** Samples after the first and before the last content picture that show no content. */
    static long foreignBetweenContent(List<Harness.Sample> samples) {
        var pics = pictures(samples);
        int first = -1;
        int last = -1;
        for (int i = 0; i < pics.size(); i++) {
            if (pics.get(i).content()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        long foreign = 0;
        for (int i = Math.max(first, 0); i < last; i++) {
            if (!pics.get(i).content()) {
                foreign += pics.get(i).samples();
            }
        }
        return foreign;
    }

    /** The kinds of content in order of appearance, e.g. "RBR". */
    static String order(List<Harness.Sample> samples) {
        var sb = new StringBuilder();
        for (var p : pictures(samples)) {
            if (p.content() && (sb.length() == 0 || sb.charAt(sb.length() - 1) != p.kind())) {
                sb.append(p.kind());
            }
        }
        return sb.toString();
    }
}
