package id.ihati.videotron.playlists.assembly;

import java.time.Instant;
import java.util.Objects;

/** A schedule and the instant it came into force (its publication); it holds until the next one's. */
public record InForce(Schedule schedule, Instant from) {
    public InForce {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(from, "from");
    }
}
