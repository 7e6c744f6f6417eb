package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.AdminConfig;
import id.ihati.videotron.admin.AdminServer;
import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import id.ihati.videotron.admin.jobs.Work;

/** Two server nodes on one PostgreSQL database, as behind a load balancer. */
class TwoNodeTest {
    static TestAdmin nodeA;
    static AdminServer nodeB;
    static HikariDataSource poolB;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabases.newPostgresDatabase();
        nodeA = TestAdmin.start(url, Clock.systemUTC());
        poolB = TestDatabases.pool(url);
        AdminConfig config = AdminConfig.of(0, Files.createTempDirectory("ihati-node-b"))
                .withJdbc(url, poolB.getUsername(), poolB.getPassword());
        nodeB = AdminServer.start(config, poolB, Clock.systemUTC());
        nodeA.services().jdbi.useHandle(h -> h.execute(
                "CREATE TABLE test_firing (fire_time BIGINT NOT NULL, node VARCHAR(200) NOT NULL)"));
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        poolB.close();
        nodeA.close();
    }

    /** A job that only writes down each firing: its scheduled time and the node that ran it. */
    static Work counting(Wiring s) {
        return firing -> s.jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO test_firing (fire_time, node) VALUES (:t, :n)")
                .bind("t", firing.scheduledAt().toEpochMilli()).bind("n", firing.node()).execute());
    }

    @Test
    void aClusteredJobFiresOnceForEachScheduledTimeNotOncePerNode() throws Exception {
        nodeA.server().jobs().every("CountingJob", 1, counting(nodeA.services()));
        nodeB.jobs().every("CountingJob", 1, counting(nodeB.services()));
        Thread.sleep(6000);
        nodeA.server().jobs().quartz().deleteJob(org.quartz.JobKey.jobKey("CountingJob", "ihati"));
        var rows = nodeA.services().jdbi.withHandle(h -> h.createQuery("SELECT fire_time, node FROM test_firing")
                .mapToMap().list());
        List<Object> times = rows.stream().map(r -> r.get("fire_time")).toList();
        assertThat(times).hasSizeGreaterThanOrEqualTo(3);
        assertThat(times).doesNotHaveDuplicates();
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
            Thread.sleep(20);
            nodeB.jobs().every("IdleJob", 60, IDLE);
            assertThat(quartz.getTrigger(key).getStartTime()).as("untouched").isEqualTo(first.getStartTime());

            nodeB.jobs().every("IdleJob", 120, IDLE);
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
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = onB.get("/api/v1/player/manifest").statusCode()) != 401) {
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(401);
    }
}
