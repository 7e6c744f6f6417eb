package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import java.util.List;

/**
 * A whole schedule for every screen: a published version, or a draft plan being previewed.
 *
 * @param version the schedule version number (0 when none, -1 for a plan not yet published)
 * @param filler  the filler rotation, or {@code null}
 */
public record Schedule(long version, List<Booking> bookings, List<Alert> alerts, Filler filler) {
    public Schedule {
        bookings = List.copyOf(bookings);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public static final Schedule EMPTY = new Schedule(0, List.of(), List.of(), null);
}
