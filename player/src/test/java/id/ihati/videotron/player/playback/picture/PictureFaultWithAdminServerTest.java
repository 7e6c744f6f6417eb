package id.ihati.videotron.player.playback.picture;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.player.Main;
import id.ihati.videotron.player.playback.Fx;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 part 6 end to end: the real player process ({@link Main}, a real JavaFX stage on the test's X display)
 * paired with the real admin server plays two clips made here with ffmpeg: one whose picture stands still from
 * 2 s to 12 s while its clock runs (frozen), one that is black from 2 s to 12 s. Each opens its incident on the
 * server's incident page ("Gambar beku", "Layar hitam"), and each closes when the clip moves again.
 */
class PictureFaultWithAdminServerTest {
    private static final Pattern ROW = Pattern.compile("(?s)data-incident-id=\"(\\d+)\".*?</tr>");

    @TempDir
    Path data;
    @TempDir
    Path clips;

    private TestAdmin admin;
    private Process player;

    @AfterEach
    void tearDown() throws Exception {
        if (player != null) {
            player.destroy();
            if (!player.waitFor(10, TimeUnit.SECONDS)) {
                player.destroyForcibly().waitFor();
            }
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void aFrozenAndABlackPictureEachShowAsAnIncidentThatClosesWhenThePictureIsBack() throws Exception {
        Fx.requireDisplay();
        // Frames 50–299 (2 s to 12 s) all replaced by frame 50: identical pictures while the clip's time runs.
        Path frozen = clip("frozen.mp4", "-filter_complex",
                "[0]split[a][b];[a][b]freezeframes=first=50:last=299:replace=50");
        Path black = clip("black.mp4", "-vf", "drawbox=c=black:t=fill:enable='between(t,2,12)'");
        admin = TestAdmin.h2();
        var screen = TestScreens.create(admin, TestScreens.profile("layar-uji"));
        var s = admin.services();
        User editor = s.users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        User adminUser = s.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        var library = s.media;
        MediaItem frozenItem = library.importApproved(editor, frozen,
                new Metadata("Klip beku", "Dinkes", Category.HEALTH, List.of(), null, null, 15));
        MediaItem blackItem = library.importApproved(editor, black,
                new Metadata("Klip hitam", "Dinkes", Category.HEALTH, List.of(), null, null, 15));
        s.scheduling.setFiller(adminUser, new Filler(List.of(frozenItem.id(), blackItem.id())),
                s.scheduling.latestNumber(), "uji gambar");
        Files.writeString(data.resolve("device-token"), TestScreens.pair(admin, screen.id()));
        Files.setPosixFilePermissions(data.resolve("device-token"), PosixFilePermissions.fromString("rw-------"));
        Path log = Files.createDirectories(Path.of("target", "e2e")).resolve("player-picture-faults.log");
        player = start(log);
        WebClient staff = admin.as(Role.ADMIN);

        // Whichever clip comes first, each fault is seen within a loop of the two (2 × 15 s).
        for (var fault : List.of("Gambar beku", "Layar hitam")) {
            String id = await(() -> openIncident(staff, fault), "an open incident '" + fault + "'",
                    Duration.ofSeconds(75), log);
            await(() -> openIncident(staff, fault) == null ? "closed" : null, "'" + fault + "' closed",
                    Duration.ofSeconds(30), log);
            String page = staff.get("/incidents/" + id).body();
            assertThat(page).as("the incident's page").contains(fault).contains("data-state=\"closed\"");
        }
        String playerLog = Files.readString(log);
        assertThat(playerLog).contains("the picture is frozen while " + frozenItem.id() + " should show; re-opening it")
                .contains("the picture is black while " + blackItem.id() + " should show; re-opening it");
    }

    /** The id of the open incident whose row names {@code what}, or null. */
    private static String openIncident(WebClient staff, String what) {
        String body = staff.get("/incidents").body();
        var m = ROW.matcher(body);
        while (m.find()) {
            if (m.group().contains(what)) {
                return m.group(1);
            }
        }
        return null;
    }

    /** A 15 s 320×160 clip of ffmpeg's moving test pattern, 25 fps, through {@code filter} ({@code -vf} or a graph). */
    private Path clip(String name, String filterOption, String filter) throws IOException, InterruptedException {
        Path out = clips.resolve(name);
        var ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x160:rate=25:duration=15", filterOption, filter, "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-g", "25", out.toString()).redirectErrorStream(true).start();
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor()).as("ffmpeg: " + output).isZero();
        return out;
    }

    private Process start(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "-Dprism.order=sw",
                Main.class.getName(), "--server", admin.baseUrl(), "--data-dir", data.toString(),
                "--display-power", "off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private <T> T await(Supplier<T> probe, String what, Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (T value = probe.get(); ; value = probe.get()) {
            if (value != null) {
                return value;
            }
            if (!player.isAlive()) {
                throw new AssertionError("the player ended while waiting for " + what + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; player log in " + log);
            }
            Thread.sleep(200);
        }
    }
}
