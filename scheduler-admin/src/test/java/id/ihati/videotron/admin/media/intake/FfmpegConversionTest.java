package id.ihati.videotron.admin.media.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real clips as phones and editors write them, converted with the real ffmpeg; the outputs are checked with
 * ffprobe against what JavaFX 21 plays on every player PC.
 */
class FfmpegConversionTest {
    static final List<Panel> WIDE_SCREEN = List.of(new Panel("Simpang Tiga", new Resolution(960, 480), FitMode.CONTAIN));
    final Ffmpeg ffmpeg = Ffmpeg.onPath();
    @TempDir
    Path dir;

    static List<Clips.Kind> inputs() {
        return Clips.phoneAndEditorOutputs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyCommonInputBecomesH264High8BitConstantRateAacStereo48kWithMoovFirst(Clips.Kind kind) {
        Path in = Clips.make(dir, kind, 1.5);
        Probe probe = ffmpeg.probe(in).orElseThrow();
        IntakePlan plan = IntakePlanner.decide(probe, WIDE_SCREEN);
        assertThat(plan).isInstanceOf(IntakePlan.Convert.class);
        var convert = (IntakePlan.Convert) plan;
        var percents = new ArrayList<Integer>();
        Path out = dir.resolve("out.mp4");
        ffmpeg.convert(in, out, convert, percents::add);

        JsonNode p = Clips.probe(out);
        JsonNode v = Clips.stream(p, "video");
        assertThat(v.path("codec_name").asText()).isEqualTo("h264");
        assertThat(v.path("profile").asText()).isEqualTo("High");
        assertThat(v.path("level").asInt()).isLessThanOrEqualTo(40);
        assertThat(v.path("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(v.path("r_frame_rate").asText()).isEqualTo(v.path("avg_frame_rate").asText())
                .isIn("25/1", "30/1");
        assertThat(v.path("width").asInt() % 2).isZero();
        assertThat(v.path("height").asInt() % 2).isZero();
        assertThat(v.path("side_data_list").isMissingNode()).as("no rotation left").isTrue();
        JsonNode a = Clips.stream(p, "audio");
        if (convert.audio()) {
            assertThat(a.path("codec_name").asText()).isEqualTo("aac");
            assertThat(a.path("channels").asInt()).isEqualTo(2);
            assertThat(a.path("sample_rate").asInt()).isEqualTo(48000);
        } else {
            assertThat(a).isNull();
        }
        assertThat(p.path("format").path("duration").asDouble()).isBetween(1.2, 1.8);
        assertThat(Clips.boxOffset(out, "moov")).isLessThan(Clips.boxOffset(out, "mdat"));
        assertThat(IntakePlanner.decide(ffmpeg.probe(out).orElseThrow(), WIDE_SCREEN))
                .as("the output needs no further conversion").isEqualTo(new IntakePlan.PlaysAsIs());
        assertThat(percents).isNotEmpty().allMatch(x -> x >= 0 && x <= 99);
    }

    @Test
    void aPortraitPhoneClipStoredLandscapeWithRotationComesOutUprightWithoutRotation() {
        Path in = Clips.portrait(dir);
        Probe probe = ffmpeg.probe(in).orElseThrow();
        assertThat(probe.video().displaySize()).isEqualTo(new Resolution(180, 320));
        var plan = (IntakePlan.Convert) IntakePlanner.decide(probe, WIDE_SCREEN);
        assertThat(plan.reasons()).contains(IntakePlan.Reason.ROTATION);
        Path out = dir.resolve("upright.mp4");
        ffmpeg.convert(in, out, plan, x -> { });
        JsonNode v = Clips.stream(Clips.probe(out), "video");
        assertThat(v.path("width").asInt()).isEqualTo(180);
        assertThat(v.path("height").asInt()).isEqualTo(320);
        assertThat(ffmpeg.probe(out).orElseThrow().video().rotation()).isZero();
    }

    @Test
    void aQuietAndALoudClipEndAtTheSameEbuR128Loudness() {
        var loudness = new ArrayList<Double>();
        for (int db : new int[] {-35, -3}) {
            Path in = Clips.tone(dir, "tone" + db + ".mkv", db, 4);
            var plan = (IntakePlan.Convert) IntakePlanner.decide(ffmpeg.probe(in).orElseThrow(), WIDE_SCREEN);
            Path out = dir.resolve("tone" + db + ".mp4");
            ffmpeg.convert(in, out, plan, x -> { });
            loudness.add(Clips.integratedLoudness(out));
        }
        assertThat(loudness).allSatisfy(l -> assertThat(l).isBetween(Ffmpeg.TARGET_LUFS - 1.5, Ffmpeg.TARGET_LUFS + 1.5));
    }

    @Test
    void aFourKClipIsScaledToWhatTheLargestScreenShows() {
        var plan = new IntakePlan.Convert(List.of(IntakePlan.Reason.SIZE), IntakePlanner.targetSize(
                new Resolution(3840, 2160), WIDE_SCREEN), 30, false, 1000);
        assertThat(plan.size()).isEqualTo(new Resolution(852, 480));
    }

    @Test
    void posterAndStripAreSmallJpegsOfTheClip() throws Exception {
        Path in = Clips.make(dir, Clips.phoneAndEditorOutputs().get(0), 1.5);
        Path poster = dir.resolve("poster.jpg");
        Path strip = dir.resolve("strip.jpg");
        ffmpeg.poster(in, poster, 1500);
        ffmpeg.strip(in, strip, 1500);
        BufferedImage p = ImageIO.read(poster.toFile());
        BufferedImage s = ImageIO.read(strip.toFile());
        assertThat(p.getWidth()).isEqualTo(320);
        assertThat(p.getHeight()).isEqualTo(180);
        assertThat(s.getHeight()).isEqualTo(120);
        assertThat(s.getWidth()).isEqualTo(5 * 214);
    }

    @Test
    void aFileThatIsNotMediaHasNoProbe() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        java.nio.file.Files.writeString(junk, "bukan video");
        assertThat(ffmpeg.probe(junk)).isEmpty();
    }
}
