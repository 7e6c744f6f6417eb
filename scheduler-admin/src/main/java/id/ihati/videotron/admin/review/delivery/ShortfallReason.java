package id.ihati.videotron.admin.review.delivery;

/**
 * Why a booking got fewer plays than it asked for. The first three come from the plan (the resolver never
 * planned the play); the last three from the screen (planned, but not reported as played to the end).
 */
public enum ShortfallReason {
    /** An emergency alert took the slots. */
    ALERT_PREEMPTED,
    /** The booking's windows lie outside the screen's operating hours. */
    OUTSIDE_OPERATING_HOURS,
    /** Other bookings or a category's minimum share took the slots, or the media was unavailable. */
    SCHEDULE_CONFLICT,
    /** The player reported the play as failed because of its media (not cut short by a plan change and the like). */
    MEDIA_ERROR,
    /** The screen was offline (an offline incident) when the play was due, and no record came back. */
    SCREEN_OFFLINE,
    /** Planned, the screen was not known to be offline, and still no record came back. */
    NOT_REPORTED
}
