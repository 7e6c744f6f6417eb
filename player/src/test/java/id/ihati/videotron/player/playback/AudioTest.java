package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sound: silent screens and machines whose sound device is missing play the video-only copy. */
class AudioTest {

    @Test
    void aScreenWithAudioOffPlaysTheVideoOnlyCopy() {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, false), "pb-magenta",
                "pb-red-audio.mp4", "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            h.play(TestMedia.plays(Instant.now(), "pb-red-audio", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');

            assertThat(h.engine.currentFile()).get().extracting(Path::getFileName)
                    .hasToString("pb-red.mp4");
            assertThat(h.engine.nowPlaying()).get().extracting(NowPlaying::mediaId).isEqualTo("pb-red-audio");
        }
    }

    @Test
    void aScreenWithAudioOnPlaysTheFileWithSoundWhenTheDeviceWorks() {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta",
                "pb-red-audio.mp4", "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            h.play(TestMedia.plays(Instant.now(), "pb-red-audio", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');

            assertThat(h.engine.currentFile()).get().extracting(Path::getFileName)
                    .hasToString("pb-red-audio.mp4");
        }
    }

    /**
     * A real missing sound device: a child JVM whose PulseAudio server address leads nowhere, so ALSA's pulse
     * device cannot open and JavaFX halts the file with sound ("Could not open audio device for playback").
     */
    @Test
    void whenTheSoundDeviceIsMissingTheVideoOnlyCopyPlaysInstead() throws IOException, InterruptedException {
        Fx.start();   // fails without a display, like the other playback tests
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AudioFailureChild.class.getName()))
                .redirectErrorStream(true);
        pb.environment().put("PULSE_SERVER", "unix:/nonexistent/ihati-no-sound");
        var child = pb.start();
        String out;
        try (var in = child.getInputStream()) {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        System.out.println(out);

        assertThat(out).contains("sound device is missing or broken");
        assertThat(out).contains("SHOWN pb-red.mp4 R");
        assertThat(out).contains("OUTCOME pb-red-audio completed=true");
        assertThat(child.exitValue()).isZero();
    }
}
