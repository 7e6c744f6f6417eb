package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInspectorTest {
    final MediaInspector inspector = new MediaInspector();
    @TempDir
    Path tmp;

    @Test
    void h264WithAacIsAVideoWithSoundAndItsFacts() {
        MediaFacts f = inspector.inspect(TestMedia.file("health-with-audio.mp4"));
        assertThat(f.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(f.contentType()).isEqualTo("video/mp4");
        assertThat(f.videoCodec()).isEqualTo("avc1");
        assertThat(f.pixels()).isEqualTo(new Resolution(320, 160));
        assertThat(f.hasAudio()).isTrue();
        assertThat(f.durationMillis()).isBetween(2900L, 3100L);
    }

    @Test
    void h264WithoutSoundHasNoAudio() {
        MediaFacts f = inspector.inspect(TestMedia.file("city-video-only.mp4"));
        assertThat(f.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(f.hasAudio()).isFalse();
        assertThat(f.durationMillis()).isBetween(2900L, 3100L);
    }

    @Test
    void imagesAreRecognisedByTheirBytesEvenUnderAVideoName() throws IOException {
        Path disguised = Files.copy(TestMedia.file("city-info.png"), tmp.resolve("not-a-video.mp4"));
        MediaFacts f = inspector.inspect(disguised);
        assertThat(f.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(f.contentType()).isEqualTo("image/png");
        assertThat(f.pixels()).isEqualTo(new Resolution(480, 240));
        assertThat(inspector.inspect(TestMedia.file("health-poster.jpg")).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void vp9InWebmIsRefusedWithWhatToDo() {
        assertRefused(TestMedia.file("vp9-unplayable.webm"), "WebM", "H.264", "HandBrake");
    }

    @Test
    void mpeg4Part2InAnMp4ContainerIsRefusedNamingTheCodec() {
        assertRefused(TestMedia.file("mpeg4-part2-unplayable.mp4"), "MPEG-4 Part 2", "H.264");
    }

    @Test
    void aCutOffMp4IsRefusedAsIncomplete() {
        assertRefused(TestMedia.file("corrupt-truncated.mp4"), "incomplete");
    }

    @Test
    void aTruncatedPngIsRefusedAsDamaged() throws IOException {
        byte[] png = TestMedia.bytes("city-info.png");
        Path cut = tmp.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(png, png.length / 2));
        assertRefused(cut, "damaged");
    }

    @Test
    void anImageLargerThanTheLimitIsRefusedBeforeItIsDecoded() throws IOException {
        Path big = tmp.resolve("big.png");
        ImageIO.write(new BufferedImage(5000, 100, BufferedImage.TYPE_BYTE_BINARY), "png", big.toFile());
        assertRefused(big, "5000×100", "4096");
    }

    @Test
    void textGifAndUnknownBytesAreRefused() throws IOException {
        Path text = Files.writeString(tmp.resolve("video.mp4"), "<html>not a video</html>");
        assertRefused(text, "Unknown file type", "MP4", "PNG");
        Path gif = tmp.resolve("a.gif");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif", gif.toFile());
        assertRefused(gif, "PNG or JPEG");
    }

    private void assertRefused(Path file, String... inEnglish) {
        assertThatThrownBy(() -> inspector.inspect(file)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            Problem p = e.problems().get(0);
            assertThat(p.field()).isEqualTo("file");
            assertThat(p.messageEn()).contains(inEnglish);
            assertThat(p.message()).isNotBlank().doesNotStartWith("??").isNotEqualTo(p.messageEn());
        });
    }
}
