package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.player.UnknownFields;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Malformed JSON gets a refusal naming the field and what was expected, in both languages, with no Java class or
 * parser detail (issue 12 part 4); the player and pairing API ignores unknown fields and counts them in the log,
 * staff JSON refuses them (part 9); negative counts in a heartbeat are refused per field (part 8).
 */
class JsonRefusalsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestAdmin admin;
    static TestPlayer player;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        player = TestScreens.player(admin, TestScreens.profile("json-layar"));
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    record Refusal(int status, String field, String message, String messageEn, String body) {
    }

    static HttpResponse<String> postPairing(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<Refusal> refusals(HttpResponse<String> r) throws Exception {
        var out = new ArrayList<Refusal>();
        for (JsonNode p : JSON.readTree(r.body()).get("errors")) {
            out.add(new Refusal(r.statusCode(), p.path("field").isNull() ? null : p.path("field").asText(),
                    p.get("message").asText(), p.get("messageEn").asText(), r.body()));
        }
        return out;
    }

    static void assertNoInternals(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain("java.", "Cannot deserialize", "PlayerRoutes", "$", "jackson",
                "Jackson", "StreamReadConstraints", "[Source", "line: ", "Exception", "id.ihati");
    }

    @Test
    void anArrayForThePairingBodyIsRefusedNamingTheBodyAndTheFieldsExpected() throws Exception {
        var r = postPairing("[]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertNoInternals(r);
        var p = refusals(r).get(0);
        assertThat(p.field()).isEqualTo("body");
        assertThat(p.message()).contains("objek JSON").contains("hostname, playerVersion");
        assertThat(p.messageEn()).contains("a JSON object").contains("hostname, playerVersion");
    }

    @Test
    void aWrongTypeAHugeNumberAndACutOffBodyEachNameTheirField() throws Exception {
        var wrongType = player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":\"lots\"}");
        assertNoInternals(wrongType);
        assertThat(refusals(wrongType)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.field()).isEqualTo("freeDiskBytes");
            assertThat(p.messageEn()).contains("a whole number between");
            assertThat(p.message()).contains("bilangan bulat antara");
        });
        var huge = player.postJson("/api/v1/player/heartbeat",
                "{\"status\":\"PLAYING\",\"cache\":{\"files\":99999999999999999999999}}");
        assertNoInternals(huge);
        assertThat(refusals(huge)).extracting(Refusal::field).containsExactly("cache.files");
        var cut = player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"playing\":{\"mediaId\":\"m");
        assertNoInternals(cut);
        assertThat(refusals(cut)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("playing.mediaId");
            assertThat(p.messageEn()).contains("cut off");
            assertThat(p.message()).contains("terpotong");
        });
        var enumValue = player.postJson("/api/v1/player/heartbeat", "{\"status\":\"SINGING\"}");
        assertThat(refusals(enumValue)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("status");
            assertThat(p.messageEn()).contains("one of: PLAYING, IDLE, PAIRING, DOWNLOADING, ERROR");
        });
        var deep = player.postJson("/api/v1/player/heartbeat", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertNoInternals(deep);
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(refusals(deep).get(0).messageEn()).contains("nested too deeply");
        var plays = player.postJson("/api/v1/player/plays", "{\"records\":[{\"playId\":\"p\",\"seq\":1}]}");
        assertNoInternals(plays);
        assertThat(refusals(plays)).as(plays.body()).extracting(Refusal::field).containsExactly("records[0].screenId");
    }

    @Test
    void negativeCountsInAHeartbeatAreRefusedFieldByField() throws Exception {
        var r = player.postJson("/api/v1/player/heartbeat", """
                {"status":"PLAYING","freeDiskBytes":-1,"heldPlays":-5,"clockOffsetMillis":-200,
                 "cache":{"files":-2,"bytes":10}}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(refusals(r)).extracting(Refusal::field)
                .containsExactlyInAnyOrder("freeDiskBytes", "heldPlays", "cache.files");
        assertThat(refusals(r)).allSatisfy(p -> {
            assertThat(p.message()).contains("Tidak boleh negatif");
            assertThat(p.messageEn()).contains("Must not be negative");
        });
        var fine = player.postJson("/api/v1/player/heartbeat",
                "{\"status\":\"PLAYING\",\"freeDiskBytes\":0,\"heldPlays\":0,\"clockOffsetMillis\":-200}");
        assertThat(fine.statusCode()).isEqualTo(200);
    }

    @Test
    void aNewerPlayersUnknownFieldsAreIgnoredAndCountedInTheLog() throws Exception {
        var log = (Logger) LoggerFactory.getLogger(UnknownFields.class);
        var seen = new ListAppender<ILoggingEvent>();
        seen.start();
        log.addAppender(seen);
        try {
            for (int i = 0; i < 10; i++) {
                var r = player.postJson("/api/v1/player/heartbeat", """
                        {"status":"PLAYING","playerVersion":"9.0.0","batteryLevel":80,
                         "cache":{"files":3,"evictions":2}}""");
                assertThat(r.statusCode()).isEqualTo(200);
            }
            var pairing = postPairing("{\"hostname\":\"pc-1\",\"playerVersion\":\"9.0.0\",\"screenLayout\":\"abc\"}");
            assertThat(pairing.statusCode()).isEqualTo(201);
        } finally {
            log.detachAppender(seen);
        }
        var lines = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).contains(
                "Ignored unknown field 'batteryLevel' in POST /api/v1/player/heartbeat from player version 9.0.0 "
                        + "(1 times so far on this node)",
                "Ignored unknown field 'batteryLevel' in POST /api/v1/player/heartbeat from player version 9.0.0 "
                        + "(10 times so far on this node)",
                "Ignored unknown field 'cache.evictions' in POST /api/v1/player/heartbeat from player version 9.0.0 "
                        + "(1 times so far on this node)",
                "Ignored unknown field 'screenLayout' in POST /api/v1/pairing from player version 9.0.0 "
                        + "(1 times so far on this node)");
        assertThat(lines).filteredOn(l -> l.contains("batteryLevel")).hasSize(2);
    }

    @Test
    void staffJsonStillRefusesAnUnknownFieldNamingItAndTheKnownOnes() throws Exception {
        var web = admin.session(Role.HEALTH_EDITOR);
        var r = web.json("POST", "/api/v1/media/slides", "{\"slideTitle\":\"Halo\",\"titel\":\"typo\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertNoInternals(r);
        assertThat(refusals(r)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("titel");
            assertThat(p.messageEn()).contains("not known").contains("slideTitle");
            assertThat(p.message()).contains("tidak dikenal").contains("slideTitle");
        });
        var notObject = web.json("POST", "/api/v1/media/items/x/reject", "\"why\"");
        assertNoInternals(notObject);
        assertThat(refusals(notObject)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.messageEn()).contains("reason");
        });
    }
}
