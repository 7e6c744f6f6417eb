package id.ihati.videotron.player.sync;

import static id.ihati.videotron.admin.testing.Eventually.await;
import id.ihati.videotron.player.playback.ContentSource;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.player.ApprovedMedia;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 4 against the real admin server (H2, random port) through a relay that makes one file slow: an
 * alert on a file the player has takes over within a second although a large file of the new plan is still
 * downloading, and a file that keeps failing holds back nothing else.
 */
class AlertsAtOnceWithAdminServerTest extends WithAdminServer {
    private SyncAgent onlinePlayer(String screenId) throws Exception {
        return onlinePlayer(screenId, null);
    }

    /** A paired player online through the relay; {@code slowFile}, if given, crawls in at 4 KB/s from the start. */
    private SyncAgent onlinePlayer(String screenId, MediaItem slowFile) throws Exception {
        pairedBefore(screenId);
        network = new NetworkCut(admin.port());
        if (slowFile != null) {
            // 80 KB: about 20 s for its first file.
            network.throttle("GET /api/v1/media/" + slowFile.file().sha256(), 4_000);
        }
        // Polling every 10 minutes: the plan changes reach the player over the event stream.
        agent = new SyncAgent(SyncSettings.of(network.uri(), data, 100_000_000, "0.1.0-test", "uji-pc")
                .withTimings(new SyncSettings.Timings(Duration.ofSeconds(5), Duration.ofSeconds(1),
                        Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMillis(200),
                        Duration.ofSeconds(1), 50)), http, scheduler, Clock.systemUTC());
        agent.start();
        await(() -> agent.contentSource().manifest().isPresent() && agent.eventStreamConnected(), "online");
        return agent;
    }

    private static MediaItem importMedia(String file, String title) {
        return ApprovedMedia.add(admin, Role.HEALTH_EDITOR, file, title, "Dinkes", Category.HEALTH, 15);
    }

    private static void setFiller(MediaItem... items) {
        var services = admin.services();
        User adminUser = services.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        services.scheduling.setFiller(adminUser, new Filler(Arrays.stream(items).map(MediaItem::id).toList()),
                services.scheduling.latestNumber(), "uji siaga");
    }

    private static boolean plays(ContentSource content, String mediaId) {
        return content.manifest().map(m -> m.media().stream().anyMatch(x -> x.id().equals(mediaId))).orElse(false);
    }

    /** What the resolver makes the player show now from the plan it is handed. */
    private static String showingNow(ContentSource content) {
        Manifest m = content.manifest().orElseThrow();
        Instant now = Instant.now();
        List<PlannedPlay> at = new TimelineResolver().resolve(m, now, now.plusMillis(1)).plays();
        return at.isEmpty() ? "" : at.get(0).mediaId();
    }

    @Test
    void anAlertOnACachedFileTakesOverWithinASecondWhileALargeFileOfTheNewPlanIsStillDownloading()
            throws Exception {
        String screen = newScreen("siaga");
        MediaItem poster = importMedia("health-poster.jpg", "Imunisasi");
        MediaItem large = importMedia("health-with-audio.mp4", "Cegah DBD");
        setFiller(poster);   // other tests may have left the large file in the filler
        SyncAgent sync = onlinePlayer(screen, large);
        ContentSource content = sync.contentSource();
        await(() -> plays(content, poster.id()), "the poster cached and playing");

        // The video (80 KB, and its video-only copy) crawls in.
        setFiller(poster, large);
        Path part = data.resolve("media/partial/" + large.file().sha256() + ".part");
        await(() -> Files.exists(part) && sizeOf(part) > 0, "the large file downloading");
        assertThat(plays(content, large.id())).as("the video is not played before its file is there").isFalse();
        assertThat(plays(content, poster.id())).as("the new plan's cached items play meanwhile").isTrue();

        User health = admin.services().users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        long published = System.nanoTime();
        admin.services().scheduling.raiseAlert(health, new Alert("al-" + screen, "Banjir di Jl. Sudirman",
                poster.id(), Targets.screens(screen), admin.services().clock.instant(), null, 1));
        await(() -> content.manifest().map(m -> m.alerts().stream().anyMatch(a -> a.id().equals("al-" + screen)))
                .orElse(false), "the alert in the player's plan", Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - published);

        System.out.println("alert in the player's plan " + took.toMillis() + " ms after publishing");
        // Long before the throttled file (~20 s) could have arrived; the 1 s target is a figure in the docs.
        assertThat(took).as("from publishing to the alert in the plan playback reads").isLessThan(Duration.ofSeconds(5));
        assertThat(showingNow(content)).as("the alert's media is what the screen shows now").isEqualTo(poster.id());
        assertThat(resolvedCategoryNow(content)).isEqualTo(Category.ALERT);
        assertThat(Files.exists(data.resolve("media/" + large.file().sha256())))
                .as("the large file was still downloading when the alert took over").isFalse();
        assertThat(sync.status()).isEqualTo(SyncAgent.Status.DOWNLOADING);

        // The video joins when its files are in.
        await(() -> plays(content, large.id()), "the video joins once downloaded", Duration.ofSeconds(60));
        assertThat(content.fallback()).isEmpty();
    }

