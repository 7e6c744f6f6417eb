package id.ihati.videotron.admin.testing;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.util.Map;
import java.util.Set;

/**
 * Screens for tests: a realistic profile, and creating it in a test server's database (audited, players told).
 * The player's integration tests also use {@code createAndPair} to get a device token.
 */
public final class TestScreens {
    private TestScreens() {
    }

    /**
     * A 960×480 videotron at Simpang Tiga Cilegon: 120 s loop of 15 s slots, on all day, 40 % health
     * minimum, silent, in group "pusat-kota", drawn at the desktop's top-left corner.
     */
    public static ScreenProfile profile(String id) {
        return new ScreenProfile(id, "Videotron " + id, new Location("Simpang Tiga, Cilegon", -6.0025, 106.0111),
                ScreenProfile.DEFAULT_ZONE, new Resolution(960, 480), 120, 15, ScreenProfile.alwaysOn(),
                Map.of(Category.HEALTH, 40), FitMode.CONTAIN, false, Set.of("pusat-kota"),
                new OutputArea(0, 0, 960, 480));
    }

    /** Stores the screen as the test ADMIN would (audit record included) and tells connected players. */
    public static ScreenProfile create(TestAdmin admin, ScreenProfile profile) {
        Services s = admin.services();
        s.jdbi.useTransaction(h -> {
            s.screens.insert(h, profile, null, s.clock.instant());
            s.audit.record(h, admin.username(id.ihati.videotron.admin.auth.Role.ADMIN), "SCREEN_CREATE",
                    "screen", profile.id(), null);
        });
        s.playerEvents.scheduleChanged();
        return profile;
    }
}
