package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's JSON API and file endpoint over real HTTP on H2. */
class MediaApiTest {
    static TestAdmin admin;
    static MediaFixtures fx;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        fx = new MediaFixtures(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void contributorsVideoWithSoundIsPendingHasItsFactsAndASilentCopyThatDecodes() throws Exception {
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "dbd-3m-plus.mp4", MediaFixtures.uniqueVideo("health-with-audio.mp4"),
                meta("DBD 3M Plus", "HEALTH", "DBD, PSC 119"));
        assertThat(m.get("status").asText()).isEqualTo("PENDING");
        assertThat(m.get("kind").asText()).isEqualTo("VIDEO");
        assertThat(m.get("videoCodec").asText()).isEqualTo("avc1");
        assertThat(m.get("width").asInt()).isEqualTo(320);
        assertThat(m.get("height").asInt()).isEqualTo(160);
        assertThat(m.get("hasAudio").asBoolean()).isTrue();
        assertThat(m.get("durationMillis").asLong()).isBetween(2900L, 3100L);
        assertThat(m.get("owner").asText()).isEqualTo("Organisasi Uji");
        assertThat(m.get("tags")).extracting(JsonNode::asText).containsExactly("dbd", "psc-119");
        String copySha = m.get("videoOnly").get("sha256").asText();
        Path copy = admin.dataDir().resolve("media").resolve(copySha);
        assertThat(TestMedia.streams(copy)).containsExactly("video");
        assertThat(TestMedia.decodes(copy)).isTrue();
        assertThat(fx.auditOf(m.get("id").asText())).containsExactly("uji_contributor:media.upload");
    }

