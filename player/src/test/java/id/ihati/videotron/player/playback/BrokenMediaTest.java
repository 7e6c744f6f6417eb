package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files that cannot play: skipped to filler within a second, reported, and not tried again every loop. */
class BrokenMediaTest {

    /** Plays pb-blue, the broken file, pb-blue, the broken file again; filler is pb-magenta. */
    private static Run run(String file) {
        String id = file.substring(0, file.lastIndexOf('.'));
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", file,
                "pb-blue.mp4", "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            h.startSampling();
            h.play(TestMedia.plays(Instant.now().plusMillis(1500), "pb-blue", 1000, id, 2000, "pb-blue", 1000,
                    id, 1500));
            Harness.waitUntil(Duration.ofSeconds(10), () -> h.outcomesOf(id).size() == 2);
            Harness.waitUntil(Duration.ofSeconds(3), () -> h.outcomesOf("pb-magenta").size() == 2);
            return new Run(h.outcomesOf(id), h.outcomesOf("pb-magenta"), h.stopSampling());
        }
    }

    private record Run(List<PlayOutcome> broken, List<PlayOutcome> filler, List<Harness.Sample> samples) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"vp9-unplayable.webm", "mpeg4-part2-unplayable.mp4"})
    void aVideoThatCannotBeOpenedIsReplacedByFillerWithinASecondReportedAndNotRetried(String file) {
        var run = run(file);

        assertThat(run.broken()).allSatisfy(o -> {
            assertThat(o.completed()).isFalse();
            assertThat(o.error()).isNotBlank();
        });
        assertThat(run.broken().get(1).error()).as("the second time it is skipped, not tried")
                .contains("failed before");
        assertThat(run.filler()).extracting(o -> o.planned().category()).containsOnly(Category.FILLER);
        assertThat(run.filler()).extracting(PlayOutcome::completed).containsOnly(true);
        for (int i = 0; i < 2; i++) {
            Instant slotStart = run.broken().get(i).planned().start();
            assertThat(Duration.between(slotStart, run.filler().get(i).actualStart()).toMillis()).isLessThan(1000);
        }
        assertThat(Transitions.order(run.samples())).isEqualTo("BMBM");
        assertThat(Transitions.foreignBetweenContent(run.samples())).isZero();
    }

    @Test
    void aTruncatedVideoThatEndsEarlyIsReportedAndFilledAndThenSkipped() {
        var run = run("corrupt-truncated.mp4");

        var first = run.broken().get(0);
        assertThat(first.completed()).isFalse();
        assertThat(first.error()).contains("ended after");
        assertThat(Duration.between(first.actualEnd(), run.filler().get(0).actualStart()).toMillis())
                .as("filler within a second of the failure").isLessThan(1000);
        var second = run.broken().get(1);
        assertThat(second.error()).contains("failed before");
        assertThat(Duration.between(second.planned().start(), run.filler().get(1).actualStart()).toMillis())
                .isLessThan(1000);
    }
}
