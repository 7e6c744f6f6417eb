package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, part 5: a player killed -9 in the middle of a video and started again at once, from a warm cache,
 * resumes that video at its wall-clock position (now − slot start). The very first picture on the screen is
 * already at that position — the video seeks before it shows anything, so the street never sees frame 0 and
 * then a jump — and until that picture the window is plain black, with no start-up text.
 *
 * <p>A fresh window and engine over a plan whose slot began 1.2 s ago is the restarted process (the warm cache
 * is {@link TestMedia.Content}, which serves every file at once); the centre pixel is read back from the X server
 * at every pulse, and the pb- clips carry their frame number (25 fps) in the green channel.
 */
class ResumeAfterRestartTest {
    private static final long INTO_SLOT_MILLIS = 1200;

    @Test
    void aSilentVideoResumesAtItsWallClockPositionFromItsFirstPicture() {
        resumesAtWallClockPosition("pb-red.mp4");
    }

    @Test
    void aVideoWithSoundResumesAtItsWallClockPositionFromItsFirstPicture() {
        resumesAtWallClockPosition("pb-red-audio.mp4");
    }

    private static void resumesAtWallClockPosition(String file) {
        String id = file.substring(0, file.lastIndexOf('.'));
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", file,
                "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            assertThat(Fx.call(h.window::view)).as("a starting window is plain black, no start-up text")
                    .isEqualTo(PlayerWindow.View.STARTING);
            h.startSampling();
            // Wall-clock time of a sample: the sampler stamps System.nanoTime.
            long baseNanos = System.nanoTime();
            Instant baseWall = Instant.now();
            Instant slotStart = baseWall.minusMillis(INTO_SLOT_MILLIS);
            h.play(TestMedia.plays(slotStart, id, 3000));
            // Ten pulses of the video seen by the sampler itself (the X server may show it a pulse before).
            Harness.waitUntil(Duration.ofSeconds(2), () -> h.samplesSoFar().stream()
                    .filter(s -> Colours.kind(s.color()) == 'R').count() >= 10);
            var samples = h.stopSampling();

            int first = firstPicture(samples);
            assertThat(samples.subList(0, first)).as("before the first picture only black")
                    .allMatch(s -> Colours.kind(s.color()) == 'K');
            var firstPicture = samples.get(first);
            assertThat(Colours.kind(firstPicture.color())).as("the first picture is the interrupted video")
                    .isEqualTo('R');
            Instant shownAt = baseWall.plusNanos(firstPicture.nanos() - baseNanos);
            int expectedFrame = (int) (Duration.between(slotStart, shownAt).toMillis() / 40);
            int frame = Colours.frame(firstPicture.color());
            // A picture reaches the X server a pulse or two after it is decoded, hence the margin below.
            assertThat(frame).as("the first picture's frame, %d expected at its wall-clock position", expectedFrame)
                    .isBetween(expectedFrame - 8, expectedFrame + 3);
            assertThat(frame).as("not from the top").isGreaterThan((int) (INTO_SLOT_MILLIS / 40) - 8);
            int lowest = samples.subList(first, samples.size()).stream()
                    .filter(s -> Colours.kind(s.color()) == 'R').mapToInt(s -> Colours.frame(s.color())).min()
                    .orElseThrow();
            assertThat(lowest).as("no earlier frame after the first picture (no frame 0, then a jump)")
                    .isGreaterThanOrEqualTo(frame - 1);
            h.screenshot("resumed-after-restart-" + id);
        }
    }

    private static int firstPicture(List<Harness.Sample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (Colours.kind(samples.get(i).color()) != 'K') {
                return i;
            }
        }
        throw new AssertionError("no picture among " + samples.size() + " samples");
    }
}
