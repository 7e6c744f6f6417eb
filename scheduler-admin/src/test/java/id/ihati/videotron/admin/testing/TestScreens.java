package id.ihati.videotron.admin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * Screens for tests: a realistic profile, creating it in a test server's database (audited, players told),
 * and pairing a player with it the real way. The player's integration tests use {@link #createAndPair} to get
 * a device token.
 */
public final class TestScreens {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One signed-in ADMIN client per server (a session made in the database: no Argon2 round-trip). */
    private static final Map<TestAdmin, WebClient> ADMINS = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

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
        Wiring s = admin.services();
        s.jdbi.useTransaction(h -> {
            s.screens.insert(h, profile, null, s.clock.instant());
            s.audit.record(h, admin.username(Role.ADMIN), "SCREEN_CREATE", "screen", profile.id(), null);
        });
        s.playerEvents.scheduleChanged();
        return profile;
    }

    /**
     * Creates the screen and pairs a player with it as a real one is paired: the player asks for a code over
     * HTTP, the test ADMIN types it on the screen page, the player collects its token. Returns the token.
     */
    public static String createAndPair(TestAdmin admin, ScreenProfile profile) {
        create(admin, profile);
        return pair(admin, profile.id());
    }

    /** Pairs a new player with an existing screen (unpairing its previous one); returns the device token. */
    public static String pair(TestAdmin admin, String screenId) {
        return pair(admin, screenId, null);
    }

    /**
     * Pairs a new player that made a device key pair ({@code publicKey}: its public half, base64; null for a
     * player without one) with an existing screen; returns the device token.
     */
    public static String pair(TestAdmin admin, String screenId, String publicKey) {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"hostname\":\"uji-pc\",\"playerVersion\":\"0.1.0\""
                + (publicKey == null ? "" : ",\"publicKey\":\"" + publicKey + "\"") + "}";
        JsonNode started = json(send(http, HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), 201));
        String code = started.get("code").asText();
        WebClient web = adminClient(admin);
        web.get("/screens/" + screenId);
        var claim = web.postForm("/screens/" + screenId + "/pair", Map.of("code", code));
        if (claim.statusCode() != 302) {
            throw new IllegalStateException("claiming code " + code + " failed: " + claim.statusCode());
        }
        JsonNode paired = json(send(http, HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/pairing/" + code))
                .header("X-Pairing-Secret", started.get("secret").asText()).GET().build(), 200));
        return paired.get("deviceToken").asText();
    }

    /**
     * Pairs through the services, without HTTP or signing in (fast: for benchmarks and the route matrix);
     * returns the device token.
     */
    public static String pairDirectly(TestAdmin admin, String screenId) {
        var pairing = admin.services().pairing;
        var started = pairing.start("bench-pc", "0.1.0", "direct-" + java.util.UUID.randomUUID());
        pairing.claim(started.code(), screenId, admin.username(Role.ADMIN));
        var poll = pairing.poll(started.code(), started.secret());
        if (!(poll instanceof id.ihati.videotron.admin.player.Pairing.Poll.Paired paired)) {
            throw new IllegalStateException("pairing " + screenId + " gave " + poll);
        }
        return paired.deviceToken();
    }

    /** A signed-in ADMIN client of this server, made once and reused. */
    public static WebClient adminClient(TestAdmin admin) {
        return ADMINS.computeIfAbsent(admin, a -> a.session(Role.ADMIN));
    }

    /** A {@link TestPlayer} for a newly created and paired screen. */
    public static TestPlayer player(TestAdmin admin, ScreenProfile profile) {
        return new TestPlayer(admin.baseUrl(), createAndPair(admin, profile));
    }

    private static String send(HttpClient http, HttpRequest request, int expected) {
        try {
            var r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
