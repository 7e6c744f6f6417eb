package id.ihati.videotron.admin.archfixture.web;

import id.ihati.videotron.admin.archfixture.booking.Booking;

/** Planted violation: a web class that imports a feature. */
public final class Page {
    public String title(Booking booking) {
        return booking.name();
    }
}
