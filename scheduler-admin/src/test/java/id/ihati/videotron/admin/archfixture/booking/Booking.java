package id.ihati.videotron.admin.archfixture.booking;

import id.ihati.videotron.admin.archfixture.RootPart;
import id.ihati.videotron.admin.archfixture.dashboard.Card;

/** Planted violations: a feature in a cycle with another (dashboard) and one that imports the root package. */
public record Booking(String name, Card card, RootPart root) {
}
