package id.ihati.videotron.player.proof;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Instant;
import java.time.LocalDate;

/** Play outcomes for tests: the n-th 10-second slot of a day on one screen. */
final class Plays {
    static final Instant DAY = Instant.parse("2026-11-25T00:00:00Z");

    private Plays() {
    }

    static PlayOutcome outcome(String screenId, int n) {
        Instant start = DAY.plusSeconds(10L * n);
        var planned = new PlannedPlay(start, start.plusSeconds(10), screenId, "m-" + n, Category.HEALTH, "b-1",
                LocalDate.of(2026, 11, 25), 0, n, 1);
        return new PlayOutcome(planned, start.plusMillis(5), start.plusSeconds(10), true, null);
    }
}
