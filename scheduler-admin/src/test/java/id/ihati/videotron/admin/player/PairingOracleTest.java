package id.ihati.videotron.admin.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestScreens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pairing polls over real HTTP against two server nodes sharing one database (H2, then PostgreSQL): a wrong
 * secret tells nothing about whether a code is live, and a client address gets at most 60 polls a minute in
 * total, whichever nodes it asks.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgres"})
class PairingOracleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static MutableClock clock;
    static TestAdmin nodeA;
    static TestAdmin nodeB;
    final HttpClient http = HttpClient.newHttpClient();

    @Parameter
    String database;

    @BeforeParameterizedClassInvocation
    static void start(String database) {
        clock = new MutableClock(Instant.parse("2026-12-04T03:00:00Z"));
        String url = database.equals("h2") ? TestDatabases.h2Url() : TestDatabases.newPostgresDatabase();
        nodeA = TestAdmin.start(url, clock);
        nodeB = nodeA.secondNode();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        try (var a = nodeA; var b = nodeB) {
            // both closed
        }
    }

    @Test
    void aWrongSecretForALiveCodeAnswersExactlyAsAnUnknownCode() throws Exception {
        clock.advance(Duration.ofMinutes(2)); // a window of its own
        JsonNode started = start(nodeA);
        String code = started.get("code").asText();
        var unknown = poll(nodeB, code.equals("AAA-AAA") ? "CCC-CCC" : "AAA-AAA", started.get("secret").asText());
        var answers = new ArrayList<HttpResponse<String>>();
        answers.add(poll(nodeA, code, "not-the-secret"));
        answers.add(poll(nodeB, code, null));
        answers.add(poll(nodeA, code, ""));
        answers.add(poll(nodeB, "zz", "not-the-secret"));
        // claimed but not collected: still the same answer without the secret
        TestScreens.create(nodeA, TestScreens.profile("oracle"));
        var web = TestScreens.adminClient(nodeA);
        web.get("/screens/oracle");
        assertThat(web.postForm("/screens/oracle/pair", Map.of("code", code)).statusCode()).isEqualTo(302);
        answers.add(poll(nodeB, code, "not-the-secret"));
        assertThat(unknown.statusCode()).isEqualTo(410);
        for (var a : answers) {
            assertThat(a.statusCode()).isEqualTo(unknown.statusCode());
            assertThat(a.body()).isEqualTo(unknown.body());
            assertThat(a.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
        }
        // the player with the secret still collects
        assertThat(poll(nodeA, code, started.get("secret").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void sixtyPollsAMinutePerAddressAcrossBothNodesThen429WithRetryAfter() throws Exception {
        clock.advance(Duration.ofMinutes(2)); // a window of its own
        JsonNode started = start(nodeA);
        String code = started.get("code").asText();
        String secret = started.get("secret").asText();
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < Pairing.POLL_LIMIT.max(); i++) {
            clock.advance(Duration.ofMillis(500));
            statuses.add(poll(i % 2 == 0 ? nodeA : nodeB, i % 3 == 0 ? "AAA-AAA" : code, secret).statusCode());
        }
        assertThat(statuses).doesNotContain(429);
        List<HttpResponse<String>> refused = List.of(poll(nodeA, code, secret), poll(nodeB, code, secret));
        for (var r : refused) {
            assertThat(r.statusCode()).isEqualTo(429);
            // the first of the 60 was 29.5 s ago (60 polls 0.5 s apart): it leaves the window in 30.5 s
            assertThat(r.headers().firstValue("Retry-After")).hasValue("31");
            JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
            assertThat(error.get("message").asText()).contains("paling banyak 60 per menit").contains("31 detik");
            assertThat(error.get("messageEn").asText()).contains("at most 60 a minute").contains("31 seconds");
        }
        clock.advance(Duration.ofMillis(30_500));
        // the first poll has left the window; the two refused ones were never counted, so one place is free
        assertThat(poll(nodeB, code, secret).statusCode()).isEqualTo(202);
        assertThat(poll(nodeA, code, secret).statusCode()).isEqualTo(429);
        long rows = nodeA.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM rate_limit_hit WHERE name = 'pairing-poll'").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(Pairing.POLL_LIMIT.max());
    }

    @Test
    void concurrentPollsOnBothNodesAcceptExactlySixty() throws Exception {
        clock.advance(Duration.ofMinutes(2)); // a window of its own
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 100; i++) {
                TestAdmin node = i % 2 == 0 ? nodeA : nodeB;
                answers.add(pool.submit(() -> poll(node, "AAA-AAA", "x").statusCode()));
            }
            int accepted = 0;
            int refused = 0;
            for (var a : answers) {
                int status = a.get();
                if (status == 429) {
                    refused++;
                } else {
                    assertThat(status).isEqualTo(410);
                    accepted++;
                }
            }
            assertThat(accepted).isEqualTo(Pairing.POLL_LIMIT.max());
            assertThat(refused).isEqualTo(100 - Pairing.POLL_LIMIT.max());
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode start(TestAdmin node) throws IOException, InterruptedException {
        var r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"pc-oracle\",\"playerVersion\":\"0.1.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> poll(TestAdmin node, String code, String secret) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/pairing/" + code)).GET();
        if (secret != null) {
            b.header("X-Pairing-Secret", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
