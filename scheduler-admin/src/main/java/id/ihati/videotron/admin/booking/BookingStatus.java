package id.ihati.videotron.admin.booking;

/** Where a booking stands between the editors' working set and the street. */
public enum BookingStatus {
    /** New or changed since the last publish: plays nowhere yet. */
    DRAFT,
    /** Live exactly as stored. */
    PUBLISHED,
    /** Still live, removed from the schedule at the next publish. */
    WITHDRAWN,
    /** Out of the working set (withdrawn and published, or discarded as a draft). */
    ARCHIVED,
    /** Its last day has passed. */
    ENDED;

    /** True for bookings that are part of the next publish. */
    public boolean inWorkingSet() {
        return this == DRAFT || this == PUBLISHED;
    }
}
