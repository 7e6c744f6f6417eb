package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import id.ihati.videotron.player.playback.display.Placement;
import id.ihati.videotron.playlists.schedule.OutputArea;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.paint.Color;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The kiosk window itself: where it is, how content is fitted, the other views, screenshots. */
class DisplayTest {

    /**
     * pb-wide.png is 200×50 (4:1), yellow with its left 40 px red; the window is 320×160 (2:1). CONTAIN leaves
     * black bars above and below; COVER crops the red edge away; STRETCH fills the window, red edge and all.
     */
    @ParameterizedTest
    @EnumSource(FitMode.class)
    void contentIsFittedToTheWindowByTheScreensFitMode(FitMode fit) {
        var manifest = TestMedia.manifest(TestMedia.screen(fit, true), "pb-wide", "pb-wide.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            h.play(TestMedia.plays(Instant.now(), "pb-wide", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.engine.nowPlaying().isPresent());
            Harness.waitUntil(Duration.ofSeconds(2), () -> isYellow(h.pixel(200, 80)));   // the picture is drawn
            h.screenshot("fit-" + fit);
            Color topLeft = h.pixel(5, 5);
            Color leftMiddle = h.pixel(5, 80);
            Color centre = h.pixel(200, 80);

            assertThat(isYellow(centre)).isTrue();
            switch (fit) {
                case CONTAIN -> {
                    assertThat(topLeft.getBrightness()).as("bar above the picture").isLessThan(0.1);
                    assertThat(isRed(leftMiddle)).isTrue();
                }
                case COVER -> {
                    assertThat(isYellow(topLeft)).as("picture fills the window").isTrue();
                    assertThat(isYellow(leftMiddle)).as("red edge cropped away").isTrue();
                }
                case STRETCH -> {
                    assertThat(isRed(topLeft)).as("picture fills the window, distorted").isTrue();
                    assertThat(isRed(leftMiddle)).isTrue();
                }
            }
        }
    }

    @Test
    void theWindowIsUndecoratedAlwaysOnTopWithoutCursorAtItsOutputRectangle() {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            var stage = h.window.stage();
            assertThat(Fx.call(stage::getStyle)).isEqualTo(StageStyle.UNDECORATED);
            assertThat(Fx.call(stage::isAlwaysOnTop)).isTrue();
            assertThat(Fx.call(() -> stage.getScene().getCursor())).isEqualTo(Cursor.NONE);
            h.play(TestMedia.plays(Instant.now(), "pb-magenta", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'M');
            // The X server shows the picture exactly in the rectangle: edge pixels inside, none outside.
            assertThat(Colours.kind(h.pixel(0, 0))).isEqualTo('M');
            assertThat(Colours.kind(h.pixel(Harness.W - 1, Harness.H - 1))).isEqualTo('M');
            assertThat(Colours.kind(h.pixel(Harness.W + 2, Harness.H / 2))).isNotEqualTo('M');
            assertThat(Colours.kind(h.pixel(Harness.W / 2, Harness.H + 2))).isNotEqualTo('M');
        }
    }

