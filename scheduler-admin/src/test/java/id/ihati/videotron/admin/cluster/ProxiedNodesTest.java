package id.ihati.videotron.admin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.testing.ChildServer;
import id.ihati.videotron.admin.testing.KillablePostgres;
import id.ihati.videotron.admin.testing.Nginx;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.admin.testing.Workload;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two server processes on one PostgreSQL and one media directory, behind the distribution's nginx running the
 * configuration shipped in docs/nginx-ihati.conf: as a city's IT office runs them. Players and staff speak only to
 * nginx; the last test kills one node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxiedNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static Path tmp;
    static KillablePostgres postgres;
    static ChildServer nodeA;
    static ChildServer nodeB;
    static Nginx nginx;
    static Workload load;

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("ihati-proxied");
        postgres = KillablePostgres.start(tmp.resolve("pg"));
        String url = postgres.createDatabase("ihati");
        Path media = Files.createDirectories(tmp.resolve("shared-media"));
        List<String> common = List.of("--port", "0", "--data-dir", media.toString(), "--jdbc-url", url,
                "--db-user", "postgres", "--db-password", "postgres", "--trusted-proxies", "127.0.0.1");
        var withDemo = new ArrayList<>(common);
        withDemo.add("--demo");
        nodeA = ChildServer.start(tmp.resolve("node-a.log"), withDemo);
        nodeB = ChildServer.start(tmp.resolve("node-b.log"), common);
        nginx = Nginx.start(Files.createDirectories(tmp.resolve("nginx")), port(nodeA), port(nodeB));
        load = Workload.on(nginx.baseUrl());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nginx, nodeB, nodeA, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void aChangeOnNodeAReachesPlayersStreamingThroughNginxFromBothNodesWithinASecond() throws Exception {
        var player = new TestPlayer(nginx.baseUrl(), load.deviceToken());
        // nginx hands consecutive requests to the nodes in turn: of two streams, one is on each node.
        try (var first = player.events(); var second = player.events()) {
            assertThat(first.status).isEqualTo(200);
            assertThat(second.status).isEqualTo(200);
            assertThat(first.next("manifest", Duration.ofSeconds(10))).as("the hash it connected with").isNotNull();
            assertThat(second.next("manifest", Duration.ofSeconds(10))).isNotNull();

            var admin = new WebClient(nodeA.baseUrl());
            admin.login("admin", "admin-demo-2026");
            long t0 = System.nanoTime();
            assertThat(renameScreen(admin, load.screenId())).isEqualTo(302);
            long acknowledged = System.nanoTime();
            var a = first.next("manifest", Duration.ofSeconds(5));
            long firstAt = System.nanoTime();
            var b = second.next("manifest", Duration.ofSeconds(5));
            long secondAt = System.nanoTime();
            System.out.printf("change on node A (answered after %d ms) -> manifest event through nginx on both "
                            + "nodes' streams: %d ms and %d ms after the request was sent%n",
                    ms(acknowledged - t0), ms(firstAt - t0), ms(secondAt - t0));
            assertThat(a).as("event on the first stream").isNotNull();
            assertThat(b).as("event on the second stream").isNotNull();
            // From the change's acknowledgement (committed, answered): a player on either node knows within 1 s.
            assertThat(ms(Math.max(firstAt, secondAt) - acknowledged)).as("ms after the answer").isLessThan(1000);
        }
        assertThat(nginx.errorLog()).as("nginx's log").doesNotContain("upstream prematurely closed")
                .doesNotContain("upstream timed out");
    }

    @Test
    @Order(2)
    void eachNodeServesEveryFileOfThePlayersManifestFromTheSharedDirectory() throws Exception {
        JsonNode manifest = JSON.readTree(new TestPlayer(nginx.baseUrl(), load.deviceToken())
                .get("/api/v1/player/manifest").body());
        List<String> files = new ArrayList<>();
        manifest.get("media").forEach(m -> {
            files.add(m.get("sha256").asText());
            if (m.hasNonNull("videoOnly")) {
                files.add(m.get("videoOnly").get("sha256").asText());
            }
        });
        assertThat(files).as("the demo screen's manifest names files").isNotEmpty();
        for (ChildServer node : List.of(nodeA, nodeB)) {
            var player = new TestPlayer(node.baseUrl(), load.deviceToken());
            for (String sha : files) {
                HttpResponse<byte[]> r = player.send(player.request("/api/v1/media/" + sha).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as(node.baseUrl() + " file " + sha).isEqualTo(200);
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())))
                        .isEqualTo(sha);
            }
        }
    }

    @Test
    @Order(3)
    void killingANodeMidRunLosesNoAcknowledgedWriteAndItsPlayersReconnectToTheOther() throws Exception {
        var player = new TestPlayer(nginx.baseUrl(), load.deviceToken());
        try (var first = player.events(); var second = player.events()) {
            assertThat(first.next("manifest", Duration.ofSeconds(10))).isNotNull();
            assertThat(second.next("manifest", Duration.ofSeconds(10))).isNotNull();
            var stop = new AtomicBoolean();
            Map<String, Integer> before = load.acknowledged();
            List<Thread> writers = load.start(stop);
            waitUntilEachKindAcknowledged(before);
            nodeA.kill();
            Map<String, Integer> atKill = load.acknowledged();

            // The stream that node A held ends; the player connects again, through nginx, to node B.
            var closedOne = firstClosed(first, second);
            assertThat(closedOne).as("one of the two streams was on node A").isNotNull();
            try (var again = player.events()) {
                assertThat(again.status).as("reconnected through nginx").isEqualTo(200);
                assertThat(again.next("manifest", Duration.ofSeconds(10))).as("node B tells it the plan").isNotNull();
            }
            // Writes go on through nginx, all to node B now.
            waitUntilEachKindAcknowledged(atKill, "slides", "comments");
            stop.set(true);
            for (Thread t : writers) {
                t.join(Duration.ofSeconds(30).toMillis());
            }
            Workload.Figures figures = load.check();
            System.out.printf("node A killed mid-run behind nginx: acknowledged/found %s%n", figures);
            assertThat(figures.missing()).as("acknowledged writes missing after the kill").isEmpty();
        }
        assertThat(nodeB.log()).as("the surviving node's log").doesNotContain(" ERROR ");
    }

    /** Of two streams, the one that ends first (within 10 s), or null. */
    private static TestPlayer.EventStream firstClosed(TestPlayer.EventStream a, TestPlayer.EventStream b)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (endedOrNull(a)) {
                return a;
            }
            if (endedOrNull(b)) {
                return b;
            }
        }
        return null;
    }

    private static boolean endedOrNull(TestPlayer.EventStream s) throws InterruptedException {
        var e = s.next(Duration.ofMillis(100));
        return e != null && e.name().equals("closed");
    }

    private static void waitUntilEachKindAcknowledged(Map<String, Integer> before, String... kinds)
            throws InterruptedException {
        List<String> which = kinds.length == 0 ? List.copyOf(before.keySet()) : List.of(kinds);
        long start = System.nanoTime();
        long limit = start + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < limit) {
            Map<String, Integer> now = load.acknowledged();
            if (which.stream().allMatch(k -> now.get(k) > before.get(k))
                    && System.nanoTime() - start >= Duration.ofSeconds(2).toNanos()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        throw new AssertionError("not every kind of write was acknowledged within a minute: " + load.acknowledged());
    }

    /** The admin renames the screen in its form (a change every player of it must hear of). */
    private static int renameScreen(WebClient admin, String screenId) {
        var form = Jsoup.parse(admin.get("/screens/" + screenId + "/edit").body()).selectFirst("form[action=/screens/" + screenId + "]");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element e : form.select("input[name], select[name], textarea[name]")) {
            String type = e.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) {
                continue;
            }
            String value = e.tagName().equals("select")
                    ? e.select("option[selected]").stream().findFirst().orElse(e.selectFirst("option")).attr("value")
                    : e.tagName().equals("textarea") ? e.text() : e.attr("value");
            fields.put(e.attr("name"), value);
        }
        String name = fields.get("name");
        fields.put("name", name.endsWith(" (uji)") ? name.substring(0, name.length() - 6) : name + " (uji)");
        fields.remove("_csrf");
        return admin.postForm("/screens/" + screenId, fields).statusCode();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static int port(ChildServer node) {
        return URI.create(node.baseUrl()).getPort();
    }
}
