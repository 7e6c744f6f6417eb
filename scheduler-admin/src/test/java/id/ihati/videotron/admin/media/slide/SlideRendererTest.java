package id.ihati.videotron.admin.media.slide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlideRendererTest {
    static final String QR = "https://wa.me/6281234567890?text=Puskesmas%20Citangkil";
    static final Slide DBD = Slide.parse("Cegah DBD dengan 3M Plus",
            "Menguras, menutup dan mendaur ulang barang bekas. Pemberantasan sarang nyamuk setiap minggu!",
            "#1b5e20", "#ffffff", QR);
    final SlideRenderer renderer = new SlideRenderer();

    @ParameterizedTest
    @CsvSource({"960,480", "384,192", "1920,1080", "576,864"})
    void pngHasTheScreensSizeAndTheQrCodeDecodesToTheLink(int w, int h) throws Exception {
        byte[] png = renderer.png(DBD, new Resolution(w, h));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        save("qr-" + w + "x" + h, png);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img)));
        String text = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        assertThat(text).isEqualTo(QR);
    }

    @ParameterizedTest
    @CsvSource({"960,480", "384,192", "128,64"})
    void textStaysInsideItsAreaAndNeverOverlapsTheQrCode(int w, int h) {
        var layout = renderer.layout(DBD, new Resolution(w, h));
        Rectangle frame = new Rectangle(0, 0, w, h);
        assertThat(layout.lines()).isNotEmpty();
        for (var line : layout.lines()) {
            assertThat(layout.textArea().contains(line.box())).as(line.toString()).isTrue();
            assertThat(frame.contains(line.box())).isTrue();
            if (layout.qrBox() != null) {
                assertThat(line.box().intersects(layout.qrBox())).isFalse();
            }
        }
    }

    @Test
    void theMarginsStayBackgroundColouredSoNoGlyphTouchesTheEdge() {
        Slide long1 = Slide.parse("Imunisasi lengkap untuk anak Indonesia",
                "Pemberitahuan: Penyelenggaraanimunisasikejarandiseluruhkelurahan dimulai Senin depan. "
                        + "Bawa buku KIA ke Posyandu terdekat.", "#0d47a1", "#ffffff", null);
        for (Resolution r : new Resolution[] {new Resolution(384, 192), new Resolution(960, 480)}) {
            BufferedImage img = renderer.render(long1, r);
            int bg = img.getRGB(0, 0);
            int band = Math.max(1, (int) Math.round(Math.min(r.width(), r.height()) * 0.06) / 2);
            for (int x = 0; x < r.width(); x++) {
                for (int y = 0; y < r.height(); y++) {
                    boolean edge = x < band || y < band || x >= r.width() - band || y >= r.height() - band;
                    if (edge) {
                        assertThat(img.getRGB(x, y)).as("pixel %d,%d at %s", x, y, r).isEqualTo(bg);
                    }
                }
            }
            // and something was drawn
            assertThat(countNot(img, bg)).isGreaterThan(r.width() * r.height() / 50);
        }
    }

    @Test
    void aLongIndonesianWordIsBrokenRatherThanCutOff() {
        Slide s = Slide.parse("Ketidakbertanggungjawaban", "Mempertanggungjawabkannya", "#ffffff", "#111111", null);
        var layout = renderer.layout(s, new Resolution(128, 64));
        String joined = layout.lines().stream().map(SlideRenderer.Line::text).reduce("", String::concat);
        assertThat(joined).isEqualTo("KetidakbertanggungjawabanMempertanggungjawabkannya");
        assertThat(layout.cut()).isFalse();
    }

    @Test
    void theSmallScreenGetsLargerTextThanItWouldByScalingDown() {
        var small = renderer.layout(DBD, new Resolution(384, 192));
        var big = renderer.layout(DBD, new Resolution(960, 480));
        // Laid out for its own pixels: the ratio of font sizes follows the screens, not a fixed design.
        assertThat(small.bodyPx()).isGreaterThanOrEqualTo(SlideRenderer.MIN_FONT_PX);
        assertThat(big.bodyPx()).isGreaterThan(small.bodyPx() * 2);
    }

    @Test
    void tooMuchTextForATinyScreenEndsWithAnEllipsisInsideTheFrame() {
        Slide s = Slide.parse("Info", "kata ".repeat(79).strip(), "#000000", "#ffeb3b", null);
        var layout = renderer.layout(s, new Resolution(64, 32));
        assertThat(layout.cut()).isTrue();
        assertThat(layout.lines().get(layout.lines().size() - 1).text()).endsWith("…");
        layout.lines().forEach(l -> assertThat(layout.textArea().contains(l.box())).isTrue());
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(renderer.png(DBD, new Resolution(384, 192))).isEqualTo(renderer.png(DBD, new Resolution(384, 192)));
    }

    @Test
    void badInputIsRefusedFieldByField() {
        assertThatThrownBy(() -> Slide.parse(" ", "x".repeat(401), "green", "#777777", "javascript:alert(1)"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder("title", "text", "background", "qrUrl"));
        assertThatThrownBy(() -> Slide.parse("Judul", "", "#ffffff", "#ffff00", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("foreground");
                        assertThat(p.messageEn()).contains("contrast", "4.5");
                        assertThat(p.message()).contains("Kontras");
                    });
                });
        for (String bad : new String[] {"ftp://x.id/a", "http://", "https://user:pw@x.id/", "https://x.id/a b",
                "file:///etc/passwd", "https://x.id/" + "a".repeat(300)}) {
            assertThatThrownBy(() -> Slide.parse("Judul", "", "#ffffff", "#111111", bad)).as(bad)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(Slide.parse("Judul", "", "#FFFFFF", "#111111", " https://puskesmas.cilegon.go.id/ ").qrUrl())
                .isEqualTo("https://puskesmas.cilegon.go.id/");
    }

    private static int countNot(BufferedImage img, int rgb) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if (img.getRGB(x, y) != rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    static void save(String name, byte[] png) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("slide-" + name + ".png"), png);
    }
}
