package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.web.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlayerApiTest {
    static final ObjectMapper JSON = Json.mapper();
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @OnBothDatabases
    void theManifestCarriesAnEtagAndAnswers304WhileUnchanged(TestAdmin admin) throws Exception {
        String id = newId("mf");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var first = player.get("/api/v1/player/manifest");
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode m = JSON.readTree(first.body());
        String hash = m.get("contentHash").asText();
        assertThat(first.headers().firstValue("ETag")).hasValue("\"" + hash + "\"");
        assertThat(m.get("screen").get("id").asText()).isEqualTo(id);
        assertThat(m.get("mediaPath").asText()).isEqualTo("/api/v1/media/");

        var again = player.send(player.request("/api/v1/player/manifest").header("If-None-Match", "\"" + hash + "\"")
                .GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        var stale = player.send(player.request("/api/v1/player/manifest").header("If-None-Match", "\"old\"").GET()
                .build());
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @OnBothDatabases
    void aScreenEditChangesTheManifestAndItsEtag(TestAdmin admin) throws Exception {
        String id = newId("edit");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        String before = JSON.readTree(player.get("/api/v1/player/manifest").body()).get("contentHash").asText();
        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + id + "/edit");
        var fields = new java.util.HashMap<>(formOf(admin, id));
        fields.put("slotSeconds", "20");
        assertThat(web.postForm("/screens/" + id, fields).statusCode()).isEqualTo(302);

        var after = player.send(player.request("/api/v1/player/manifest").header("If-None-Match", "\"" + before + "\"")
                .GET().build());
        assertThat(after.statusCode()).isEqualTo(200);
        JsonNode m = JSON.readTree(after.body());
        assertThat(m.get("contentHash").asText()).isNotEqualTo(before);
        assertThat(m.get("screen").get("slotSeconds").asInt()).isEqualTo(20);
    }

    static Map<String, String> formOf(TestAdmin admin, String id) {
        return admin.services().screens.find(id).map(ScreenForm::of).orElseThrow()
                .values();
    }

    @OnBothDatabases
    void anUnchangedManifestIsAnsweredWithoutTheDatabase(TestAdmin admin) throws Exception {
        String id = newId("nodb");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var first = player.get("/api/v1/player/manifest");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var jdbi = admin.services().jdbi;
        // With the screen and token tables gone, any query the request made would fail with a 500.
        jdbi.useHandle(h -> {
            h.execute("ALTER TABLE device_token RENAME TO device_token_away");
            h.execute("ALTER TABLE screen RENAME TO screen_away");
        });
        try {
            var r = player.send(player.request("/api/v1/player/manifest").header("If-None-Match", etag).GET().build());
            assertThat(r.statusCode()).isEqualTo(304);
        } finally {
            jdbi.useHandle(h -> {
                h.execute("ALTER TABLE screen_away RENAME TO screen");
                h.execute("ALTER TABLE device_token_away RENAME TO device_token");
            });
        }
    }

    @OnBothDatabases
    void theManifestIsGzippedWhenAskedFor(TestAdmin admin) throws Exception {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(newId("gz")));
        var r = player.send(player.request("/api/v1/player/manifest").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes());
        assertThat(JSON.readTree(json).get("contentHash").asText()).hasSize(64);
    }

    @OnBothDatabases
    void aHeartbeatIsStoredAndAnsweredWithTheServerTime(TestAdmin admin) throws Exception {
        String id = newId("hb");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var r = player.postJson("/api/v1/player/heartbeat", """
                {"status":"PLAYING","playing":{"mediaId":"m-dbd","sourceId":"b-12","since":"2026-11-25T07:00:00Z"},
                 "cache":{"files":12,"bytes":48000000,"missing":0,"budgetBytes":8000000000},
                 "playerVersion":"0.1.0","manifestHash":"abc","scheduleVersion":7,"freeDiskBytes":12000000000,
                 "clockOffsetMillis":-120,"sentAt":"2026-11-25T07:00:05Z"}""");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("serverTime").asText()).isNotBlank();
        ScreenStatus st = new StatusRepository(admin.services().jdbi).find(id).orElseThrow();
        assertThat(st.status()).isEqualTo("PLAYING");
        assertThat(st.playingMedia()).isEqualTo("m-dbd");
        assertThat(st.freeDiskBytes()).isEqualTo(12_000_000_000L);
        assertThat(st.clockOffsetMillis()).isEqualTo(-120);
        assertThat(st.online(admin.services().clock.instant())).isTrue();

        var page = TestScreens.adminClient(admin).get("/");
        assertThat(page.body()).contains("(konten tidak dikenal)").doesNotContain("m-dbd").contains("WIB");
    }

    @OnBothDatabases
    void aBadHeartbeatIsRefusedWithItsField(TestAdmin admin) {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(newId("hbbad")));
        var wrongType = player.postJson("/api/v1/player/heartbeat", "{\"status\":\"DANCING\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("\"field\":\"status\"");
        var missing = player.postJson("/api/v1/player/heartbeat", "{\"freeDiskBytes\":5}");
        assertThat(missing.statusCode()).isEqualTo(422);
        var broken = player.postJson("/api/v1/player/heartbeat", "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        var anonymous = new TestPlayer(admin.baseUrl(), "no-such-token").postJson("/api/v1/player/heartbeat",
                "{\"status\":\"PLAYING\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    static List<PlayRecord> chain(String screenId, int fromSeq, int count, String prevHash) {
        List<PlayRecord> out = new ArrayList<>();
        String prev = prevHash;
        Instant t = Instant.parse("2026-11-25T01:00:00Z").plusSeconds(15L * fromSeq);
        for (int i = 0; i < count; i++) {
            long seq = fromSeq + i;
            PlayRecord r = PlayRecord.chained(UUID.randomUUID().toString(), screenId, seq, "m-dbd", "b-12",
                    Category.HEALTH, t, t.plusSeconds(15), t, t.plusSeconds(15), true, null, prev);
            out.add(r);
            prev = r.hash();
            t = t.plusSeconds(15);
        }
        return out;
    }

    static String batch(List<PlayRecord> records) throws Exception {
        return JSON.writeValueAsString(Map.of("records", records));
    }

    long stored(TestAdmin admin, String screenId) {
        return admin.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM play_record WHERE screen_id = :s").bind("s", screenId).mapTo(Long.class).one());
    }

    @OnBothDatabases
    void aBatchSentTwiceIsStoredOnceAndBothTimesAcknowledged(TestAdmin admin) throws Exception {
        String id = newId("pop");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var records = chain(id, 1, 5, PlayRecord.GENESIS);
        var first = JSON.readTree(player.postJson("/api/v1/player/plays", batch(records)).body());
        assertThat(first.get("acknowledged")).hasSize(5);
        assertThat(first.get("chainIntact").asBoolean()).isTrue();
        assertThat(first.get("problems")).isEmpty();

        var second = player.postJson("/api/v1/player/plays", batch(records));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("acknowledged")).hasSize(5);
        assertThat(stored(admin, id)).isEqualTo(5);

        // the next batch links to the last stored record
        var next = chain(id, 6, 3, records.get(4).hash());
        var third = JSON.readTree(player.postJson("/api/v1/player/plays", batch(next)).body());
        assertThat(third.get("chainIntact").asBoolean()).isTrue();
        assertThat(stored(admin, id)).isEqualTo(8);
    }

    @OnBothDatabases
    void aTamperedRecordAndAGapAreFlaggedAndKept(TestAdmin admin) throws Exception {
        String id = newId("tamper");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var records = new ArrayList<>(chain(id, 1, 4, PlayRecord.GENESIS));
        PlayRecord r = records.get(2);
        // someone shortened the play after it was signed
        records.set(2, new PlayRecord(r.playId(), r.screenId(), r.seq(), r.mediaId(), r.sourceId(), r.category(),
                r.plannedStart(), r.plannedEnd(), r.actualStart(), r.actualEnd(), false, r.error(), r.prevHash(),
                r.hash(), null));
        var answer = JSON.readTree(player.postJson("/api/v1/player/plays", batch(records)).body());
        assertThat(answer.get("chainIntact").asBoolean()).isFalse();
        assertThat(answer.get("problems").toString()).contains("seq 3 was altered");
        assertThat(answer.get("acknowledged")).hasSize(4);

        // records 5 and 6 never arrive: the next batch starts at 7
        var later = chain(id, 7, 2, records.get(3).hash());
        var gap = JSON.readTree(player.postJson("/api/v1/player/plays", batch(later)).body());
        assertThat(gap.get("chainIntact").asBoolean()).isFalse();
        assertThat(gap.get("problems").toString()).contains("gap: expected seq 5, found 7");
        assertThat(stored(admin, id)).isEqualTo(6);
        assertThat(new ProofOfPlay(admin.services().jdbi, admin.services().clock).problems(id, 10)).hasSize(2);
    }

    @OnBothDatabases
    void recordsOfAnotherScreenAreRefusedWhole(TestAdmin admin) throws Exception {
        String id = newId("own");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var r = player.postJson("/api/v1/player/plays", batch(chain("someone-else", 1, 2, PlayRecord.GENESIS)));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("records[0].screenId");
        assertThat(stored(admin, "someone-else")).isZero();
        var bad = player.postJson("/api/v1/player/plays", "{\"records\":[{\"playId\":\"x\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("records");
    }

    @OnBothDatabases
    void aRevokedTokenDeliversOnlyThePlaysMadeBeforeItsRevocationAndNothingElse(TestAdmin admin) throws Exception {
        String id = newId("retired");
        TestPlayer old = TestScreens.player(admin, TestScreens.profile(id));
        var before = chain(id, 1, 3, PlayRecord.GENESIS);   // November: before the revocation
        TestScreens.pair(admin, id);   // the screen gets a new player: the old token is revoked now
        Instant t = admin.services().clock.instant().plusSeconds(5);
        var after = PlayRecord.chained(UUID.randomUUID().toString(), id, 4, "m-dbd", "b-12", Category.HEALTH,
                t, t.plusSeconds(15), t, t.plusSeconds(15), true, null, before.get(2).hash());
        var records = new ArrayList<>(before);
        records.add(after);

        var answer = old.postJson("/api/v1/player/plays", batch(records));
        assertThat(answer.statusCode()).isEqualTo(200);
        var body = JSON.readTree(answer.body());
        assertThat(body.get("acknowledged")).extracting(n -> n.asText())
                .containsExactlyElementsOf(before.stream().map(PlayRecord::playId).toList());
        assertThat(body.get("problems").toString()).contains("seq 4 started after the device token was revoked");
        assertThat(stored(admin, id)).isEqualTo(3);
        // Everything else stays closed to it.
        assertThat(old.get("/api/v1/player/manifest").statusCode()).isEqualTo(401);
        assertThat(old.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\"}").statusCode()).isEqualTo(401);
        assertThat(new TestPlayer(admin.baseUrl(), "never-issued").postJson("/api/v1/player/plays", batch(before))
                .statusCode()).isEqualTo(401);
    }

    static byte[] png(int w, int h) throws Exception {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(46, 125, 50));
        g.fillRect(0, 0, w, h);
        g.setColor(java.awt.Color.WHITE);
        g.drawString("DBD 3M Plus", 20, h / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @OnBothDatabases
    void aPngScreenshotIsStoredUnderTheScreenAndShownOnTheDashboard(TestAdmin admin) throws Exception {
        String id = newId("shot");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        byte[] png = png(96, 48);
        var r = player.send(player.request("/api/v1/player/screenshots").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build());
        assertThat(r.statusCode()).isEqualTo(201);
        try (var files = Files.list(admin.dataDir().resolve("screenshots").resolve(id))) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).toList()).hasSize(1);
        }
        var web = TestScreens.adminClient(admin);
        assertThat(web.get("/").body()).contains("/screens/" + id + "/screenshot.png");
        var img = web.send(HttpRequest.newBuilder(java.net.URI.create(admin.baseUrl() + "/screens/" + id
                + "/screenshot.png")).GET().build());
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @OnBothDatabases
    void aScreenshotThatIsNotAPngOrTooBigIsRefusedAndLeavesNoFile(TestAdmin admin) throws Exception {
        String id = newId("badshot");
        TestPlayer player = TestScreens.player(admin, TestScreens.profile(id));
        var jpeg = player.send(player.request("/api/v1/player/screenshots").header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build());
        assertThat(jpeg.statusCode()).isEqualTo(415);
        var fake = player.send(player.request("/api/v1/player/screenshots").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray("not a png at all".getBytes())).build());
        assertThat(fake.statusCode()).isEqualTo(415);
        // Refused on its headers alone, before a byte of the body arrives. (A client streaming 8 MiB may still be
        // writing when the server answers and closes, and then reads a reset instead of the 413: a flake seen in CI.
        // JDK 17's HttpClient hangs on "Expect: 100-continue" answered with a final status, so the headers go raw.)
        int big = player.statusForHeadersOnly("/api/v1/player/screenshots", "image/png", Screenshots.MAX_BYTES + 10);
        assertThat(big).isEqualTo(413);
        assertThat(Files.exists(admin.dataDir().resolve("screenshots").resolve(id))
                && Files.list(admin.dataDir().resolve("screenshots").resolve(id)).findAny().isPresent()).isFalse();
    }

    @OnBothDatabases
    void theEventStreamPushesManifestAndScreenshotEventsAtOnce(TestAdmin admin) throws Exception {
        String id = newId("sse");
        ScreenProfile profile = TestScreens.profile(id);
        TestPlayer player = TestScreens.player(admin, profile);
        try (var events = player.events()) {
            assertThat(events.status).isEqualTo(200);
            var hello = events.next("manifest", Duration.ofSeconds(5));
            assertThat(hello).as("the current hash on connect").isNotNull();

            var web = TestScreens.adminClient(admin);
            web.get("/screens/" + id + "/edit");
            var fields = new java.util.HashMap<>(formOf(admin, id));
            fields.put("name", "Videotron Alun-alun");
            long t0 = System.nanoTime();
            assertThat(web.postForm("/screens/" + id, fields).statusCode()).isEqualTo(302);
            var changed = events.next("manifest", Duration.ofSeconds(1));
            assertThat(changed).as("manifest event within a second of the change").isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            assertThat(changed.data()).isNotEqualTo(hello.data()).contains("contentHash");

            web.get("/screens/" + id);
            assertThat(web.postForm("/screens/" + id + "/screenshot", Map.of()).statusCode()).isEqualTo(302);
            var shot = events.next("screenshot", Duration.ofSeconds(2));
            assertThat(shot).isNotNull();
            String requestId = JSON.readTree(shot.data()).get("requestId").asText();
            var up = player.send(player.request("/api/v1/player/screenshots").header("Content-Type", "image/png")
                    .header("X-Screenshot-Request", requestId).POST(HttpRequest.BodyPublishers.ofByteArray(png(64, 32)))
                    .build());
            assertThat(up.statusCode()).isEqualTo(201);
            assertThat(new Screenshots(admin.services().jdbi, admin.services().clock, admin.dataDir()).pending(id))
                    .isFalse();
        }
    }
}
