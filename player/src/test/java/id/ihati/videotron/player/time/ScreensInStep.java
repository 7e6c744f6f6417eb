package id.ihati.videotron.player.time;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.player.Main;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Issue 14 part 3, set up for real: the admin server (H2, random port), two screens with the same plan (filler:
 * a magenta picture, then red and blue clips or pictures, 3 s each), and two real player processes ({@link Main} in
 * child JVMs) side by side on the one X display, the second started under {@code faketime} with its clock
 * {@link #WRONG_BY} fast. A sampler reads the centre pixel of both windows in one grab of a one-pixel strip from
 * the X server ({@code XGetImage} through AWT's {@link Robot}; this JVM is neither player, so a stalled player
 * cannot stall it), every few milliseconds, and {@link PictureOffsets} turns the two runs into offsets.
 */
final class ScreensInStep implements AutoCloseable {
    static final Duration WRONG_BY = Duration.ofSeconds(3);
    static final int W = 320;
    static final int H = 160;

    private final Path work;
    private final TestAdmin admin;
    private final List<Process> players = new ArrayList<>();
    final Path rightLog;
    final Path wrongLog;

    /** {@code clips}: the red and blue items are video clips (else pictures of those colours). */
    ScreensInStep(Path work, boolean clips) throws IOException {
        this.work = work;
        this.rightLog = work.resolve("player-right-clock.log");
        this.wrongLog = work.resolve("player-wrong-clock.log");
        admin = TestAdmin.h2();
        var s = admin.services();
        User editor = s.users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        User adminUser = s.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        var library = s.media;
        Path media = Path.of("..", "test-media");
        if (!Files.isDirectory(media)) {
            media = Path.of("test-media");   // the benchmark runs from the repository's root
        }
        MediaItem magenta = library.importApproved(editor, media.resolve("pb-magenta.png"),
                new Metadata("Ungu", "Dinkes", Category.HEALTH, List.of(), null, null, 3));
        // Clips (pb-red.mp4, pb-blue.mp4) on an idle machine; solid pictures otherwise: on a loaded machine a clip
        // not READY within the engine's 1 s is skipped as failed, and what is measured here is the clock.
        Path red = clips ? media.resolve("pb-red.mp4") : solid(work.resolve("red.png"), 0xff0000);
        Path blue = clips ? media.resolve("pb-blue.mp4") : solid(work.resolve("blue.png"), 0x0000ff);
        MediaItem redItem = library.importApproved(editor, red,
                new Metadata("Merah", "Dinkes", Category.HEALTH, List.of(), null, null, 3));
        MediaItem blueItem = library.importApproved(editor, blue,
                new Metadata("Biru", "Dinkes", Category.HEALTH, List.of(), null, null, 3));
        s.scheduling.setFiller(adminUser, new Filler(List.of(magenta.id(), redItem.id(), blueItem.id())),
                s.scheduling.latestNumber(), "uji serempak");
        rightData = pairedDataDir("kiri", 0);
        wrongData = pairedDataDir("kanan", W);
    }

    private static Path solid(Path file, int rgb) throws IOException {
        var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private final Path rightData;
    private final Path wrongData;

    private Path pairedDataDir(String screenId, int x) throws IOException {
        TestScreens.create(admin, new ScreenProfile(screenId, "Videotron " + screenId,
                new Location("Simpang Tiga, Cilegon", -6.0025, 106.0111), ScreenProfile.DEFAULT_ZONE,
                new Resolution(W, H), 12, 3, ScreenProfile.alwaysOn(), Map.of(), FitMode.CONTAIN, false,
                Set.of(), new OutputArea(x, 0, W, H)));
        Path data = Files.createDirectories(work.resolve("data-" + screenId));
        Files.writeString(data.resolve("device-token"), TestScreens.pair(admin, screenId));
        Files.setPosixFilePermissions(data.resolve("device-token"), PosixFilePermissions.fromString("rw-------"));
        return data;
    }

    TestAdmin admin() {
        return admin;
    }

    /** Starts both players: the left one on the PC's clock, the right one under faketime, {@link #WRONG_BY} fast. */
    void startPlayers() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/faketime"))) {
            throw new IllegalStateException("this needs Debian's faketime package (bin/run-tests installs it)");
        }
        players.add(start(List.of(), rightData, rightLog));
        players.add(start(List.of("faketime", "-f", "+" + WRONG_BY.toSeconds() + "s"), wrongData, wrongLog));
    }

    private Process start(List<String> prefix, Path data, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), "-Dprism.order=sw",
                Main.class.getName(), "--server", admin.baseUrl(), "--data-dir", data.toString(),
                "--display-power", "off"));
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // GStreamer's clocks run on CLOCK_MONOTONIC: only the wall clock is to be wrong, as on a PC without NTP.
        pb.environment().put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
        return pb.start();
    }

    /** Waits until the right-hand (wrong-clock) player has measured the server's clock and both show content. */
    void awaitBothPlaying(Duration timeout) throws InterruptedException {
        await(() -> contains(wrongLog, "this PC's clock is"), "the wrong clock's warning in its log", timeout);
        var robot = robot();
        await(() -> {
            BufferedImage strip = grab(robot);
            return content(kind(strip.getRGB(W / 2, 0))) && content(kind(strip.getRGB(W + W / 2, 0)));
        }, "content on both screens", timeout);
    }

    /** Samples both windows' centres for {@code length}; returns the offsets of the wrong clock's changes. */
    PictureOffsets.Result measure(Duration length) throws InterruptedException {
        var robot = robot();
        var left = new ArrayList<PictureOffsets.Sample>();
        var right = new ArrayList<PictureOffsets.Sample>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            BufferedImage strip = grab(robot);
            long at = System.nanoTime();
            left.add(new PictureOffsets.Sample(at, kind(strip.getRGB(W / 2, 0))));
            right.add(new PictureOffsets.Sample(at, kind(strip.getRGB(W + W / 2, 0))));
            alive();
            Thread.sleep(2);
        }
        // Changes of one kind recur every ~9 s (three items of ~3 s): a 4 s window pairs a change with its own
        // partner, and a screen 3 s off finds only partners ~3 s away.
        return PictureOffsets.offsets(PictureOffsets.changes(right), PictureOffsets.changes(left), 4_000);
    }

    private static Robot robot() {
        try {
            return new Robot();
        } catch (AWTException e) {
            throw new IllegalStateException("no X display to sample", e);
        }
    }

    /** One row of pixels through the middle of both windows, read in one request so both are the same instant. */
    private static BufferedImage grab(Robot robot) {
        return robot.createScreenCapture(new Rectangle(0, H / 2, 2 * W, 1));
    }

    /** M (the magenta picture), R or B (the clips), K (black), '?' otherwise. */
    static char kind(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 180 && b > 180 && g < 80) {
            return 'M';
        }
        if (r > 180 && b < 80) {
            return 'R';
        }
        if (b > 180 && r < 80) {
            return 'B';
        }
        if (r < 25 && g < 25 && b < 25) {
            return 'K';
        }
        return '?';
    }

    private static boolean content(char kind) {
        return kind == 'M' || kind == 'R' || kind == 'B';
    }

    static boolean contains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void alive() {
        for (Process p : players) {
            if (!p.isAlive()) {
                throw new AssertionError("a player process ended (exit " + p.exitValue() + "); see " + work);
            }
        }
    }

    private void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            alive();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        var all = new ArrayList<ProcessHandle>();
        for (Process p : players) {
            p.descendants().forEach(all::add);   // faketime runs the JVM as its child
            all.add(p.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
        }
        admin.close();
    }
}
