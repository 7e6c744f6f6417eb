package id.ihati.videotron.player.time;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.player.playback.Fx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 3 in the suite: two real players on one plan, one of them with its PC clock 3 s fast
 * ({@link ScreensInStep}), change pictures together, read back from the X server for 60 s. The benchmark
 * ({@code bin/bench-players-in-step}, 10 minutes) measures against the 40 ms target; this test asserts the
 * behaviour: the wrong clock no longer shows (offsets far under a second, against the 3 s it would give).
 */
class PlayersInStepTest {
    @Test
    void twoPlayersOnOnePlanChangePicturesTogetherWhenOnePcsClockIsThreeSecondsFast() throws Exception {
        Fx.requireDisplay();
        Path work = Files.createDirectories(Path.of("target", "e2e", "in-step"));
        try (var screens = new ScreensInStep(Files.createTempDirectory(work, "run-"), false)) {
            screens.startPlayers();
            screens.awaitBothPlaying(Duration.ofSeconds(60));

            var result = screens.measure(Duration.ofSeconds(60));
            System.out.println("screens in step over 60 s: " + result + "; offsets, ms: " + result.offsetsMillis());

            var warning = java.util.regex.Pattern.compile("WARN .*this PC's clock is (\\d+) ms ahead of the server's")
                    .matcher(Files.readString(screens.wrongLog));
            assertThat(warning.find()).as("a warning at start names the wrong clock").isTrue();
            // The first exchange's figure, good only to half its round trip: on the loaded build machine a first
            // answer took 2.3 s and the warning said 1,836 ms. It must say the clock is seconds ahead.
            assertThat(Long.parseLong(warning.group(1))).as("the warning's figure, ms").isBetween(1_000L, 5_000L);
            assertThat(Files.readString(screens.rightLog)).as("no warning for the right clock")
                    .doesNotContain("this PC's clock is");
            assertThat(new StatusRepository(screens.admin().services().jdbi).find("kanan").orElseThrow()
                    .clockOffsetMillis()).as("the dashboard's clock offset of the wrong PC")
                    .isBetween(2_000L, 4_000L);   // the last exchange's, good to half its round trip
            var staff = screens.admin().as(id.ihati.videotron.admin.auth.Role.ADMIN);
            assertThat(staff.get("/screens/kanan").body()).as("the wrong PC's screen page")
                    .contains("data-clock-warning").contains("selisih lebih dari 100 ms");
            // Not asserted: no warning on the right PC's page. The heartbeat's clockOffsetMillis is the last exchange's
            // own figure, good to half its round trip, and under load one exchange was over 100 ms off (5 Dec 00:52).
            // ~3 s slots: some 20 changes in 60 s; a few may fall where a sample saw a blend.
            assertThat(result.offsetsMillis()).as("changes seen on both screens").hasSizeGreaterThanOrEqualTo(12);
            // Under load a change now and then falls where a look saw a blend or a held-up player: 4 of 17 once.
            assertThat(result.unmatched()).as("changes without a partner within 4 s")
                    .isLessThanOrEqualTo(result.offsetsMillis().size() / 2);
            // Behaviour, not the benchmark's 40 ms: a clock 3 s wrong would put every change ~3,000 ms apart. On the
            // shared 2-core build machine (load 10-20) runs measured medians of 33-313 ms and p95s of 281-1,348 ms.
            assertThat(result.percentileAbs(50)).as("median picture offset, ms").isLessThan(1_000);
            assertThat(result.percentileAbs(95)).as("p95 picture offset, ms").isLessThan(2_000);
        }
    }
}
