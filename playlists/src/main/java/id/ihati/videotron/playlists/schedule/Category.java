package id.ihati.videotron.playlists.schedule;

/** Who a piece of screen time belongs to. */
public enum Category {
    /** Health education booked by Dinkes. */
    HEALTH,
    /** City information booked by the city. */
    CITY,
    /** Content that fills unbooked slots. */
    FILLER,
    /** Emergency content that pre-empts everything. */
    ALERT
}
