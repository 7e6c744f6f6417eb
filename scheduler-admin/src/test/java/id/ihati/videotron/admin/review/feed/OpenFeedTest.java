package id.ihati.videotron.admin.review.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.review.ReviewFixture;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open feed: opt-in per screen, no private data, cacheable, CORS, and rate-limited per client. Each test
 * leaves the feed as it found it (screens closed again); the HTTP rate-limit test uses up this client address's
 * allowance, so it does so on a server of its own and the tests run in any order.
 */
class OpenFeedTest {
    static TestAdmin admin;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        admin = ReviewFixture.start();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    static HttpResponse<String> get(String path, String... headers) {
        return get(admin, path, headers);
    }

    static HttpResponse<String> get(TestAdmin server, String path, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return server.anonymous().send(b.build());
    }

    static void open(String screenId, boolean open) {
        WebClient a = admin.as(Role.ADMIN);
        a.get("/review/feed");
        assertThat(a.postForm("/review/feed/" + screenId, Map.of("open", Boolean.toString(open))).statusCode())
                .isEqualTo(302);
    }

    @Test
    void onlyScreensAnAdminOpenedAppearAndTheirDayHasNoPrivateData() throws Exception {
        assertThat(JSON.readTree(get("/api/open/v1/screens").body()).get("screens")).isEmpty();
        assertThat(get("/api/open/v1/screens/alun-alun-cilegon").statusCode()).isEqualTo(404);

        open("alun", true);
        JsonNode list = JSON.readTree(get("/api/open/v1/screens").body()).get("screens");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("slug").asText()).isEqualTo("alun-alun-cilegon");
        assertThat(list.get(0).get("name").asText()).isEqualTo("Alun-alun Cilegon");

        var r = get("/api/open/v1/screens/alun-alun-cilegon");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
        JsonNode day = JSON.readTree(r.body());
        assertThat(day.get("date").asText()).isEqualTo("2026-11-25");
        // 10:00 WIB on Wednesday: DBD plays three slots of eight, imunisasi one, the festival one.
        assertThat(day.get("programme").findValuesAsText("title")).contains("Imunisasi Anak", "Festival Budaya");
        assertThat(day.get("screen").get("now").get("category").asText()).isIn("HEALTH", "CITY", "FILLER");
        assertThat(day.get("sharePercent").get("HEALTH").asDouble()).isGreaterThanOrEqualTo(40.0);
        // No internal ids, user names, device facts or hashes anywhere.
        assertThat(r.body()).doesNotContain("b-dbd", "b-imun", "m-dbd", "\"alun\"", "uji_", "hash", "token",
                "playerVersion", "screenId", "sourceId", "mediaId");

        open("alun", false);
        assertThat(get("/api/open/v1/screens/alun-alun-cilegon").statusCode()).isEqualTo(404);
        assertThat(admin.services().audit.latest(10, 0)).anyMatch(e -> e.action().equals("review.feed.open"))
                .anyMatch(e -> e.action().equals("review.feed.close"));
    }

    @Test
    void anUnchangedDocumentIsAnswered304ByItsETag() {
        open("pasar", true);
        String slug = admin.services().review.feed().all().stream().filter(f -> f.screenId().equals("pasar"))
                .findFirst().orElseThrow().slug();
        var first = get("/api/open/v1/screens/" + slug + "/bookings.ics");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(first.body()).contains("BEGIN:VCALENDAR").doesNotContain("b-dbd");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var again = get("/api/open/v1/screens/" + slug + "/bookings.ics", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        open("pasar", false);
    }

    @Test
    void theServerAnswers429WithRetryAfterOverHttp() {
        try (TestAdmin own = TestAdmin.h2()) {
            int status = 0;
            HttpResponse<String> r = null;
            for (int i = 0; i <= FeedRoutes.LIMIT.max() + 5 && status != 429; i++) {
                r = get(own, "/api/open/v1/screens");
                status = r.statusCode();
            }
            assertThat(status).isEqualTo(429);
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(r.body()).contains("Terlalu banyak permintaan").contains("Too many requests");
        }
    }
}
