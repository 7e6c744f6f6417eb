package id.ihati.videotron.player.time;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code bin/bench-players-in-step [SECONDS=600] [pictures|clips]}: {@link ScreensInStep} for minutes, printing the picture
 * offset of the player whose clock is 3 s fast against the one whose clock is right, with the machine's load.
 * Target (issue 14 part 3): p95 ≤ 40 ms over 10 minutes.
 */
public final class InStepBenchmark {
    private InStepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 600);
        boolean clips = args.length > 1 && args[1].equals("clips");
        Path work = Files.createTempDirectory("ihati-in-step-");
        try (var screens = new ScreensInStep(work, clips)) {
            screens.startPlayers();
            screens.awaitBothPlaying(Duration.ofSeconds(120));
            System.out.printf("%s: measuring %d s with %s, load average %s%n", Instant.now(), length.toSeconds(),
                    clips ? "clips" : "pictures", load());
            var result = screens.measure(length);
            System.out.printf("%s: done, load average %s%n", Instant.now(), load());
            System.out.println("picture offset (3 s fast PC minus right PC): " + result);
            System.out.println("target p95 <= 40 ms: " + (result.percentileAbs(95) <= 40 ? "met" : "NOT met"));
            System.out.println("offsets, ms: " + result.offsetsMillis().stream()
                    .map(d -> String.valueOf(Math.round(d))).toList());
        }
        System.exit(0);
    }

    private static String load() throws java.io.IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
