package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.animation.AnimationTimer;

/**
 * Benchmark, not a test (run by bin/bench-player-output): plays N video→video changes (mark-red ↔ mark-blue)
 * and N image→video and N video→image changes (pb-magenta.png between them) in slots of S ms on the real player
 * stage, records the display with ffmpeg's x11grab at 60 fps in a process of its own, and prints the foreign
 * grabs and the stills it saw ({@link DisplayOutput}). Once with the clips carrying a sound track
 * (mark-*-audio.mp4, on a screen with sound on), once with the silent ones, or only one of them.
 * Arguments: [N=100] [S=500] [sound|silent|both=both].
 */
public final class OutputBenchmark {
    private OutputBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int slot = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String mode = args.length > 2 ? args[2] : "both";
        int status = 0;
        try {
            for (boolean sound : mode.equals("both") ? List.of(true, false) : List.of(mode.equals("sound"))) {
                var result = run(n, slot, sound);
                status |= report(result, n, slot, sound);
            }
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        Runtime.getRuntime().halt(status);
    }

    /** Plays the run and returns what the display showed. */
    static DisplayOutput.Result run(int n, int slot, boolean sound) throws Exception {
        String red = sound ? "mark-red-audio" : "mark-red";
        String blue = sound ? "mark-blue-audio" : "mark-blue";
        long clip = TestMedia.probe(TestMedia.DIR.resolve(red + ".mp4")).millis();
        if (clip < slot) {
            throw new IllegalArgumentException("slots longer than the clips (" + clip + " ms) would end in a still");
        }
        var ids = new ArrayList<Object>();
        for (int i = 0; i <= n; i++) {           // n video→video changes
            ids.add(i % 2 == 0 ? red : blue);
            ids.add(slot);
        }
        for (int i = 0; i < n; i++) {            // n image→video and n video→image changes
            ids.add("pb-magenta");
            ids.add(slot);
            ids.add(i % 2 == 0 ? red : blue);
            ids.add(slot);
        }
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", red + ".mp4",
                blue + ".mp4", "pb-magenta.png");
        Path file = Files.createTempFile("ihati-output-", ".nut");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            var plays = TestMedia.plays(Instant.now().plusMillis(3000), ids.toArray());
            DisplayCapture capture;
            var pulses = new Pulses();
            try (var c = DisplayCapture.start(file, 0, 0, Harness.W, Harness.H)) {
                capture = c;
                pulses.start();
                long cpu0 = processCpuNanos();
                long wall0 = System.nanoTime();
                h.play(plays);
                Harness.waitUntil(Duration.ofMillis((long) plays.size() * slot + 30_000),
                        () -> h.outcomes.size() >= plays.size());
                pulses.stop();
                // The player's own process (JavaFX and its GStreamer decoders), not ffmpeg's.
                System.out.printf(Locale.ROOT, "player process CPU during the plays: %.1f s in %.1f s (%.0f%% of one "
                                + "core)%n", (processCpuNanos() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9,
                        100.0 * (processCpuNanos() - cpu0) / (System.nanoTime() - wall0));
            }
            var failed = h.outcomes.stream().filter(o -> !o.completed()).toList();
            if (!failed.isEmpty()) {
                System.out.println("plays not completed: " + failed.size() + ", e.g. " + failed.get(0));
            }
            var result = DisplayOutput.analyse(capture.frames(DisplayOutput::read), pulses.times());
            capture.delete();
            return result;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The wall-clock time of every JavaFX pulse, to tell a stalled FX thread from a stalled decoder. */
    private static final class Pulses {
        private final List<Long> times = new ArrayList<>();
        private AnimationTimer timer;

        void start() {
            Fx.run(() -> {
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        Instant t = Instant.now();
                        times.add(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
                    }
                };
                timer.start();
            });
        }

        void stop() {
            Fx.run(timer::stop);
        }

        long[] times() {
            return Fx.call(() -> times.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static int report(DisplayOutput.Result r, int n, int slot, boolean sound) {
        System.out.printf(Locale.ROOT, "%n%s clips, %d ms slots: %d grabs at 60 fps (longest gap between grabs "
                        + "%d ms), %d changes, %d video pictures%n", sound ? "SOUND-ON" : "SILENT", slot, r.grabs(),
                r.longestGap(), r.changes().size(), r.stills().length);
        Map<String, List<DisplayOutput.Change>> byKind = new TreeMap<>();
        r.changes().forEach(c -> byKind.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c));
        System.out.printf(Locale.ROOT, "%-15s %6s %14s %14s %11s %11s %11s%n", "change", "count", "with foreign",
                "foreign grabs", "still p50", "still max", "still >67ms");
        for (var e : byKind.entrySet()) {
            var cs = e.getValue();
            long[] stills = cs.stream().mapToLong(DisplayOutput.Change::stillMillis).toArray();
            System.out.printf(Locale.ROOT, "%-15s %6d %14d %14d %8d ms %8d ms %11d%n", e.getKey(), cs.size(),
                    cs.stream().filter(c -> c.foreignGrabs() > 0).count(),
                    cs.stream().mapToInt(DisplayOutput.Change::foreignGrabs).sum(),
                    DisplayOutput.percentile(stills, 50), DisplayOutput.percentile(stills, 100),
                    cs.stream().filter(c -> c.stillMillis() > 67).count());
            cs.stream().filter(c -> c.foreignGrabs() > 0).limit(3)
                    .forEach(c -> System.out.println("    foreign: " + c.around()));
        }
        long[] s = r.stills();
        System.out.printf(Locale.ROOT, "every video picture: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; over 50 ms: "
                        + "%d, over 67 ms: %d (target 0); foreign grabs in all: %d (target 0)%n",
                DisplayOutput.percentile(s, 50), DisplayOutput.percentile(s, 95), DisplayOutput.percentile(s, 99),
                r.longestStill(), r.stillsOver(50), r.stillsOver(67), r.foreignGrabs());
        r.worst().forEach(w -> System.out.println("    longest: " + w));
        int expected = 3 * n;
        if (r.changes().size() != expected) {
            System.out.println("changes seen: " + r.changes().size() + ", planned: " + expected);
        }
        return r.foreignGrabs() == 0 && r.stillsOver(67) == 0 ? 0 : 2;
    }
}
