package id.ihati.videotron.admin.archfixture.dashboard;

import id.ihati.videotron.admin.archfixture.booking.Booking;

/** Planted violation: the other half of the booking <-> dashboard cycle. */
public record Card(Booking booking) {
}
