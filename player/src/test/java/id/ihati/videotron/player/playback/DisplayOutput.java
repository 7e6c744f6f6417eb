package id.ihati.videotron.player.playback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * Reads a recording of the display ({@link DisplayCapture}) of the window playing the mark- test clips (a solid
 * colour with a white marker that moves every frame and a black one every 38 frames, 160×80 shown at 320×160) and
 * pb-magenta.png, and measures what a viewer sees:
 * <ul>
 * <li><b>foreign grabs</b>: grabs between two content pictures showing anything but those two items (black,
 *     background, a status text, a third colour), at any of five points of the window;</li>
 * <li><b>stills</b>: how long each picture of a video stood on screen, from the grab that first showed it to the
 *     grab that first showed something else. A 25 fps video shows a new picture every 40 ms, i.e. on grabs
 *     33 or 50 ms apart at 60 fps; a longer still is a picture held too long. A video's last picture before a
 *     change counts until the next item is on screen (a video frozen while the next one is prepared shows here);
 *     an image is still by nature and is not counted.</li>
 * </ul>
 */
final class DisplayOutput {
    /** How far around a change the stills are counted as the change's. */
    static final long AROUND_MICROS = 500_000;
    private static final int W = Harness.W;
    private static final int H = Harness.H;
    /** Points clear of both markers: left, centre, right of the middle row, top and bottom centre. */
    private static final int[][] POINTS = {{20, H / 2}, {W / 2, H / 2}, {W - 20, H / 2}, {W / 2, 8}, {W / 2, H - 8}};
    /** The rows the white (frame mod 38) and the black (frame / 38) marker move along, and their step. */
    private static final int WHITE_ROW = 40;
    private static final int BLACK_ROW = 120;
    private static final int STEP = 8;

    private DisplayOutput() {
    }

    /** One grab: its checksum, the kind of picture at each point (see {@link Colours#kind}), the clip's frame. */
    record Grab(long micros, long crc, String points, int frame) {
        /** The kind all points agree on, or '*' for a mixed grab. */
        char kind() {
            return points.chars().allMatch(c -> c == points.charAt(0)) ? points.charAt(0) : '*';
        }
    }

    /** One picture held on screen: consecutive identical grabs. */
    record Picture(char kind, String points, int frame, long firstMicros, int grabs) {
        boolean content() {
            return kind == 'R' || kind == 'B' || kind == 'M';
        }

        boolean video() {
            return kind == 'R' || kind == 'B';
        }
    }

    /**
     * One change from an item to another.
     *
     * @param foreignGrabs grabs between the two showing anything else
     * @param stillMillis  the longest still of a video picture within {@link #AROUND_MICROS} of the change
     * @param around       the pictures around it, e.g. "R12 33ms, R13 50ms, B0 33ms" (kind, clip frame, time on screen)
     */
    record Change(char from, char to, long atMicros, int foreignGrabs, long stillMillis, String around) {
        String name() {
            return name(from) + "→" + name(to);
        }

        private static String name(char kind) {
            return kind == 'M' ? "image" : "video";
        }
    }

    /**
     * @param changes      every change between items
     * @param stills       how long each video picture stood on screen, in ms, in order
     * @param foreignGrabs grabs showing neither of the items around them, over the whole run
     * @param grabs        grabs from the first content picture to the last
     * @param longestGap   the longest time between two grabs (ffmpeg itself held up), in ms
     * @param worst        the longest stills with the pictures around them
     */
    record Result(List<Change> changes, long[] stills, int foreignGrabs, int grabs, long longestGap,
                  List<String> worst) {
        long longestStill() {
            return Arrays.stream(stills).max().orElse(0);
        }

        long stillsOver(long millis) {
            return Arrays.stream(stills).filter(s -> s > millis).count();
        }
    }

    /** Reads one grab: for {@link DisplayCapture#frames}. */
    static Grab read(long micros, long crc, DisplayCapture.Pixels px) {
        var kinds = new StringBuilder();
        for (int[] p : POINTS) {
            kinds.append(Colours.kind(color(px.at(p[0], p[1]))));
        }
        int low = markerAt(px, WHITE_ROW, true);
        int high = markerAt(px, BLACK_ROW, false);
        return new Grab(micros, crc, kinds.toString(), low < 0 || high < 0 ? -1 : high * 38 + low);
    }

    /** Where along {@code row} the white (or black) marker is, in marker steps; -1 if none. */
    private static int markerAt(DisplayCapture.Pixels px, int row, boolean white) {
        for (int x = 0; x < W; x++) {
            int c = px.at(x, row);
            int r = c >> 16 & 0xff;
            int g = c >> 8 & 0xff;
            int b = c & 0xff;
            if (white ? r > 180 && g > 180 && b > 180 : r < 70 && g < 70 && b < 70) {
                return Math.round(x / (float) STEP);
            }
        }
        return -1;
    }

