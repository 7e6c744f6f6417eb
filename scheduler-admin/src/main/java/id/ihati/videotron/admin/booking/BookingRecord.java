package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Booking;
import java.time.Instant;
import java.util.Objects;

/** A booking as the working set holds it: the schedule record plus its status and who touched it last. */
public record BookingRecord(Booking booking, BookingStatus status, String createdBy, Instant createdAt,
                            String updatedBy, Instant updatedAt) {
    public BookingRecord {
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(status, "status");
    }

    public String id() {
        return booking.id();
    }
}
