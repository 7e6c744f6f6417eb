package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Switching between items on a real stage, sampling the X server's pixels at every pulse. */
class GaplessPlaybackTest {

    private static TestMedia.Content content() {
        return new TestMedia.Content(TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta",
                "pb-red.mp4", "pb-blue.mp4", "pb-magenta.png"));
    }

    @Test
    void videoToVideoShowsNothingButTheTwoVideos() {
        try (var h = new Harness(content())) {
            h.startSampling();
            h.play(TestMedia.plays(Instant.now().plusMillis(1200), "pb-red", 1200, "pb-blue", 1200, "pb-red", 1200));
            Harness.waitUntil(Duration.ofSeconds(10), () -> h.outcomes.size() == 3);
            var samples = h.stopSampling();

            assertThat(Transitions.order(samples)).isEqualTo("RBR");
            assertThat(Transitions.of(samples)).hasSize(2).allSatisfy(t -> assertThat(t.foreignSamples()).isZero());
            assertThat(Transitions.foreignBetweenContent(samples)).isZero();
            assertThat(h.outcomes).extracting(PlayOutcome::completed).containsExactly(true, true, true);
        }
    }

    @Test
    void imageToVideoAndBackShowsNothingButTheTwoItems() {
        try (var h = new Harness(content())) {
            h.startSampling();
            h.play(TestMedia.plays(Instant.now().plusMillis(1200), "pb-magenta", 1000, "pb-red", 1200,
                    "pb-magenta", 1000, "pb-blue", 1000));
            Harness.waitUntil(Duration.ofSeconds(10), () -> h.outcomes.size() == 4);
            var samples = h.stopSampling();

            assertThat(Transitions.order(samples)).isEqualTo("MRMB");
            assertThat(Transitions.foreignBetweenContent(samples)).isZero();
        }
    }

    @Test
    void aVideoShorterThanItsSlotHoldsItsLastFrameUntilTheSlotEnds() {
        try (var h = new Harness(content())) {
            Instant t0 = Instant.now().plusMillis(1200);
            h.play(TestMedia.plays(t0, "pb-red", 4500, "pb-blue", 1000));   // pb-red lasts 3 s
            // 3.9 s into the slot: the 3 s video has ended, the slot has not.
            Harness.waitUntil(Duration.ofSeconds(10), () -> Instant.now().isAfter(t0.plusMillis(3900)));
            var held = h.pixel(Harness.W / 2, Harness.H / 2);
            h.screenshot("gapless-last-frame-held");

            assertThat(Colours.kind(held)).isEqualTo('R');
            assertThat(Colours.frame(held)).as("the last of 75 frames").isBetween(72, 75);
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'B');
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.outcomesOf("pb-red").size() == 1);
            assertThat(h.outcomesOf("pb-red").get(0).completed()).isTrue();
        }
    }
}
