package id.ihati.videotron.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.MediaSummary;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import id.ihati.videotron.playlists.validation.Parsed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What bin/run-demo relies on: a published schedule the local player can fetch and play at once. */
class DemoShowcaseTest {
    static TestAdmin demo;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        demo = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void seedsThreeCilegonVideotronsAndTheLocalDemoScreen() {
        assertThat(demo.services().screens.profiles()).extracting(p -> p.id())
                .containsExactlyInAnyOrder("simpang-tiga", "alun-alun", "pci-cibeber", DemoShowcase.LOCAL_SCREEN);
    }

    @Test
    void demoContentIsApprovedHealthAndCityContentWithASilentCopyOfTheVideo() {
        var catalog = demo.services().media;
        var health = catalog.approved(Category.HEALTH);
        assertThat(health).extracting(MediaSummary::title).contains("Cegah DBD dengan 3M Plus",
                "Gawat Darurat? Hubungi PSC 119", "Cuci Tangan Pakai Sabun");
        assertThat(health).as("the contributor's slide, approved by Dinkes").extracting(MediaSummary::title)
                .contains("Cegah Stunting Sejak Dini");
        assertThat(health).flatExtracting(MediaSummary::tags).contains("dbd", "imunisasi", "gizi", "stunting",
                "tbc", "psc-119");
        assertThat(catalog.approved(Category.CITY)).hasSize(3);
        var video = health.stream().filter(m -> m.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
        var item = ((MediaLibrary) catalog).find(video.id()).orElseThrow();
        assertThat(item.videoOnly()).isNotNull();
        assertThat(item.originalName()).as("shown as the uploaded file's name").isEqualTo("cuci-tangan.mp4");
        assertThat(demo.dataDir().resolve("tmp")).as("no temporary copy left behind").isEmptyDirectory();
    }

    @Test
    void leavesAnOwnerOnlyTokenWithWhichTheLocalPlayerFetchesAPlayableManifest() throws Exception {
        Path tokenFile = demo.dataDir().resolve("demo-player-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        String token = Files.readString(tokenFile).strip();

        var response = get("/api/v1/player/manifest", token);
        assertThat(response.statusCode()).isEqualTo(200);
        Manifest manifest = ((Parsed.Ok<Manifest>) ManifestCodec.read(response.body())).value();
        assertThat(manifest.bookings()).hasSize(4);
        assertThat(manifest.filler()).isNotNull();
        for (Media m : manifest.media()) {
            assertThat(get(manifest.mediaPath() + m.sha256(), token).statusCode()).as(m.title()).isEqualTo(200);
        }

        Instant now = demo.services().clock.instant();
        List<PlannedPlay> plays = new TimelineResolver().resolve(manifest, now, now.plus(Duration.ofMinutes(10))).plays();
        assertThat(plays).isNotEmpty();
        long health = plays.stream().filter(p -> p.category() == Category.HEALTH)
                .mapToLong(p -> Duration.between(p.start(), p.end()).toSeconds()).sum();
        long all = plays.stream().mapToLong(p -> Duration.between(p.start(), p.end()).toSeconds()).sum();
        assertThat(health * 100 / all).as("health share of the demo screen").isGreaterThanOrEqualTo(40);
        assertThat(plays).anyMatch(p -> p.category() == Category.CITY);

        // Beside the token, the key the local player signs its plays with; the server knows its public half.
        Path keyFile = demo.dataDir().resolve("demo-player-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(demo.services().deviceTokens.publicKey(token)).hasValue(Files.readAllLines(keyFile).get(0));
    }

    @Test
    void aMediaErrorOnTheDashboardNamesTheItemByItsTitle() {
        // Its own demo server: pairing one more screen would change the shared demo's list of screens.
        try (TestAdmin own = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true))) {
            MediaSummary video = own.services().media.approved(Category.HEALTH).stream()
                    .filter(m -> m.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
            TestPlayer player = TestScreens.player(own, TestScreens.profile("rusak-demo"));
            player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"mediaErrors\":[{\"mediaId\":\""
                    + video.id() + "\",\"error\":\"MEDIA_CORRUPTED\"}]}");
            own.services().screenWatch.check(own.services().clock.instant());

            Element incident = Jsoup.parse(TestScreens.adminClient(own).get("/").body())
                    .selectFirst("[data-incident=MEDIA_ERROR]");
            assertThat(incident).isNotNull();
            assertThat(incident.text()).contains(video.title()).doesNotContain(video.id());
        }
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(demo.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
