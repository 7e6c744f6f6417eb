package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.Services;
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

    static Booking booking(String id, Category c, String screen, int perLoop) {
        return new Booking(id, "Uji " + id, c, c == Category.HEALTH ? "Dinkes" : "Diskominfo", List.of("m-" + id),
                Targets.screens(screen), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), Set.of(), List.of(),
                new Frequency.PerLoop(perLoop), 5);
    }

    static User user(Services s, Role role) {
        return s.users.findByUsername("uji_" + role.name().toLowerCase(Locale.ROOT)).orElseThrow();
    }
}
