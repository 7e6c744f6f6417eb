package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.assembly.BookingOutcome;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one booking gets on one day over the screens it targets, as the playlists assembler plans it:
 * "Tergeser: 0 dari 1.440". A published booking is planned with the published schedule (what the street
 * gets); a draft with the published schedule and every draft (what it would get if published).
 *
 * @param screens  per screen where it is in force that day, its outcome (plays asked, got, why and to whom)
 * @param titles   titles of the bookings and alerts named in the outcomes' {@code lostTo}, by id
 * @param screenNames names of the screens, by id
 */
public record BookingShare(String bookingId, LocalDate day, List<BookingOutcome> screens, Map<String, String> titles,
                           Map<String, String> screenNames) {
    public BookingShare {
        screens = List.copyOf(screens);
        titles = Map.copyOf(titles);
        screenNames = Map.copyOf(screenNames);
    }

    /** Plays taken from it that day, over all its screens. */
    public int displaced() {
        return screens.stream().mapToInt(BookingOutcome::displaced).sum();
    }

    /** Plays it asks for in the screens' operating hours that day. */
    public int asked() {
        return screens.stream().mapToInt(BookingOutcome::asked).sum();
    }

    /** Plays it gets that day. */
    public int planned() {
        return screens.stream().mapToInt(BookingOutcome::planned).sum();
    }

    /** In force that day on some screen. */
    public boolean scheduled() {
        return !screens.isEmpty();
    }

    /** Its hours lie wholly outside the operating hours of every screen it targets that day. */
    public boolean dark() {
        return scheduled() && screens.stream().allMatch(o -> o.reason() == Reason.OUTSIDE_OPERATING_HOURS);
    }

    /** The titles of those that took its plays, over all screens. */
    public List<String> lostTo() {
        Set<String> out = new LinkedHashSet<>();
        screens.forEach(o -> o.lostTo().forEach(id -> out.add(titles.getOrDefault(id, id))));
        return List.copyOf(out);
    }

    public String screenName(BookingOutcome o) {
        return screenNames.getOrDefault(o.screenId(), o.screenId());
    }

    public String lostTo(BookingOutcome o) {
        return String.join(", ", o.lostTo().stream().map(id -> titles.getOrDefault(id, id)).toList());
    }
}
