package id.ihati.videotron.admin.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PairingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases(clock);
    final HttpClient http = HttpClient.newHttpClient();


    record Started(String code, String secret) {
    }

    Started startPairing(TestAdmin admin) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"pc-simpang\",\"playerVersion\":\"0.1.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("expiresAt").asText()).isNotBlank();
        return new Started(j.get("code").asText(), j.get("secret").asText());
    }

    HttpResponse<String> poll(TestAdmin admin, String code, String secret) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing/" + code)).GET();
        if (secret != null) {
            b.header("X-Pairing-Secret", secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @OnBothDatabases
    void aPlayerIsPairedOnceWithTheCodeAnAdminTypes(TestAdmin admin) throws Exception {
        TestScreens.create(admin, TestScreens.profile("pair-ok"));
        Started s = startPairing(admin);
        assertThat(s.code()).matches("[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}");

        var waiting = poll(admin, s.code(), s.secret());
        assertThat(waiting.statusCode()).isEqualTo(202);
        assertThat(waiting.body()).contains("WAITING");

        var web = TestScreens.adminClient(admin);
        web.get("/screens/pair-ok");
        // typed the way people do: lower case, no dash
        var claim = web.postForm("/screens/pair-ok/pair", Map.of("code", s.code().replace("-", "").toLowerCase()));
        assertThat(claim.statusCode()).isEqualTo(302);

        var paired = poll(admin, s.code(), s.secret());
        assertThat(paired.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(paired.body());
        assertThat(j.get("status").asText()).isEqualTo("PAIRED");
        assertThat(j.get("screenId").asText()).isEqualTo("pair-ok");
        String token = j.get("deviceToken").asText();
        assertThat(token).hasSizeGreaterThan(30);

        // the token is stored hashed only
        long clear = admin.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM device_token WHERE token_hash = :t").bind("t", token).mapTo(Long.class).one());
        assertThat(clear).isZero();

        assertThat(new TestPlayer(admin.baseUrl(), token).get("/api/v1/player/manifest").statusCode()).isEqualTo(200);

        var again = poll(admin, s.code(), s.secret());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("\"messageEn\"");
    }

    @OnBothDatabases
    void aWrongOrMissingSecretIsAnsweredAsAnUnknownCode(TestAdmin admin) throws Exception {
        Started s = startPairing(admin);
        assertThat(poll(admin, s.code(), "not-the-secret").statusCode()).isEqualTo(410);
        assertThat(poll(admin, s.code(), null).statusCode()).isEqualTo(410);
        assertThat(poll(admin, "ZZZ-ZZZ", s.secret()).statusCode()).isEqualTo(410);
    }

    @OnBothDatabases
    void anExpiredCodeCanNeitherBeClaimedNorCollected(TestAdmin admin) throws Exception {
        TestScreens.create(admin, TestScreens.profile("pair-late"));
        Started s = startPairing(admin);
        clock.advance(Duration.ofMinutes(16));
        try {
            assertThat(poll(admin, s.code(), s.secret()).statusCode()).isEqualTo(410);
            var web = TestScreens.adminClient(admin);
            web.get("/screens/pair-late");
            var claim = web.postForm("/screens/pair-late/pair", Map.of("code", s.code()));
            assertThat(claim.statusCode()).isEqualTo(422);
            assertThat(claim.body()).contains("sudah kedaluwarsa");
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @OnBothDatabases
    void unknownAndMalformedCodesGetAMessageOnTheCodeField(TestAdmin admin) {
        TestScreens.create(admin, TestScreens.profile("pair-bad"));
        var web = TestScreens.adminClient(admin);
        web.get("/screens/pair-bad");
        var unknown = web.postForm("/screens/pair-bad/pair", Map.of("code", "AAA-AAA"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("data-field=\"code\"").contains("tidak dikenal");
        var malformed = web.postForm("/screens/pair-bad/pair", Map.of("code", "O0I-1"));
        assertThat(malformed.body()).contains("6 huruf/angka");
    }

    @OnBothDatabases
    void aRevokedTokenIsRefusedAtOnce(TestAdmin admin) {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("pair-revoke"));
        assertThat(player.get("/api/v1/player/manifest").statusCode()).isEqualTo(200);
        var web = TestScreens.adminClient(admin);
        web.get("/screens/pair-revoke");
        assertThat(web.postForm("/screens/pair-revoke/revoke", Map.of()).statusCode()).isEqualTo(302);
        var after = player.get("/api/v1/player/manifest");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("errors");
    }

    @OnBothDatabases
    void pairingAgainReplacesTheScreensEarlierPlayer(TestAdmin admin) {
        TestPlayer first = TestScreens.player(admin, TestScreens.profile("pair-twice"));
        String second = TestScreens.pair(admin, "pair-twice");
        assertThat(new TestPlayer(admin.baseUrl(), second).get("/api/v1/player/manifest").statusCode()).isEqualTo(200);
        assertThat(first.get("/api/v1/player/manifest").statusCode()).isEqualTo(401);
    }

    @OnBothDatabases
    void onlyAdminsMayClaimCodes(TestAdmin admin) throws Exception {
        TestScreens.create(admin, TestScreens.profile("pair-editor"));
        Started s = startPairing(admin);
        var editor = admin.as(Role.HEALTH_EDITOR);
        editor.get("/screens/pair-editor");
        assertThat(editor.postForm("/screens/pair-editor/pair", Map.of("code", s.code())).statusCode())
                .isEqualTo(403);
        assertThat(poll(admin, s.code(), s.secret()).statusCode()).isEqualTo(202);
    }

    @Test
    void pairingStartsAreRateLimitedPerAddress() throws Exception {
        try (TestAdmin admin = TestAdmin.h2()) {
            for (int i = 0; i < Pairing.RATE_LIMIT; i++) {
                startPairing(admin);
            }
            var r = http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.body()).contains("Too many pairing requests");
        }
    }

    @Test
    void malformedPairingJsonNamesTheField() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(servers.h2().baseUrl() + "/api/v1/pairing"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\": 5, \"colour\": \"red\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // A known field of the wrong type is refused by name; the unknown "colour" is ignored (a newer player).
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"hostname\"").contains("text in quotes").doesNotContain("colour");
    }

    @Test
    void codesUseOnlyUnambiguousCharacters() {
        for (int i = 0; i < 200; i++) {
            assertThat(Pairing.newCode()).doesNotContainPattern("[01OILSZB258]");
        }
        assertThat(Pairing.normalise(" k7q 4mx")).hasValue("K7Q-4MX");
        assertThat(Pairing.normalise("K0Q-4MZ")).isEmpty();
    }
}
