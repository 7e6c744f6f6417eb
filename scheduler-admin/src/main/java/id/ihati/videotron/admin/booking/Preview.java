package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.assembly.BookingOutcome;
import id.ihati.videotron.playlists.assembly.ShareCheck;
import id.ihati.videotron.playlists.timeline.Shortfall;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a booking (or a whole publish) would get on each screen on one day, as the players' resolver plans
 * it: plays, shares of playing time per category, every shortfall, and a sample loop.
 *
 * @param day the screen-local day shown (the booking's first day from today that it plays on)
 */
public record Preview(LocalDate day, List<ScreenPreview> screens) {

    /**
     * @param plays       plays per day of the previewed booking on this screen (0 when a whole plan is shown)
     * @param requested   plays it asks for in the screen's operating hours (= plays when it gets all)
     * @param byCategory  plays per category
     * @param shares      percentage of playing time per category
     * @param shortfalls  every booking that loses plays on this screen that day, and why
     * @param dark        bookings in force that day whose windows lie wholly outside the operating hours (no loss)
     * @param minShares   the screen's minimum shares and whether each holds that day
     * @param sampleLoop  one loop inside the booking's first window
     */
    public record ScreenPreview(ScreenProfile screen, int plays, int requested, Map<Category, Integer> byCategory,
                                Map<Category, Integer> shares, List<Conflict> shortfalls, List<Conflict> dark,
                                List<ShareCheck> minShares, LoopStrip sampleLoop) {
        public int share(Category c) {
            return shares.getOrDefault(c, 0);
        }

        public int count(Category c) {
            return byCategory.getOrDefault(c, 0);
        }
    }

    /**
     * What one booking gets, with its title for people and the titles of those that took its plays.
     *
     * @param lostTo titles of the bookings or alerts that took its plays (see {@link BookingOutcome#lostTo()})
     */
    public record Conflict(BookingOutcome outcome, String title, Category category, List<String> lostTo) {
        public Conflict {
            lostTo = List.copyOf(lostTo);
        }

        public int missing() {
            return outcome.displaced();
        }

        public int requested() {
            return outcome.requested();
        }

        public Shortfall.Reason reason() {
            return outcome.reason();
        }
    }

    /** True when any booking on any screen shown gets fewer plays than it asked for. */
    public boolean overbooked() {
        return screens.stream().anyMatch(s -> !s.shortfalls().isEmpty());
    }

    /** The first day, from {@code today}, in the booking's range and on one of its weekdays. */
    public static LocalDate firstDay(Booking b, LocalDate today) {
        LocalDate d = b.dateFrom().isBefore(today) ? today : b.dateFrom();
        for (int i = 0; i < 7 && !d.isAfter(b.dateTo()); i++, d = d.plusDays(1)) {
            if (b.weekdays().contains(d.getDayOfWeek())) {
                return d;
            }
        }
        return b.dateFrom().isBefore(today) ? today : b.dateFrom();
    }
}
