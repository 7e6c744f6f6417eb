package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Benchmark, not a test (run by bin/bench-player-memory): N transitions (default 2,000) cycling pb-red.mp4,
 * pb-blue.mp4 and pb-magenta.png in slots of S ms (default 400), printing the process's resident memory every
 * 200 transitions and at the end the growth after 200. Arguments: [N=2000] [S=400].
 */
public final class MemoryBenchmark {
    private MemoryBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int slot = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String[] cycle = {"pb-red", "pb-blue", "pb-magenta"};
        var ids = new ArrayList<Object>();
        for (int i = 0; i <= n; i++) {
            ids.add(cycle[i % cycle.length]);
            ids.add(slot);
        }
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", "pb-red.mp4",
                "pb-blue.mp4", "pb-magenta.png");
        int status = 0;
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            var plays = TestMedia.plays(Instant.now().plusMillis(2000), ids.toArray());
            h.play(plays);
            System.out.printf(Locale.ROOT, "%6s %10s %12s%n", "trans.", "RSS MiB", "heap MiB");
            print(0);
            double at200 = 0;
            double last = 0;
            for (int done = 200; done <= n; done += 200) {
                int target = done;
                Harness.waitUntil(Duration.ofMillis((long) 200 * slot + 30_000), () -> h.outcomes.size() >= target);
                last = print(done);
                at200 = done == 200 ? last : at200;
            }
            if (n > 200) {
                long skipped = h.outcomes.stream().filter(o -> o.error() != null && o.error().startsWith("skipped"))
                        .count();
                System.out.printf(Locale.ROOT, "RSS after %d transitions: %+.1f %% against the value after 200 "
                        + "(target: within 10 %%); plays skipped because the player fell behind: %d%n",
                        n, (last / at200 - 1) * 100, skipped);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        Runtime.getRuntime().halt(status);
    }

    /** Prints a line for {@code transitions} and returns the RSS in MiB. */
    private static double print(int transitions) throws IOException {
        long rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        var rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%6d %10.1f %12.1f%n", transitions, rssKb / 1024.0,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        return rssKb / 1024.0;
    }
}
