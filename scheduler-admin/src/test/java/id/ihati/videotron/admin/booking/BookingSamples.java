package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Targets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small builders for booking tests. */
final class BookingSamples {
    private BookingSamples() {
    }

    /** Media ids the booking tests use; set by each test class from approved slides it made. */
    static String healthMedia = "m-health";
    static String cityMedia = "m-city";

    /** Makes approved slides of both categories and three screens in the test server. */
    static void prepare(id.ihati.videotron.admin.testing.TestAdmin admin) {
        healthMedia = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Cegah DBD 3M Plus");
        cityMedia = BookingFixtures.approvedSlide(admin, Category.CITY, "Festival Krakatau");
        for (String s : List.of("layar-1", "layar-2", "layar-3")) {
            id.ihati.videotron.admin.testing.TestScreens.create(admin,
                    id.ihati.videotron.admin.testing.TestScreens.profile(s));
        }
    }

    static Booking booking(String id, Category c, String screen, int perLoop) {
        return new Booking(id, "Uji " + id, c, c == Category.HEALTH ? "Dinkes" : "Diskominfo",
                List.of(c == Category.HEALTH ? healthMedia : cityMedia),
                Targets.screens(screen), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), Set.of(), List.of(),
                new Frequency.PerLoop(perLoop), 5);
    }

    static User user(Wiring s, Role role) {
        return s.users.findByUsername("uji_" + role.name().toLowerCase(Locale.ROOT)).orElseThrow();
    }
}
