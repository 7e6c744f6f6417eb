package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.booking.BookingRecord;
import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.Inputs.OfflineInterval;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the review pages read from other features, as small interfaces: screens, the history of published
 * schedules, the content library, and stored proof of play. {@link ReviewAdapters} connects them to the
 * features' own repositories; tests and the benchmark can give their own.
 */
public record ReviewSources(Screens screens, ScheduleHistory history, MediaCatalog media, Proof proof) {

    public ReviewSources {
        Objects.requireNonNull(screens, "screens");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proof, "proof");
    }

    /** The screens, in the order pages list them. */
    public interface Screens {
        List<ScreenProfile> all();

        default Optional<ScreenProfile> find(String id) {
            return all().stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    /** A published schedule and the instant from which it was in force (until the next one). */
    public record VersionInForce(long version, Instant from, PublishedSchedule schedule) {
        public VersionInForce {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(schedule, "schedule");
        }
    }

    /** The published schedules in force at some time in {@code [from, to)}, oldest first. */
    public interface ScheduleHistory {
        List<VersionInForce> between(Instant from, Instant to);
    }

    /**
     * The bookings feature's own records, drafts, withdrawn and ended ones included: their status and title
     * beside the published schedule. Not part of the record: tests give their own schedule history and keep
     * the real records.
     */
    public interface BookingRecords {
        /** Every record, by booking id. */
        Map<String, BookingRecord> all();

        Optional<BookingRecord> find(String id);
    }

    /** Stored proof of play, counted where it lives (SQL), never loaded record by record. */
    public interface Proof {
        /** Plays counted per screen, local day of the planned start, source and category. */
        List<ReportedCount> counts(Collection<ScreenInfo> screens, LocalDate from, LocalDate to);

        /** Offline incidents overlapping {@code [from, to)}. */
        List<OfflineInterval> offline(Collection<String> screenIds, Instant from, Instant to);

        /** Each screen's chain verification as the server recorded it. */
        Map<String, ChainStatus> chains(Collection<String> screenIds);
    }
}