    @Test
    void aScreenshotIsAPngOfWhatTheWindowShowsTakenFromAnyThread() throws IOException {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-red", "pb-red.mp4");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            h.play(TestMedia.plays(Instant.now(), "pb-red", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');
            byte[] png = h.window.png();   // from the test thread, not the FX thread
            Files.createDirectories(Harness.SCREENSHOTS);
            Files.write(Harness.SCREENSHOTS.resolve("screenshot-api.png"), png);
            var image = ImageIO.read(new ByteArrayInputStream(png));

            assertThat(image.getWidth()).isEqualTo(Harness.W);
            assertThat(image.getHeight()).isEqualTo(Harness.H);
            var c = new java.awt.Color(image.getRGB(Harness.W / 2, Harness.H / 2));
            assertThat(Colours.kind(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()))).isEqualTo('R');
        }
    }

    @Test
    void thePairingCodeIsShownLargeOverEverything() {
        var manifest = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta", "pb-magenta.png");
        try (var h = new Harness(new TestMedia.Content(manifest))) {
            Fx.run(() -> h.window.showPairingCode("K7Q-4MZ", Instant.parse("2026-11-25T12:15:00Z"),
                    ZoneId.of("Asia/Jakarta")));
            Harness.waitUntil(Duration.ofSeconds(2), h::showsBrightPixels);   // the code is drawn
            var shot = h.screenshot("pairing-code");

            assertThat(Fx.call(h.window::view)).isEqualTo(PlayerWindow.View.PAIRING);
            assertThat(shot).exists();
            // The code's white strokes cross the middle of the window.
            long white = 0;
            for (int x = 0; x < Harness.W; x += 2) {
                if (h.pixel(x, Harness.H / 2).getBrightness() > 0.9) {
                    white++;
                }
            }
            assertThat(white).isGreaterThan(5);
        }
    }

    /** The sizes of real LED screens and of the demo: wide, tall, tiny and a whole monitor. */
    @ParameterizedTest
    @CsvSource({"1280,1024", "960,480", "192,960", "320,160"})
    void thePairingCodeStaysOnOneLineAndEveryLineFitsTheWindow(int width, int height) throws IOException {
        Fx.start();
        PlayerWindow window = Fx.call(() -> PlayerWindow.open(Placement.area(new OutputArea(0, 0, width, height))));
        try {
            Fx.run(() -> window.showPairingCode("KCP-NQF", Instant.parse("2026-11-25T12:15:00Z"),
                    ZoneId.of("Asia/Jakarta")));
            // A pulse has laid the scene out: the texts' places below are final.
            Harness.waitUntil(Duration.ofSeconds(2), () -> Fx.call(() -> !window.stage().getScene().getRoot()
                    .isNeedsLayout()));
            Files.createDirectories(Harness.SCREENSHOTS);
            Files.write(Harness.SCREENSHOTS.resolve("pairing-" + width + "x" + height + ".png"), window.png());
            List<Text> texts = Fx.call(() -> window.stage().getScene().getRoot().lookupAll("Text").stream()
                    .filter(Node::isVisible).map(Text.class::cast).toList());
            assertThat(texts).extracting(Text::getText).contains("KCP-NQF");
            Fx.run(() -> {
                for (Text t : texts) {
                    Bounds b = t.localToScene(t.getBoundsInLocal());
                    assertThat(b.getMinX()).as("left edge of '%s'", t.getText()).isGreaterThanOrEqualTo(0);
                    assertThat(b.getMinY()).as("top edge of '%s'", t.getText()).isGreaterThanOrEqualTo(0);
                    assertThat(b.getMaxX()).as("right edge of '%s'", t.getText()).isLessThanOrEqualTo(width);
                    assertThat(b.getMaxY()).as("bottom edge of '%s'", t.getText()).isLessThanOrEqualTo(height);
                }
                for (Text t : texts) {
                    for (String word : t.getText().split("\\s+")) {
                        var probe = new Text(word);
                        probe.setFont(t.getFont());
                        assertThat(probe.getLayoutBounds().getWidth()).as("'%s' fits across, so is not broken", word)
                                .isLessThanOrEqualTo(width * 0.9);
                    }
                }
                Text code = texts.stream().filter(t -> t.getText().equals("KCP-NQF")).findFirst().orElseThrow();
                assertThat(code.getLayoutBounds().getHeight()).as("one line")
                        .isLessThan(1.5 * code.getFont().getSize());
                assertThat(code.getLayoutBounds().getWidth()).as("as wide as the window allows")
                        .isGreaterThan(0.5 * width);
            });
        } finally {
            Fx.run(() -> window.stage().close());
        }
    }

    private static boolean isYellow(Color c) {
        return c.getRed() > 0.8 && c.getGreen() > 0.8 && c.getBlue() < 0.3;
    }

    private static boolean isRed(Color c) {
        return c.getRed() > 0.8 && c.getGreen() < 0.3 && c.getBlue() < 0.3;
    }
}
