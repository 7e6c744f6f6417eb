package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The content of one schedule version: every booking in force and the filler ({@code null} when none).
 * Bookings are kept sorted by id so two equal schedules have equal snapshots.
 */
public record Snapshot(List<Booking> bookings, Filler filler) {
    public static final Snapshot EMPTY = new Snapshot(List.of(), null);

    public Snapshot {
        bookings = bookings.stream().sorted(Comparator.comparing(Booking::id)).toList();
    }

    public Optional<Booking> booking(String id) {
        return bookings.stream().filter(b -> b.id().equals(id)).findFirst();
    }
}
