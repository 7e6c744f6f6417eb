package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import java.util.List;

/**
 * What the players must follow now: the bookings of the latest published version, the alerts in force or
 * still to come, and the filler.
 *
 * @param version the published schedule version (0 when nothing was published yet)
 * @param filler  the filler rotation, or {@code null} when none is set
 */
public record PublishedSchedule(long version, List<Booking> bookings, List<Alert> alerts, Filler filler) {
    public PublishedSchedule {
        bookings = List.copyOf(bookings);
        alerts = List.copyOf(alerts);
    }

    /** As the playlists assembler takes it. */
    public id.ihati.videotron.playlists.assembly.Schedule schedule() {
        return new id.ihati.videotron.playlists.assembly.Schedule(version, bookings, alerts, filler);
    }

    public static final PublishedSchedule EMPTY = new PublishedSchedule(0, List.of(), List.of(), null);
}
