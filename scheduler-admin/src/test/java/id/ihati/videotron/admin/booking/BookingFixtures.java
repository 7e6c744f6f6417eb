package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.playlists.schedule.Category;
import java.util.List;
import java.util.Locale;

/** Approved content for booking tests, made through the content library as staff would. */
final class BookingFixtures {
    private BookingFixtures() {
    }

    /** An approved 15 s slide of {@code category}; returns its media id. */
    static String approvedSlide(TestAdmin admin, Category category, String title) {
        var library = (MediaLibrary) admin.services().media;
        var palette = category == Category.HEALTH ? Slide.Palette.HEALTH_GREEN : Slide.Palette.CITY_BLUE;
        var editor = admin.services().users.findByUsername(
                "uji_" + (category == Category.CITY ? Role.CITY_EDITOR : Role.HEALTH_EDITOR).name()
                        .toLowerCase(Locale.ROOT)).orElseThrow();
        var actor = category == Category.HEALTH || category == Category.CITY ? editor
                : admin.services().users.findByUsername("uji_admin").orElseThrow();
        return library.importSlide(actor, new Slide(title, "Uji I-Hati", palette.background, palette.foreground, null),
                new Metadata(title, category == Category.HEALTH ? "Dinkes" : "Diskominfo", category, List.of(),
                        null, null, 15)).id();
    }
}
