package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.time.LocalDate;
import java.util.List;

/**
 * What one booking gets on one screen-day: "Tergeser: 0 dari 1.440". A booking in force that day has one,
 * whether it lost plays or not.
 *
 * @param requested plays it asks for in the lit part of its windows (dark hours are never asked for)
 * @param planned   plays it gets
 * @param reason    why it gets fewer, or {@code null} when it gets all; {@code OUTSIDE_OPERATING_HOURS} when
 *                  its windows that day lie wholly where the screen is dark (then {@code requested} is what
 *                  the windows would ask, and nothing counts as lost)
 * @param lostTo    ids of the bookings and alerts that took its plays (higher priority, its equals, or the
 *                  categories whose minimum share held the slots), for the reason given; empty otherwise
 */
public record BookingOutcome(String bookingId, String screenId, LocalDate day, int requested, int planned,
                             Reason reason, List<String> lostTo) {
    public BookingOutcome {
        lostTo = List.copyOf(lostTo);
    }

    /** Plays taken from it: requested minus planned, never counting dark hours. */
    public int displaced() {
        return reason == null || !reason.isLoss() ? 0 : requested - planned;
    }

    /** Plays it asked for that the screen can give (0 when it asks only for dark hours). */
    public int asked() {
        return reason == Reason.OUTSIDE_OPERATING_HOURS ? 0 : requested;
    }
}
