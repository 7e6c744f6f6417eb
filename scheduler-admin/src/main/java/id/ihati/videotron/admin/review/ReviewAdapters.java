package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.booking.PublishedSchedule;
import java.time.Instant;
import java.util.List;

/**
 * Connects {@link ReviewSources} to the other features' code. The only class of the review feature that knows
 * their repositories: when one of them changes, this is the file to adapt.
 */
public final class ReviewAdapters {
    private ReviewAdapters() {
    }

    public static ReviewSources from(Services s) {
        return new ReviewSources(s.screens::profiles, history(s), s.mediaCatalog, ReviewSources.Proof.NONE);
    }

    /** Until schedule versions keep their history, the published schedule counts for every day. */
    private static ReviewSources.ScheduleHistory history(Services s) {
        return (from, to) -> {
            PublishedSchedule p = s.schedule.published();
            return List.of(new ReviewSources.VersionInForce(p.version(), Instant.EPOCH, p));
        };
    }
}
