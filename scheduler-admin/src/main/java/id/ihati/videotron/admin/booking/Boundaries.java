package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.playlists.assembly.Schedule;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The clock side of the schedule: bookings and alerts crossing their start and end. */
final class Boundaries {
    private static final Logger log = LoggerFactory.getLogger(Boundaries.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final BookingRepository bookings;
    private final AlertRepository alerts;
    private final Runnable onChange;

    Boundaries(Jdbi jdbi, Clock clock, AuditLog audit, BookingRepository bookings, AlertRepository alerts,
               Runnable onChange) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.bookings = bookings;
        this.alerts = alerts;
        this.onChange = onChange;
    }

    /**
     * Moves bookings and alerts across their start and end boundaries and, if anything moved, tells the
     * players (manifests already cover seven days, so this is for status lists and ETags). Returns how many
     * rows changed.
     */
    public int advanceClock() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ScreenProfile.DEFAULT_ZONE);
        int changed = jdbi.inTransaction(h -> {
            int ended = bookings.endBefore(h, today, now);
            int started = bookings.startBy(h, today);
            int alertMoves = alerts.advance(h, now);
            if (ended + alertMoves > 0) {
                audit.record(h, "system", "SCHEDULE_BOUNDARY", "schedule", null,
                        ended + " booking(s) ended, " + started + " started, " + alertMoves + " alert change(s)");
            }
            return ended + started + alertMoves;
        });
        if (changed > 0) {
            log.info("Schedule boundary passed: {} booking/alert state change(s)", changed);
            changed();
        }
        return changed;
    }

    private void changed() {
        onChange.run();
    }
}