    @Test
    void anAlertsOwnMediaAreFetchedAtOnceBesideALargeDownloadThatIsStillRunning() throws Exception {
        String screen = newScreen("siaga-baru");
        MediaItem poster = importMedia("health-poster.jpg", "Imunisasi");
        MediaItem large = importMedia("health-with-audio.mp4", "Cegah DBD");
        MediaItem warning = importMedia("pb-blue.mp4", "Peringatan banjir");
        setFiller(poster);   // other tests may have left the large file in the filler
        SyncAgent sync = onlinePlayer(screen, large);
        ContentSource content = sync.contentSource();
        await(() -> plays(content, poster.id()), "the poster cached and playing");
        setFiller(poster, large);
        Path part = data.resolve("media/partial/" + large.file().sha256() + ".part");
        await(() -> Files.exists(part) && sizeOf(part) > 0, "the large file downloading");

        User health = admin.services().users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        long published = System.nanoTime();
        admin.services().scheduling.raiseAlert(health, new Alert("al-" + screen, "Banjir", warning.id(),
                Targets.screens(screen), admin.services().clock.instant(), null, 1));
        await(() -> plays(content, warning.id()), "the alert's new media downloaded and playing",
                Duration.ofSeconds(5));
        System.out.println("alert with a new file live " + Duration.ofNanos(System.nanoTime() - published).toMillis()
                + " ms after publishing");

        assertThat(showingNow(content)).isEqualTo(warning.id());
        assertThat(Files.exists(data.resolve("media/" + large.file().sha256())))
                .as("the large download was not waited for").isFalse();
    }

    @Test
    void aFileThatKeepsFailingHoldsBackNothingElse() throws Exception {
        String screen = newScreen("rusak");
        MediaItem first = importMedia("city-info.png", "Info kota");
        MediaItem damaged = importMedia("pb-wide.png", "Rusak di server");
        MediaItem later = importMedia("pb-magenta.png", "Sesudahnya");
        // The server's copy is damaged: every download of it fails its SHA-256 check.
        Path stored = ((MediaLibrary) admin.services().media).file(damaged.file().sha256()).orElseThrow();
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(stored, bytes);
        SyncAgent sync = onlinePlayer(screen);
        ContentSource content = sync.contentSource();

        setFiller(damaged, first, later);
        await(() -> plays(content, first.id()) && plays(content, later.id()), "the good files playing",
                Duration.ofSeconds(10));
        assertThat(plays(content, damaged.id())).isFalse();
        assertThat(sync.status()).isEqualTo(SyncAgent.Status.DOWNLOADING);
        assertThat(sync.contentSource().manifest().orElseThrow().filler().items()).contains(damaged.id());
        // Its slots are filled by the others: nothing planned needs the missing file.
        Instant now = Instant.now();
        List<PlannedPlay> loop = new TimelineResolver().resolve(content.manifest().orElseThrow(), now,
                now.plusSeconds(120)).plays();
        assertThat(loop).isNotEmpty().noneMatch(p -> p.mediaId().equals(damaged.id()));
        assertThat(Files.exists(data.resolve("media/" + damaged.file().sha256()))).isFalse();
    }

    private static Category resolvedCategoryNow(ContentSource content) {
        Instant now = Instant.now();
        return new TimelineResolver().resolve(content.manifest().orElseThrow(), now, now.plusMillis(1)).plays()
                .get(0).category();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
