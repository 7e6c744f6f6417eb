package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.AdminConfig;
import id.ihati.videotron.admin.AdminServer;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.player.ManifestService;
import id.ihati.videotron.admin.review.feed.FeedRoutes;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No per-node truth: two nodes on one PostgreSQL and one data directory, as behind a round-robin load balancer,
 * answer a player's file request and an open-feed client's requests the same, whichever node the request reaches.
 */
class TwoNodeAnswersTest {
    static TestAdmin nodeA;
    static AdminServer nodeB;
    static HikariDataSource poolB;
    static MediaFixtures fx;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        nodeA = TestAdmin.start(url, Clock.systemUTC());
        poolB = TestDatabases.pool(url);
        AdminConfig config = AdminConfig.of(0, nodeA.services().config.dataDir())
                .withJdbc(url, poolB.getUsername(), poolB.getPassword());
        nodeB = AdminServer.start(config, poolB, Clock.systemUTC());
        fx = new MediaFixtures(nodeA);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        poolB.close();
        nodeA.close();
    }

    @Test
    void aNodeThatNeverBuiltTheReplacedPlanStillGivesItsFilesToThePlayerThatPlaysIt() {
        String token = TestScreens.createAndPair(nodeA, TestScreens.profile("berkas-dua"));
        String other = TestScreens.createAndPair(nodeA, TestScreens.profile("berkas-lain"));
        String before = image();
        String after = image();
        var onA = new TestPlayer(nodeA.baseUrl(), token);
        var onB = new TestPlayer(nodeB.baseUrl(), token);

        publish("berkas-dua", before);
        assertThat(MediaFixtures.manifestFiles(onA)).containsExactly(before);
        publish("berkas-dua", after);
        assertThat(MediaFixtures.manifestFiles(onA)).as("node A built both manifests").containsExactly(after);

        // The player, still playing the old plan while it downloads the new one, reaches node B.
        assertThat(onB.get(ManifestService.MEDIA_PATH + after).statusCode()).isEqualTo(200);
        assertThat(onB.get(ManifestService.MEDIA_PATH + before).statusCode())
                .as("a file of the replaced plan, asked of the node that never built it").isEqualTo(200);
        assertThat(new TestPlayer(nodeB.baseUrl(), other).get(ManifestService.MEDIA_PATH + before).statusCode())
                .as("never named for the other screen").isEqualTo(404);
    }

    @Test
    void theOpenFeedsRateLimitCountsTheRequestsOfBothNodes() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < FeedRoutes.LIMIT.max() + 2; i++) {
            String base = i % 2 == 0 ? nodeA.baseUrl() : nodeB.baseUrl();
            statuses.add(nodeA.anonymous().send(HttpRequest.newBuilder(URI.create(base + "/api/open/v1/screens"))
                    .GET().build()).statusCode());
        }
        assertThat(statuses.subList(0, FeedRoutes.LIMIT.max())).as("the allowance, spread over both nodes")
                .containsOnly(200);
        assertThat(statuses.subList(FeedRoutes.LIMIT.max(), statuses.size())).as("then either node refuses")
                .containsExactly(429, 429);
    }

    private static String image() {
        Map<String, String> fields = meta("Gambar dua node", "HEALTH", "");
        fields.put("approveNow", "true");
        JsonNode m = fx.uploaded(Role.HEALTH_EDITOR, "gambar.png", MediaFixtures.uniquePng(64, 32), fields);
        return m.get("file").get("sha256").asText();
    }

    private static void publish(String screen, String sha) {
        var scheduling = nodeA.services().scheduling;
        User health = nodeA.services().users.findByUsername("uji_health_editor").orElseThrow();
        String mediaId = nodeA.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT id FROM media WHERE sha256 = :s").bind("s", sha).mapTo(String.class).one());
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ScreenProfile.DEFAULT_ZONE));
        scheduling.saveDraft(health, new Booking("bk-" + screen, "Uji " + screen, Category.HEALTH, "Dinkes",
                List.of(mediaId), Targets.screens(screen), today, today.plusDays(30), Set.of(), List.of(),
                new Frequency.PerLoop(1), 5));
        scheduling.publish(health, scheduling.latestNumber(), "uji dua node");
    }
}