    private static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }

    static List<Picture> pictures(List<Grab> grabs) {
        var out = new ArrayList<Picture>();
        long lastCrc = -1;
        for (var g : grabs) {
            if (!out.isEmpty() && g.crc() == lastCrc) {
                var p = out.get(out.size() - 1);
                out.set(out.size() - 1, new Picture(p.kind(), p.points(), p.frame(), p.firstMicros(), p.grabs() + 1));
            } else {
                out.add(new Picture(g.kind(), g.points(), g.frame(), g.micros(), 1));
            }
            lastCrc = g.crc();
        }
        return out;
    }

    static Result analyse(List<Grab> grabs) {
        return analyse(grabs, new long[0]);
    }

    /**
     * As {@link #analyse(List)}; {@code pulses} are the times (µs since the epoch) of the JavaFX pulses during the
     * run, so that each of the worst stills says whether the FX thread stood still too (empty: not known).
     */
    static Result analyse(List<Grab> grabs, long[] pulses) {
        var pics = pictures(grabs);
        int first = -1;
        int last = -1;
        for (int i = 0; i < pics.size(); i++) {
            if (pics.get(i).content()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return new Result(List.of(), new long[0], 0, 0, 0, List.of());
        }
        // How long each video picture stood, by index (0 where not counted).
        long[] stillAt = new long[pics.size()];
        var stills = new ArrayList<Long>();
        for (int i = first; i < last; i++) {
            if (pics.get(i).video()) {
                stillAt[i] = (pics.get(i + 1).firstMicros() - pics.get(i).firstMicros()) / 1000;
                stills.add(stillAt[i]);
            }
        }
        var changes = new ArrayList<Change>();
        int foreign = 0;
        int prev = first;
        for (int i = first + 1; i <= last; i++) {
            var p = pics.get(i);
            if (!p.content()) {
                continue;
            }
            char from = pics.get(prev).kind();
            int between = 0;
            for (int k = prev + 1; k < i; k++) {
                var q = pics.get(k);
                if (!q.points().chars().allMatch(c -> c == from || c == p.kind())) {
                    between += q.grabs();
                }
            }
            foreign += between;
            if (p.kind() != from) {
                long at = p.firstMicros();
                long still = 0;
                for (int k = first; k < last; k++) {
                    if (Math.abs(pics.get(k).firstMicros() - at) <= AROUND_MICROS) {
                        still = Math.max(still, stillAt[k]);
                    }
                }
                changes.add(new Change(from, p.kind(), at, between, still, around(pics, prev - 2, i + 2)));
            }
            prev = i;
        }
        int grabCount = 0;
        long gap = 0;
        long from = pics.get(first).firstMicros();
        long to = pics.get(last).firstMicros();
        Grab before = null;
        for (var g : grabs) {
            if (g.micros() >= from && g.micros() <= to) {
                grabCount++;
                if (before != null) {
                    gap = Math.max(gap, (g.micros() - before.micros()) / 1000);
                }
                before = g;
            }
        }
        return new Result(changes, stills.stream().mapToLong(Long::longValue).toArray(), foreign, grabCount, gap,
                worst(pics, stillAt, pulses, 5));
    }

    /** The {@code n} longest stills, each with the pictures around it and the longest pulse gap within it. */
    private static List<String> worst(List<Picture> pics, long[] stillAt, long[] pulses, int n) {
        Integer[] idx = new Integer[stillAt.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(stillAt[b], stillAt[a]));
        var out = new ArrayList<String>();
        for (int k = 0; k < Math.min(n, idx.length) && stillAt[idx[k]] > 0; k++) {
            int i = idx[k];
            long from = pics.get(i).firstMicros();
            String fx = pulses.length == 0 ? ""
                    : " (longest gap between FX pulses in it: " + longestGap(pulses, from, from + stillAt[i] * 1000)
                    + " ms)";
            out.add(stillAt[i] + " ms: " + around(pics, i - 3, i + 3) + fx);
        }
        return out;
    }

    /** The longest gap between consecutive {@code times} (sorted, µs) that overlaps [from, to], in ms. */
    private static long longestGap(long[] times, long from, long to) {
        int i = Arrays.binarySearch(times, from);
        i = Math.max(0, (i < 0 ? -i - 1 : i) - 1);
        long gap = 0;
        for (; i + 1 < times.length && times[i] <= to; i++) {
            gap = Math.max(gap, times[i + 1] - times[i]);
        }
        return gap / 1000;
    }

    /** The pictures from {@code from} to {@code to}: kind, clip frame and time on screen. */
    static String around(List<Picture> pics, int from, int to) {
        var sb = new StringBuilder();
        for (int k = Math.max(0, from); k <= Math.min(to, pics.size() - 1); k++) {
            var p = pics.get(k);
            String shown = k + 1 < pics.size()
                    ? (pics.get(k + 1).firstMicros() - p.firstMicros()) / 1000 + "ms" : "…";
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(p.content() ? String.valueOf(p.kind()) : "[" + p.points() + "]")
                    .append(p.frame() >= 0 ? String.valueOf(p.frame()) : "").append(' ').append(shown);
        }
        return sb.toString();
    }

    static long percentile(long[] values, int p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
