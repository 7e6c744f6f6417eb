package id.ihati.videotron.playlists.timeline;

import java.time.LocalDate;

/**
 * A booking that got fewer plays on a screen-day than it asked for. Over-booking is never silent.
 *
 * @param requested plays the booking asked for in the lit part of its windows in the resolved range of that day
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
        /**
         * The booking's windows that day lie wholly outside the screen's operating hours. Not a loss: hours
         * where the screen is dark are never asked for ({@code requested} is then what its windows would ask).
         */
        OUTSIDE_OPERATING_HOURS;

        /** Whether plays were taken from the booking (every reason but dark hours). */
        public boolean isLoss() {
            return this != OUTSIDE_OPERATING_HOURS;
        }
    }

    /** Whether the booking lost plays it could have had (not merely asked for dark hours). */
    public boolean isLoss() {
        return reason.isLoss();
    }

    public int missing() {
        return requested - planned;
    }
}
