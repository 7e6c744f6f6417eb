package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark, not a test (run by bin/bench-player-transitions): plays N video→video transitions (pb-red ↔
 * pb-blue) and N image→video transitions (pb-magenta.png → pb-red/pb-blue) in slots of S ms, sampling the X
 * server's pixel at the window's centre at every pulse, and prints per kind of transition how many showed a
 * foreign frame and how long the picture stood still. Arguments: [N=200] [S=500].
 */
public final class TransitionBenchmark {
    private TransitionBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int slot = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        var ids = new ArrayList<Object>();
        for (int i = 0; i <= n; i++) {           // n video→video transitions
            ids.add(i % 2 == 0 ? "pb-red" : "pb-blue");
            ids.add(slot);
        }
        for (int i = 0; i < n; i++) {            // n image→video (and n video→image) transitions
            ids.add("pb-magenta");
            ids.add(slot);
            ids.add(i % 2 == 0 ? "pb-red" : "pb-blue");
            ids.add(slot);
        }
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", "pb-red.mp4",
                "pb-blue.mp4", "pb-magenta.png");
        int status = 0;
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            var plays = TestMedia.plays(Instant.now().plusMillis(2000), ids.toArray());
            h.startSampling();
            h.play(plays);
            Harness.waitUntil(Duration.ofMillis((long) plays.size() * slot + 20_000),
                    () -> h.outcomes.size() >= plays.size());
            var samples = h.stopSampling();
            status = report(Transitions.of(samples), samples.size(), plays.size());
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        Runtime.getRuntime().halt(status);
    }

    private static int report(List<Transitions.Transition> all, int samples, int plays) {
        Map<String, List<Transitions.Transition>> byKind = new TreeMap<>();
        for (var t : all) {
            String kind = name(t.from()) + "→" + name(t.to());
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(t);
        }
        System.out.printf(Locale.ROOT, "%d plays, %d pixel samples (one per JavaFX pulse), %d transitions%n",
                plays, samples, all.size());
        System.out.printf(Locale.ROOT, "%-15s %6s %14s %16s %9s %9s %9s %12s%n", "transition", "count",
                "with foreign", "foreign samples", "still p50", "still p95", "still max", "still >80ms");
        for (var e : byKind.entrySet()) {
            var ts = e.getValue();
            long withForeign = ts.stream().filter(t -> t.foreignSamples() > 0).count();
            long foreign = ts.stream().mapToLong(Transitions.Transition::foreignSamples).sum();
            long[] stills = ts.stream().mapToLong(Transitions.Transition::stillMillis).sorted().toArray();
            long over = ts.stream().filter(t -> t.stillMillis() > 80).count();
            System.out.printf(Locale.ROOT, "%-15s %6d %14d %16d %7d ms %7d ms %7d ms %12d%n", e.getKey(), ts.size(),
                    withForeign, foreign, pct(stills, 50), pct(stills, 95), stills[stills.length - 1], over);
            ts.stream().filter(t -> t.foreignSamples() > 0 || t.stillMillis() > 80).limit(5)
                    .forEach(t -> System.out.println("    e.g. " + t.around() + " (still " + t.stillMillis() + " ms)"));
        }
        return 0;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String name(char kind) {
        return kind == 'M' ? "image" : "video";
    }
}
