package id.ihati.videotron.admin.dashboard;

import static id.ihati.videotron.admin.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.jobs.Work;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes on one PostgreSQL database, as behind a load balancer. (A clustered job firing once per
 * scheduled time, not once per node, is {@code jobs.ClusteredJobsTest}.)
 */
class TwoNodeTest {
    static TestAdmin nodeA;
    static TestAdmin nodeB;

    @BeforeAll
    static void start() {
        nodeA = TestAdmin.postgres();
        nodeB = nodeA.secondNode();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    /** Does nothing: for tests of the schedule itself. */
    static final Work IDLE = firing -> {
    };

    @Test
    void aNodeThatStartsLaterLeavesTheClustersScheduleAsItIsUnlessTheIntervalChanged() throws Exception {
        var key = org.quartz.TriggerKey.triggerKey("IdleJob", "ihati");
        var quartz = nodeA.server().jobs().quartz();
        try {
            nodeA.server().jobs().every("IdleJob", 60, IDLE);
            var first = quartz.getTrigger(key);
            // A trigger made again now would start later than the first one: let the clock pass its start.
            await(() -> System.currentTimeMillis() > first.getStartTime().getTime(), "the first start passed");
            nodeB.server().jobs().every("IdleJob", 60, IDLE);
            assertThat(quartz.getTrigger(key).getStartTime()).as("untouched").isEqualTo(first.getStartTime());

            nodeB.server().jobs().every("IdleJob", 120, IDLE);
            assertThat(((org.quartz.SimpleTrigger) quartz.getTrigger(key)).getRepeatInterval()).isEqualTo(120_000);
        } finally {
            quartz.deleteJob(org.quartz.JobKey.jobKey("IdleJob", "ihati"));
        }
    }

    @Test
    void theOfflineIncidentIsOpenedOnceWhenBothNodesWatch() {
        TestScreens.createAndPair(nodeA, TestScreens.profile("dua-node"));
        // paired 2 minutes ago and silent since
        nodeA.services().jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE device_token SET created_at = :t WHERE screen_id = 'dua-node'")
                .bind("t", Timestamp.from(nodeA.services().clock.instant().minusSeconds(120))).execute());
        nodeA.services().screenWatch.check(nodeA.services().clock.instant());
        nodeB.services().screenWatch.check(nodeB.services().clock.instant());
        new ScreenWatchJob(nodeB.services().screenWatch, nodeB.services().clock).run(null);
        long open = nodeA.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM incident WHERE screen_id = 'dua-node' AND kind = 'OFFLINE'")
                .mapTo(Long.class).one());
        assertThat(open).isEqualTo(1);
    }

    @Test
    void aChangeOnOneNodeReachesPlayersStreamingFromTheOther() throws Exception {
        String token = TestScreens.createAndPair(nodeA, TestScreens.profile("lintas"));
        TestPlayer onB = new TestPlayer(nodeB.baseUrl(), token);
        try (var events = onB.events()) {
            assertThat(events.next("manifest", Duration.ofSeconds(5))).isNotNull();
            var web = TestScreens.adminClient(nodeA);
            web.get("/screens/lintas/edit");
            Map<String, String> f = new HashMap<>(ScreenForm.of(nodeA.services().screens.find("lintas")
                    .orElseThrow()).values());
            f.put("loopSeconds", "240");
            assertThat(web.postForm("/screens/lintas", f).statusCode()).isEqualTo(302);
            var changed = events.next("manifest", Duration.ofSeconds(3));
            assertThat(changed).as("node B tells its player within the watch interval").isNotNull();
            var m = onB.get("/api/v1/player/manifest");
            assertThat(m.body()).contains("\"loopSeconds\" : 240");
        }
        // a revocation on node A locks the player out of node B too
        var web = TestScreens.adminClient(nodeA);
        web.get("/screens/lintas");
        web.postForm("/screens/lintas/revoke", Map.of());
        await(() -> onB.get("/api/v1/player/manifest").statusCode() == 401, "node B refuses the revoked token",
                Duration.ofSeconds(3));
    }
}
