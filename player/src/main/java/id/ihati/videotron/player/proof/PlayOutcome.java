package id.ihati.videotron.player.proof;

import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Instant;
import java.util.Objects;

/**
 * What became of one planned play.
 *
 * @param completed true when it played to its planned end
 * @param error     why it did not, or {@code null}
 */
public record PlayOutcome(PlannedPlay planned, Instant actualStart, Instant actualEnd, boolean completed,
                          String error) {
    public PlayOutcome {
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(actualStart, "actualStart");
        Objects.requireNonNull(actualEnd, "actualEnd");
    }
}
