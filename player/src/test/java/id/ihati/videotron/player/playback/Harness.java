package id.ihati.videotron.player.playback;

import id.ihati.videotron.admin.testing.Eventually;
import id.ihati.videotron.player.playback.display.DisplayPower;
import id.ihati.videotron.player.playback.display.Placement;
import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javax.imageio.ImageIO;

/**
 * A real player window at the desktop's top-left 320×160 pixels with an engine, the outcomes it reported, and a
 * sampler that reads the window's centre pixel from the X server at every JavaFX pulse.
 */
final class Harness implements AutoCloseable {
    static final int W = 320;
    static final int H = 160;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final TestMedia.Content content;
    final List<PlayOutcome> outcomes = new CopyOnWriteArrayList<>();
    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "test-playback");
        t.setDaemon(true);
        return t;
    });
    final PlayerWindow window;
    final PlaybackEngine engine;
    /** The display-power commands playback gave (recorded, not run: Xvfb has no DPMS). */
    final List<List<String>> powerCommands = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private AnimationTimer sampler;

    /** One look at the screen: when (System.nanoTime) and the centre pixel's colour. */
    record Sample(long nanos, Color color) {
    }

    /** What the engine is told plays when; tests set it once the window is up, so slots start on time. */
    volatile Schedule schedule = Schedule.fixed(List.of());

    Harness(TestMedia.Content content) {
        this(content, Clock.systemUTC(), PlaybackEngine.Options.defaults());
    }

    Harness(TestMedia.Content content, Clock clock, PlaybackEngine.Options options) {
        Fx.start();
        this.content = content;
        window = Fx.call(() -> PlayerWindow.open(Placement.area(new OutputArea(0, 0, W, H))));
        engine = new PlaybackEngine(content, (m, from, to) -> schedule.plays(m, from, to), window, outcomes::add,
                new DisplayPower(executor, true, powerCommands::add), clock, executor, options);
    }

    /** Plays these from now on and starts the engine. */
    void play(List<PlannedPlay> plays) {
        schedule = Schedule.fixed(plays);
        engine.start();
    }

    /** The outcomes reported for plays of {@code mediaId}. */
    List<PlayOutcome> outcomesOf(String mediaId) {
        return outcomes.stream().filter(o -> o.planned().mediaId().equals(mediaId)).toList();
    }

    /** The kind of picture at the window's centre now (see {@link Colours#kind}). */
    char centre() {
        return Colours.kind(pixel(W / 2, H / 2));
    }

    void startSampling() {
        Fx.run(() -> {
            var robot = new Robot();
            sampler = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    samples.add(new Sample(System.nanoTime(), robot.getPixelColor(W / 2.0, H / 2.0)));
                }
            };
            sampler.start();
        });
    }

    /** The samples taken so far, while sampling goes on. */
    List<Sample> samplesSoFar() {
        return Fx.call(() -> List.copyOf(samples));
    }

    List<Sample> stopSampling() {
        return Fx.call(() -> {
            sampler.stop();
            return List.copyOf(samples);
        });
    }

    /** True once the X server shows something bright in the window (drawn text: a code, a status line). */
    boolean showsBrightPixels() {
        var img = Fx.call(() -> new Robot().getScreenCapture(null, 0, 0, W, H));
        var reader = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y += 2) {
            for (int x = 0; x < (int) img.getWidth(); x += 2) {
                if (reader.getColor(x, y).getBrightness() > 0.9) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The colour of a pixel of the window as the X server has it. */
    Color pixel(int x, int y) {
        return Fx.call(() -> new Robot().getPixelColor(x, y));
    }

    /** Saves what the X server shows in the window's rectangle to target/screenshots/{name}.png. */
    Path screenshot(String name) {
        var img = Fx.call(() -> new Robot().getScreenCapture(null, 0, 0, W, H));
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            ImageIO.write(b, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared {@link Eventually#await}, in the argument order these tests read best. */
    static void waitUntil(Duration timeout, BooleanSupplier condition) {
        Eventually.await(condition, "a condition of the playback test", timeout);
    }

    @Override
    public void close() {
        engine.stop();
        Fx.run(() -> {
            if (sampler != null) {
                sampler.stop();
            }
            window.stage().close();
        });
        executor.shutdownNow();
    }
}
