package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;

/** Run by {@link AudioTest} in a JVM without a working sound device: plays a video with sound, prints what it saw. */
public final class AudioFailureChild {
    private AudioFailureChild() {
    }

    public static void main(String[] args) {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta",
                "pb-red-audio.mp4", "pb-red.mp4", "pb-magenta.png");
        int status = 1;
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            Instant t0 = Instant.now().plusMillis(1000);
            // A long slot: on a busy machine opening the first player can take seconds.
            h.play(TestMedia.plays(t0, "pb-red-audio", 6000, "pb-magenta", 500));
            Harness.waitUntil(Duration.ofSeconds(6), () -> h.centre() == 'R' && h.engine.currentFile().isPresent());
            System.out.println("SHOWN " + h.engine.currentFile().map(p -> p.getFileName().toString()).orElse("-")
                    + " " + h.centre());
            Harness.waitUntil(Duration.ofSeconds(10), () -> !h.outcomesOf("pb-red-audio").isEmpty());
            h.outcomes.forEach(o -> System.out.println("OUTCOME " + o.planned().mediaId() + " completed="
                    + o.completed() + " error=" + o.error()));
            status = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}
