package id.ihati.videotron.admin.review.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.dashboard.ScreenWatchJob;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delivery reports count a screen offline from its last heartbeat, not from when that was noticed. */
class OfflineTimeTest {

    @Test
    void offlineTimeStartsAtTheLastHeartbeatBeforeTheIncidentNotWhenTheIncidentOpened() {
        var clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
        try (TestAdmin admin = TestAdmin.start(TestDatabases.h2Url(), clock)) {
            TestPlayer player = TestScreens.player(admin, TestScreens.profile("luring"));
            player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000,\"mediaErrors\":[]}");
            Instant lastHeartbeat = clock.instant();
            clock.advance(Duration.ofMinutes(4)); // three heartbeats missed, and the watch ran a little later
            new ScreenWatchJob(admin.services().screenWatch, admin.services().clock).run(null);
            clock.advance(Duration.ofMinutes(10));
            player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000,\"mediaErrors\":[]}");
            Instant back = clock.instant();
            new ScreenWatchJob(admin.services().screenWatch, admin.services().clock).run(null);

            var offline = new SqlProof(admin.services().jdbi, clock).offline(List.of("luring"),
                    lastHeartbeat.minusSeconds(3600), back.plusSeconds(3600));
            assertThat(offline).singleElement().satisfies(o -> {
                assertThat(o.from()).isEqualTo(lastHeartbeat);
                assertThat(o.to()).isEqualTo(back);
            });
        }
    }
}
