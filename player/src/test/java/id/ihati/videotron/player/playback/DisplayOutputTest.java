package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Changes between items as the display shows them: recorded by ffmpeg's x11grab at 60 fps in a process of its
 * own (see {@link DisplayCapture}), so a stalled FX thread cannot hide a stalled picture. A behaviour check with
 * a margin (no picture of a moving video held over 150 ms), not the benchmark's 67 ms target
 * (bin/bench-player-output).
 */
class DisplayOutputTest {
    private static final long FREEZE_MILLIS = 150;

    @Test
    void silentClipsChangeWithoutForeignFramesOrFreezes() throws Exception {
        var r = play("mark-red", "mark-blue");

        assertThat(r.changes()).extracting(DisplayOutput.Change::name)
                .containsExactly("video→video", "video→image", "image→video", "video→video");
        assertThat(r.foreignGrabs()).as("grabs showing neither item").isZero();
        assertThat(r.longestStill()).as("longest still of a moving video, ms: " + r.worst()).isLessThanOrEqualTo(
                FREEZE_MILLIS);
    }

    @Test
    void soundOnClipsChangeWithoutForeignFrames() throws Exception {
        var r = play("mark-red-audio", "mark-blue-audio");

        assertThat(r.changes()).hasSize(4);
        assertThat(r.foreignGrabs()).as("grabs showing neither item").isZero();
    }

    /**
     * Issue 14, part 1: a player with a sound track holds its picture still for about 250 ms in its first second
     * while the sound output's clock settles (docs/player-benchmarks.md, "Display output"); the picture now comes
     * from the video-only copy, whose player runs on the system clock, and the sound from a second player.
     */
    @Test
    void soundOnClipsChangeWithoutFreezes() throws Exception {
        var r = play("mark-red-audio", "mark-blue-audio");

        assertThat(r.longestStill()).as("longest still of a moving video, ms: " + r.worst()).isLessThanOrEqualTo(
                FREEZE_MILLIS);
    }

    /** red, blue, image, red, blue in 1.5 s slots on a screen with sound on, recorded from the display. */
    private static DisplayOutput.Result play(String red, String blue) throws Exception {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", red + ".mp4",
                blue + ".mp4", "pb-magenta.png");
        Path file = Files.createTempFile("ihati-display-", ".nut");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            var plays = TestMedia.plays(Instant.now().plusMillis(2000), red, 1500, blue, 1500, "pb-magenta", 1500,
                    red, 1500, blue, 1500);
            try (var capture = DisplayCapture.start(file, 0, 0, Harness.W, Harness.H)) {
                h.play(plays);
                Harness.waitUntil(Duration.ofSeconds(20), () -> h.outcomes.size() == plays.size());
                capture.close();
                var r = DisplayOutput.analyse(capture.frames(DisplayOutput::read));
                System.out.println(red + "/" + blue + ": " + r.changes().size() + " changes, " + r.foreignGrabs()
                        + " foreign grabs, longest still " + r.longestStill() + " ms " + r.worst());
                assertThat(h.outcomes).allSatisfy(o -> assertThat(o.completed()).as(o.toString()).isTrue());
                return r;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
