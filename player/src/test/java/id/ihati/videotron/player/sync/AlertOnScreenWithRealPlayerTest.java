package id.ihati.videotron.player.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.testing.Eventually;
import id.ihati.videotron.player.ApprovedMedia;
import id.ihati.videotron.player.ChildPlayer;
import id.ihati.videotron.player.Main;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.player.playback.Fx;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 part 4 measured at the display: the real player process ({@link Main} in a child JVM on the test's X
 * display) against the real admin server through a relay that makes one large file of the new plan crawl in. An
 * alert on a file the player has is on the screen (read from the X server with ffmpeg's x11grab) within a second
 * of publishing, while that file is still downloading. The server is the shared {@code TestAdmin}; the player is
 * a process of its own ({@code ChildPlayer}), drawing on the test's display.
 */
class AlertOnScreenWithRealPlayerTest {
    private static final Path OUT = Path.of("target", "e2e");

    @TempDir
    Path data;

    private TestAdmin admin;
    private NetworkCut network;
    private Process player;

    @AfterEach
    void tearDown() throws Exception {
        if (player != null) {
            player.destroy();
            if (!player.waitFor(10, TimeUnit.SECONDS)) {
                player.destroyForcibly().waitFor();
            }
        }
        if (network != null) {
            network.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void anAlertOnACachedFileIsOnTheScreenWithinASecondWhileALargeFileIsStillDownloading() throws Exception {
        Fx.requireDisplay();
        Files.createDirectories(OUT);
        admin = TestAdmin.h2();
        String screenId = "siaga-layar";
        TestScreens.create(admin, new ScreenProfile(screenId, "Videotron Siaga",
                new Location("Simpang Tiga, Cilegon", -6.0025, 106.0111), ScreenProfile.DEFAULT_ZONE,
                new Resolution(960, 480), 12, 3, ScreenProfile.alwaysOn(), Map.of(), FitMode.CONTAIN, false,
                Set.of(), new OutputArea(0, 0, 960, 480)));
        var s = admin.services();
        User editor = s.users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        User adminUser = s.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        MediaItem info = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "city-info.png", "Jadwal CFD", "Pemkot",
                Category.HEALTH, 3);
        MediaItem magenta = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "pb-magenta.png", "Peringatan", "BPBD",
                Category.HEALTH, 3);
        MediaItem large = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "health-with-audio.mp4", "Cegah DBD", "Dinkes",
                Category.HEALTH, 3);
        s.scheduling.setFiller(adminUser, new Filler(List.of(info.id(), magenta.id())), s.scheduling.latestNumber(),
                "uji siaga");

        Files.writeString(data.resolve("device-token"), TestScreens.pair(admin, screenId));
        Files.setPosixFilePermissions(data.resolve("device-token"), PosixFilePermissions.fromString("rw-------"));
        network = new NetworkCut(admin.port());
        player = startPlayer(OUT.resolve("player-alert.log"));
        await(() -> Files.exists(data.resolve("media/" + magenta.file().sha256()))
                && Files.exists(data.resolve("media/" + info.file().sha256())), "both pictures cached",
                Duration.ofSeconds(30));
        await(() -> isMagenta(grab()), "the magenta picture on screen in its turn", Duration.ofSeconds(30));

        // The new plan: the info picture and a video that crawls in at 4 KB/s (80 KB: about 20 s).
        network.throttle("GET /api/v1/media/" + large.file().sha256(), 4_000);
        s.scheduling.setFiller(adminUser, new Filler(List.of(info.id(), large.id())), s.scheduling.latestNumber(),
                "uji siaga");
        Path part = data.resolve("media/partial/" + large.file().sha256() + ".part");
        await(() -> Files.exists(part), "the large file downloading", Duration.ofSeconds(20));
        // The new plan plays its cached picture meanwhile; magenta is no longer in it.
        await(() -> !isMagenta(grab()), "the new plan on screen", Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            assertThat(isMagenta(grab())).as("only the new plan's picture plays").isFalse();
        }

        long published = System.nanoTime();
        s.scheduling.raiseAlert(editor, new Alert("al-siaga", "Banjir di Jl. Sudirman", magenta.id(),
                Targets.screens(screenId), s.clock.instant(), null, 1));
        await(() -> isMagenta(grab()), "the alert on screen", Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - published);
        System.out.println("alert on screen " + took.toMillis() + " ms after publishing (one x11grab included)");

        // The behaviour: the alert is on screen long before the throttled file (~20 s) could have arrived. The 1 s
        // target is a figure, printed above and written in docs/player-benchmarks.md, not a timed assertion.
        assertThat(took).as("publish to picture, one screen grab included").isLessThan(Duration.ofSeconds(5));
        assertThat(Files.exists(data.resolve("media/" + large.file().sha256())))
                .as("the large file was still downloading").isFalse();
        Files.write(OUT.resolve("alert-on-screen.png"), lastGrab);
    }

    private byte[] lastGrab;

    private Process startPlayer(Path log) throws IOException {
        return ChildPlayer.start(network.uri().toString(), data, log);
    }

    /** One frame of what the X server shows. */
    private BufferedImage grab() {
        lastGrab = ChildPlayer.grabPng(960, 480);
        try {
            return ImageIO.read(new ByteArrayInputStream(lastGrab));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isMagenta(BufferedImage picture) {
        if (picture == null) {
            return false;
        }
        int rgb = picture.getRGB(picture.getWidth() / 2, picture.getHeight() / 2);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 200 && g < 60 && b > 200;
    }

    /** {@link Eventually#await}, failing at once if the player process ends meanwhile. */
    private void await(BooleanSupplier condition, String what, Duration timeout) {
        Eventually.await(() -> {
            if (!player.isAlive()) {
                throw new AssertionError("the player process ended while waiting for: " + what);
            }
            return condition.getAsBoolean();
        }, what, timeout);
    }
}
