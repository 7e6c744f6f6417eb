package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.RawHttp;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The file endpoint over real HTTP on H2 and PostgreSQL: every Range header of {@link RangeRequestTest#TABLE}
 * (and more) gets the RFC's answer and never a 5xx, directly and after the slide.png redirect; only approved
 * files are cacheable by anyone.
 */
class FileServingTest {
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    @OnBothDatabases
    void everyRangeHeaderGetsTheRfcAnswerAndNeverA5xx(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        JsonNode upload = fx.uploaded(Role.HEALTH_EDITOR, "r.png", MediaFixtures.uniquePng(200, 100),
                MediaApiTest.withApprove(meta("Rentang", "HEALTH", "")));
        String uploadSha = upload.get("file").get("sha256").asText();
        WebClient staff = fx.as(Role.REVIEWER);
        String slideSha = slideFile(fx, staff);
        String cookie = "Cookie: " + Access.SESSION_COOKIE + "=" + staff.cookie(Access.SESSION_COOKIE);
        var soft = new SoftAssertions();
        var statuses = new TreeMap<Integer, Integer>();
        for (String sha : List.of(uploadSha, slideSha)) {
            byte[] whole = RawHttp.get(admin.port(), "/api/v1/media/" + sha, cookie).body();
            long size = whole.length;
            for (List<String> row : corpus(size)) {
                var a = RawHttp.get(admin.port(), "/api/v1/media/" + sha, cookie, "Range: " + row.get(0));
                statuses.merge(a.status(), 1, Integer::sum);
                String expected = row.get(1);
                soft.assertThat(a.status()).as(row.get(0)).isLessThan(500).isEqualTo(Integer.parseInt(expected.substring(0, 3)));
                if (expected.startsWith("206")) {
                    String[] fl = expected.substring(4).split("-");
                    int first = Integer.parseInt(fl[0]);
                    int last = Integer.parseInt(fl[1]);
                    soft.assertThat(a.body()).as(row.get(0)).isEqualTo(Arrays.copyOfRange(whole, first, last + 1));
                    soft.assertThat(a.header("Content-Range")).as(row.get(0)).isEqualTo("bytes " + first + "-" + last + "/" + size);
                } else if (expected.equals("200")) {
                    soft.assertThat(a.body()).as(row.get(0)).isEqualTo(whole);
                } else {
                    soft.assertThat(a.header("Content-Range")).as(row.get(0)).isEqualTo("bytes */" + size);
                }
            }
        }
        soft.assertAll();
        System.out.println("Range corpus on " + admin.services().config.jdbcUrl().split(":")[1] + ": "
                + statuses.values().stream().mapToInt(Integer::intValue).sum() + " requests, by status " + statuses);
    }

    @OnBothDatabases
    void theReportedHugeRangesThroughTheSlideRedirectAreClippedOrWhole(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        WebClient staff = fx.as(Role.CONTRIBUTOR);
        var r = staff.json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Rentang besar", "background": "#0d47a1", "foreground": "#ffffff", "category": "HEALTH"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String cookie = "Cookie: " + Access.SESSION_COOKIE + "=" + staff.cookie(Access.SESSION_COOKIE);
        String slide = "/media/" + json(r.body()).get("id").asText() + "/slide.png?w=384&h=192";
        for (String range : List.of("bytes=0-18446744073709551616", "bytes=-99999999999999999999")) {
            var redirect = RawHttp.get(admin.port(), slide, cookie, "Range: " + range);
            assertThat(redirect.status()).isEqualTo(302);
            var a = RawHttp.get(admin.port(), redirect.header("Location"), cookie, "Range: " + range);
            assertThat(a.status()).as(range).isEqualTo(206);
            assertThat(a.header("Content-Range")).startsWith("bytes 0-");
            assertThat(a.body()).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @OnBothDatabases
    void onlyApprovedFilesArePubliclyCacheablePendingAndRejectedOnesAreNotStored(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        String approved = fx.uploaded(Role.HEALTH_EDITOR, "a.png", MediaFixtures.uniquePng(64, 32),
                MediaApiTest.withApprove(meta("Disetujui", "HEALTH", ""))).get("file").get("sha256").asText();
        JsonNode pending = fx.uploaded(Role.CONTRIBUTOR, "p.png", MediaFixtures.uniquePng(64, 32),
                meta("Menunggu", "HEALTH", ""));
        JsonNode toReject = fx.uploaded(Role.CONTRIBUTOR, "x.png", MediaFixtures.uniquePng(64, 32),
                meta("Ditolak", "HEALTH", ""));
        var rejected = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + toReject.get("id").asText()
                + "/reject", "{\"reason\": \"Logo salah\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        WebClient staff = fx.as(Role.REVIEWER);
        String cookie = "Cookie: " + Access.SESSION_COOKIE + "=" + staff.cookie(Access.SESSION_COOKIE);

        Map<String, String> cacheBySha = Map.of(
                approved, MediaRoutes.PUBLIC_CACHE,
                pending.get("file").get("sha256").asText(), "private, no-store",
                toReject.get("file").get("sha256").asText(), "private, no-store");
        cacheBySha.forEach((sha, expected) -> {
            var full = RawHttp.get(admin.port(), "/api/v1/media/" + sha, cookie);
            assertThat(full.status()).isEqualTo(200);
            assertThat(full.header("Cache-Control")).as(sha).isEqualTo(expected);
            var part = RawHttp.get(admin.port(), "/api/v1/media/" + sha, cookie, "Range: bytes=0-9");
            assertThat(part.header("Cache-Control")).as(sha).isEqualTo(expected);
            var revalidated = RawHttp.get(admin.port(), "/api/v1/media/" + sha, cookie, "If-None-Match: \"" + sha + "\"");
            assertThat(revalidated.status()).isEqualTo(304);
            assertThat(revalidated.header("Cache-Control")).as(sha).isEqualTo(expected);
        });
        // A pending slide's rendition, reached through slide.png, is private too.
        var slide = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Slide menunggu", "background": "#0d47a1", "foreground": "#ffffff", "category": "HEALTH"}""");
        String location = fx.as(Role.CONTRIBUTOR).get("/media/" + json(slide.body()).get("id").asText()
                + "/slide.png").headers().firstValue("Location").orElseThrow();
        assertThat(RawHttp.get(admin.port(), location, cookie).header("Cache-Control")).isEqualTo("private, no-store");
    }

    /** The pure table, the RFC's edge cases at this file's own size, and the two headers the probe reported. */
    static List<List<String>> corpus(long size) {
        long last = size - 1;
        var rows = new java.util.ArrayList<List<String>>();
        for (List<String> row : RangeRequestTest.TABLE) {
            // The table is for 1,000 bytes: rows whose answer does not depend on the size are kept, the others
            // are restated below for this file's size.
            if (row.get(1).equals("200") || row.get(0).contains("18446744073709551616-")
                    || row.get(0).startsWith("bytes=9999999") || row.get(0).equals("bytes=-0")) {
                rows.add(row);
            }
        }
        rows.add(List.of("bytes=0-99", "206 0-99"));
        rows.add(List.of("bytes=0-" + size, "206 0-" + last));
        rows.add(List.of("bytes=0-18446744073709551616", "206 0-" + last));
        rows.add(List.of("bytes=10-99999999999999999999999999999999", "206 10-" + last));
        rows.add(List.of("bytes=-99999999999999999999", "206 0-" + last));
        rows.add(List.of("bytes=-" + (size + 1), "206 0-" + last));
        rows.add(List.of("bytes=-10", "206 " + (size - 10) + "-" + last));
        rows.add(List.of("bytes=" + last + "-", "206 " + last + "-" + last));
        rows.add(List.of("bytes=" + size + "-", "416"));
        rows.add(List.of("bytes=" + size + "-" + (size + 10), "416"));
        rows.add(List.of("Bytes=0-9", "206 0-9"));
        rows.add(List.of("bytes=\u0661-\u0662", "200"));
        rows.add(List.of("bytes=0-\u00ff", "200"));
        return rows;
    }

    private static String slideFile(MediaFixtures fx, WebClient staff) {
        var r = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Rentang slide", "background": "#0d47a1", "foreground": "#ffffff", "category": "HEALTH"}""");
        String location = staff.get("/media/" + json(r.body()).get("id").asText() + "/slide.png?w=384&h=192")
                .headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
