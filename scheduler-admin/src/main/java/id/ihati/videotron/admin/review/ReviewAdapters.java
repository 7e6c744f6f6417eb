package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.booking.AlertRecord;
import id.ihati.videotron.admin.booking.AlertRepository;
import id.ihati.videotron.admin.booking.BookingRecord;
import id.ihati.videotron.admin.booking.BookingRepository;
import id.ihati.videotron.admin.booking.BookingStatus;
import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.booking.ScheduleVersion;
import id.ihati.videotron.admin.booking.VersionRepository;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.review.delivery.SqlProof;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.playlists.schedule.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Connects {@link ReviewSources} to the other features' code: screens from {@code screen}, schedule versions
 * and alerts from {@code booking}, proof of play, offline incidents and chain problems from the player API's
 * and dashboard's tables (counted in SQL by {@link SqlProof}). The only class of the review feature that knows
 * their repositories: when one of them changes, this is the file to adapt.
 */
public final class ReviewAdapters {
    private ReviewAdapters() {
    }

    public static ReviewSources from(ScreenRepository screens, VersionRepository versions, AlertRepository alerts,
                                     MediaCatalog media, Jdbi jdbi, Clock clock) {
        return new ReviewSources(screens::profiles, history(versions, alerts), media, new SqlProof(jdbi, clock));
    }

    /**
     * The published versions in force in a range, each with every alert that overlapped it (alerts are not
     * versioned; a cancelled alert counts until it was cancelled). Snapshots never change, so they are cached.
     */
    private static ReviewSources.ScheduleHistory history(VersionRepository versions, AlertRepository alertRows) {
        Map<Long, ScheduleVersion> snapshots = new ConcurrentHashMap<>();
        return (from, to) -> {
            List<ScheduleVersion> all = new ArrayList<>(versions.list(100_000));
            all.sort(Comparator.comparingLong(ScheduleVersion::version));
            List<Alert> alerts = new ArrayList<>();
            for (AlertRecord a : alertRows.recent(10_000)) {
                Instant until = a.alert().until();
                if (a.cancelledAt() != null && (until == null || a.cancelledAt().isBefore(until))) {
                    until = a.cancelledAt();
                }
                if (until != null && !until.isAfter(a.alert().from())) {
                    continue; // cancelled before it began
                }
                if (a.alert().from().isBefore(to) && (until == null || until.isAfter(from))) {
                    Alert x = a.alert();
                    alerts.add(new Alert(x.id(), x.title(), x.mediaId(), x.targets(), x.from(), until, x.priority()));
                }
            }
            var out = new ArrayList<ReviewSources.VersionInForce>();
            for (int i = 0; i < all.size(); i++) {
                ScheduleVersion v = all.get(i);
                Instant end = i + 1 < all.size() ? all.get(i + 1).publishedAt() : Instant.MAX;
                if (v.publishedAt().isBefore(to) && end.isAfter(from)) {
                    ScheduleVersion full = snapshots.computeIfAbsent(v.version(),
                            n -> versions.find(n).orElseThrow());
                    out.add(new ReviewSources.VersionInForce(v.version(), v.publishedAt(), new PublishedSchedule(
                            v.version(), full.snapshot().bookings(), alerts, full.snapshot().filler())));
                }
            }
            return out;
        };
    }

    /** Each booking's status in the bookings feature (drafts included), by id. */
    public static Map<String, BookingRecord> bookingRecords(BookingRepository bookings) {
        var out = new LinkedHashMap<String, BookingRecord>();
        for (BookingRecord r : bookings.withStatus(EnumSet.allOf(BookingStatus.class))) {
            out.put(r.id(), r);
        }
        return out;
    }
}