    @Test
    void aHealthEditorApprovesAndTheDecisionIsAudited() {
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "poster.png", MediaFixtures.uniquePng(480, 240),
                meta("Poster imunisasi", "HEALTH", "imunisasi"));
        String id = m.get("id").asText();
        var contributor = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(contributor.statusCode()).isEqualTo(403);
        var r = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).get("status").asText()).isEqualTo("APPROVED");
        assertThat(json(r.body()).get("decidedBy").asText()).isEqualTo("uji_health_editor");
        assertThat(fx.auditOf(id)).containsExactly("uji_contributor:media.upload", "uji_health_editor:media.approve");
        assertThat(admin.services().media.bookable(id)).isTrue();
    }

    @Test
    void aRejectionNeedsAReasonAndShowsIt() {
        String id = fx.uploaded(Role.CONTRIBUTOR, "gizi.png", MediaFixtures.uniquePng(300, 150),
                meta("Gizi seimbang", "HEALTH", "gizi")).get("id").asText();
        var noReason = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/reject", "{}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(json(noReason.body()).get("errors").get(0).get("field").asText()).isEqualTo("reason");
        var r = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/reject",
                "{\"reason\":\"Logo Dinkes belum ada\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = json(r.body());
        assertThat(m.get("status").asText()).isEqualTo("REJECTED");
        assertThat(m.get("rejectReason").asText()).isEqualTo("Logo Dinkes belum ada");
        assertThat(admin.services().media.bookable(id)).isFalse();
    }

    @Test
    void cityEditorsDecideOnCityContentOnlyAndMayApproveTheirOwnAtOnce() {
        JsonNode own = fx.uploaded(Role.CITY_EDITOR, "jalan.png", MediaFixtures.uniquePng(480, 240),
                withApprove(meta("Penutupan jalan", "CITY", "lalu-lintas")));
        assertThat(own.get("status").asText()).isEqualTo("APPROVED");
        assertThat(own.get("decidedBy").asText()).isEqualTo("uji_city_editor");
        String health = fx.uploaded(Role.CONTRIBUTOR, "tbc.png", MediaFixtures.uniquePng(480, 240),
                meta("Cek TBC", "HEALTH", "TBC")).get("id").asText();
        assertThat(fx.as(Role.CITY_EDITOR).json("POST", "/api/v1/media/items/" + health + "/approve", null)
                .statusCode()).isEqualTo(403);
        // A city editor cannot file content as HEALTH, and a contributor cannot approve at once.
        var r = fx.upload(Role.CITY_EDITOR, "x.png", MediaFixtures.uniquePng(64, 32), meta("X", "HEALTH", ""));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(errorFields(r)).containsExactly("category");
        JsonNode c = fx.uploaded(Role.CONTRIBUTOR, "y.png", MediaFixtures.uniquePng(64, 32),
                withApprove(meta("Y", "HEALTH", "")));
        assertThat(c.get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void reviewersReadEverythingAndChangeNothing() {
        WebClient reviewer = fx.as(Role.REVIEWER);
        assertThat(reviewer.get("/api/v1/media").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/media").statusCode()).isEqualTo(200);
        var upload = fx.upload(Role.REVIEWER, "r.png", MediaFixtures.uniquePng(64, 32), meta("R", "HEALTH", ""));
        assertThat(upload.statusCode()).isEqualTo(403);
        String id = fx.uploaded(Role.CONTRIBUTOR, "z.png", MediaFixtures.uniquePng(64, 32), meta("Z", "HEALTH", ""))
                .get("id").asText();
        assertThat(reviewer.json("POST", "/api/v1/media/items/" + id + "/approve", null).statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/api/v1/media/items/" + id).statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/media/" + id).body()).doesNotContain("action=\"/media/" + id + "/approve\"");
        assertThat(fx.as(Role.ADMIN).json("POST", "/api/v1/media/items/" + id + "/approve", null).statusCode())
                .isEqualTo(403);
        assertThat(admin.anonymous().get("/api/v1/media").statusCode()).isEqualTo(401);
    }

    @Test
    void everyDamagedOrUnknownFileIsRefusedWithItsReasonAndLeavesNoFileAndNoRow() {
        // WebM, MPEG-4 Part 2, HEVC… are converted now (IntakeFlowTest); what is no video at all is refused.
        int rows = fx.rows();
        long files = fx.storedFiles();
        Map<String, String> expected = Map.of(
                "corrupt-truncated.mp4", "incomplete");
        expected.forEach((file, why) -> {
            var r = fx.upload(Role.CONTRIBUTOR, file, TestMedia.bytes(file), meta("Uji", "HEALTH", ""));
            assertThat(r.statusCode()).as(file).isEqualTo(422);
            JsonNode e = json(r.body()).get("errors").get(0);
            assertThat(e.get("field").asText()).isEqualTo("file");
            assertThat(e.get("messageEn").asText()).contains(why);
            assertThat(e.get("message").asText()).isNotBlank().doesNotContain("??");
        });
        var text = fx.upload(Role.CONTRIBUTOR, "video.mp4", "bukan video".getBytes(), meta("Uji", "HEALTH", ""));
        assertThat(json(text.body()).get("errors").get(0).get("messageEn").asText()).contains("Unknown file type");
        var empty = fx.upload(Role.CONTRIBUTOR, "kosong.png", new byte[0], meta("Uji", "HEALTH", ""));
        assertThat(errorFields(empty)).containsExactly("file");
        assertThat(fx.rows()).isEqualTo(rows);
        assertThat(fx.storedFiles()).isEqualTo(files);
        fx.awaitNoTempFiles();
    }

    @Test
    void badMetadataIsReportedFieldByFieldTogetherWithABadFile() {
        var fields = meta("x".repeat(201), "HEALTH", "DBD, bad/tag");
        fields.put("validFrom", "2030-01-02T08:00");
        fields.put("validUntil", "2030-01-01T08:00");
        fields.put("displaySeconds", "1");
        var r = fx.upload(Role.CONTRIBUTOR, "a.mp4", TestMedia.bytes("corrupt-truncated.mp4"), fields);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(errorFields(r)).containsExactlyInAnyOrder("title", "tags", "validUntil", "displaySeconds", "file");
    }

    @Test
    void theSameFileTwiceIsFoundNotStoredTwice() {
        byte[] png = MediaFixtures.uniquePng(200, 100);
        String id = fx.uploaded(Role.CONTRIBUTOR, "a.png", png, meta("Pertama", "HEALTH", "")).get("id").asText();
        long files = fx.storedFiles();
        var again = fx.upload(Role.HEALTH_EDITOR, "b.png", png, meta("Kedua", "HEALTH", ""));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("errors").get(0).get("messageEn").asText()).contains("Pertama", id);
        assertThat(fx.storedFiles()).isEqualTo(files);
    }

    @Test
    void pathTricksInFileNamesAreDefusedAndNeverReachTheFileSystem() {
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "../../../../etc/cron.d/x.png", MediaFixtures.uniquePng(64, 32),
                meta("", "HEALTH", ""));
        assertThat(m.get("originalName").asText()).isEqualTo("x.png");
        assertThat(m.get("title").asText()).isEqualTo("x");
        String longName = "a".repeat(5000) + ".png";
        JsonNode l = fx.uploaded(Role.CONTRIBUTOR, longName, MediaFixtures.uniquePng(64, 32), meta("Panjang", "HEALTH", ""));
        assertThat(l.get("originalName").asText()).hasSize(120).endsWith(".png");
        assertThat(Uploads.cleanName("..\\..\\win.ini\u0000.png")).isEqualTo("win.ini.png");
        assertThat(Uploads.cleanName("..")).isEqualTo("upload");
        try (var s = Files.list(admin.dataDir().resolve("media"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("[0-9a-f]{64}"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFileEndpointServesRangesWithImmutableCachingAndTheRightType() throws Exception {
        JsonNode m = fx.uploaded(Role.HEALTH_EDITOR, "v.mp4", MediaFixtures.uniqueVideo("city-video-only.mp4"),
                withApprove(meta("Video kota", "HEALTH", ""))); // approved: only these are publicly cacheable
        String sha = m.get("file").get("sha256").asText();
        long size = m.get("file").get("size").asLong();
        WebClient c = fx.as(Role.REVIEWER);
        var whole = c.http().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media/" + sha)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).hasSize((int) size);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(sha256(whole.body())).isEqualTo(sha);
        var part = c.http().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media/" + sha))
                .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + size);
        var tail = range(c, sha, "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), (int) size - 10, (int) size));
        var resume = range(c, sha, "bytes=" + (size - 5) + "-");
        assertThat(resume.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), (int) size - 5, (int) size));
        assertThat(range(c, sha, "bytes=" + size + "-").statusCode()).isEqualTo(416);
        var cached = c.http().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media/" + sha))
                .header("If-None-Match", "\"" + sha + "\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(c.get("/api/v1/media/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        var bad = c.get("/api/v1/media/..%2F..%2Fetc%2Fpasswd");
        assertThat(bad.statusCode()).isIn(400, 404);
        assertThat(c.get("/api/v1/media/ABC").statusCode()).isEqualTo(400);
        assertThat(json(c.get("/api/v1/media/" + sha.toUpperCase()).body()).get("errors").get(0).get("field").asText())
                .isEqualTo("sha256");
    }

    @Test
    void devicesNeedATokenForFiles() throws Exception {
        String sha = fx.uploaded(Role.CITY_EDITOR, "d.png", MediaFixtures.uniquePng(64, 32),
                withApprove(meta("D", "CITY", ""))).get("file").get("sha256").asText();
        var http = java.net.http.HttpClient.newHttpClient();
        var anon = http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/media/" + sha)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anon.statusCode()).isEqualTo(401);
        var wrong = http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/media/" + sha))
                .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void slidesAreCreatedByJsonAndRenderedAtTheAskedResolution() throws Exception {
        var r = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Cek kesehatan TBC gratis", "text": "Batuk lebih dari 2 minggu? Periksa di Puskesmas.",
                 "background": "#0d47a1", "foreground": "#ffffff", "qrUrl": "https://puskesmas.example.id/tbc",
                 "category": "HEALTH", "tags": ["TBC", "gizi"], "displaySeconds": "20"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode m = json(r.body());
        assertThat(m.get("kind").asText()).isEqualTo("SLIDE");
        assertThat(m.get("title").asText()).isEqualTo("Cek kesehatan TBC gratis");
        assertThat(m.get("playMillis").asLong()).isEqualTo(20_000);
        var png = fx.as(Role.CONTRIBUTOR).get("/media/" + m.get("id").asText() + "/slide.png?w=384&h=192");
        assertThat(png.statusCode()).isEqualTo(302);
        String location = png.headers().firstValue("Location").orElseThrow();
        WebClient c = fx.as(Role.CONTRIBUTOR);
        var file = c.http().send(HttpRequest.newBuilder(URI.create(c.base() + location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        var img = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertThat(img.getWidth()).isEqualTo(384);
        assertThat(img.getHeight()).isEqualTo(192);
        var bad = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides",
                "{\"slideTitle\": \"\", \"background\": \"#fff\", \"foreground\": \"#ffffff\", \"qrUrl\": \"javascript:x\","
                        + " \"category\": \"HEALTH\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(errorFields(bad)).contains("slideTitle", "background", "qrUrl");
        assertThat(fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", "{not json").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theListFiltersByStatusKindAndTag() {
        fx.uploaded(Role.CONTRIBUTOR, "s.png", MediaFixtures.uniquePng(64, 32), meta("Stunting", "HEALTH", "stunting"));
        JsonNode pending = json(fx.as(Role.REVIEWER).get("/api/v1/media?status=PENDING&tag=stunting&kind=IMAGE").body());
        assertThat(pending.get("items")).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("status").asText()).isEqualTo("PENDING");
            assertThat(i.get("kind").asText()).isEqualTo("IMAGE");
            assertThat(i.get("tags")).extracting(JsonNode::asText).contains("stunting");
        });
        JsonNode none = json(fx.as(Role.REVIEWER).get("/api/v1/media?tag=stunting&kind=VIDEO").body());
        assertThat(none.get("items")).isEmpty();
    }

    static HttpResponse<byte[]> range(WebClient c, String sha, String range) throws Exception {
        return c.http().send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media/" + sha))
                .header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, String> withApprove(Map<String, String> m) {
        m.put("approveNow", "true");
        return m;
    }

    static List<String> errorFields(HttpResponse<String> r) {
        var list = new java.util.ArrayList<String>();
        json(r.body()).get("errors").forEach(e -> list.add(e.get("field").asText()));
        return list;
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
