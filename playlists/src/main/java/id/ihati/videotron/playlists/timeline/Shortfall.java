package id.ihati.videotron.playlists.timeline;

import java.time.LocalDate;

/**
 * A booking that got fewer plays on a screen-day than it asked for. Over-booking is never silent.
 *
 * @param requested plays the booking asked for in the resolved range of that day
 * @param planned   plays it got
 */
public record Shortfall(String bookingId, String screenId, LocalDate day, int requested, int planned,
                        Reason reason) {

    /** Why a booking lost plays, worst first. */
    public enum Reason {
        /** Higher-priority bookings or alerts took the slots. */
        OUTRANKED,
        /** Another category's minimum share reserved the slots. */
        SHARE_RESERVED,
        /** Bookings of the same priority together asked for more slots than the loop has. */
        OVERBOOKED,
        /** An item is longer than the loop or than the booking's window. */
        ITEM_TOO_LONG,
        /** An item is missing from the manifest or not valid at that time. */
        MEDIA_UNAVAILABLE,
        /** The booking's windows lie outside the screen's operating hours. */
        OUTSIDE_OPERATING_HOURS
    }

    public int missing() {
        return requested - planned;
    }
}
