package id.ihati.videotron.admin.media.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.media.intake.IntakePlan.Reason;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure decision: probe + screens → plays as is, or how it is converted and why. */
class IntakePlannerTest {
    static final Panel WIDE = new Panel("wide", new Resolution(960, 480), FitMode.CONTAIN);
    static final Panel WIDE_CROP = new Panel("crop", new Resolution(960, 480), FitMode.COVER);
    static final Panel PORTRAIT = new Panel("tall", new Resolution(576, 864), FitMode.CONTAIN);

    static Probe probe(String format, String brand, String codec, String profile, String pix, int w, int h, int rot,
                       double fps, double avg, String audio) {
        return new Probe(format, brand, 10_000, new Probe.Video(codec, profile, pix, w, h, rot, fps, avg, 40),
                audio == null ? null : new Probe.Audio(audio, 2, 48000));
    }

    static Probe phone() {
        return probe("mov,mp4,m4a,3gp,3g2,mj2", "isom", "h264", "High", "yuv420p", 1920, 1080, 0, 30, 30, "aac");
    }

    @Test
    void anH264High1080p30AacMp4PlaysAsIs() {
        assertThat(IntakePlanner.decide(phone(), List.of(WIDE))).isEqualTo(new IntakePlan.PlaysAsIs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # what                | format                    | brand | codec | profile | pix           | w    | h    | rot | fps | avg   | audio | reasons
            iPhone HEVC           | mov,mp4,m4a,3gp,3g2,mj2   | qt    | hevc  | Main    | yuv420p       | 1920 | 1080 | 0   | 30  | 30    | aac   | CONTAINER VIDEO_CODEC
            VP9 WebM              | matroska,webm             | -     | vp9   | 0       | yuv420p       | 1280 | 720  | 0   | 30  | 30    | opus  | CONTAINER VIDEO_CODEC AUDIO_CODEC
            AV1                   | mov,mp4,m4a,3gp,3g2,mj2   | isom  | av1   | Main    | yuv420p       | 1280 | 720  | 0   | 30  | 30    | aac   | VIDEO_CODEC
            High 10               | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High 10 | yuv420p10le   | 1920 | 1080 | 0   | 30  | 30    | aac   | PROFILE PIXEL_FORMAT
            4:2:2                 | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High 4:2:2 | yuv422p    | 1920 | 1080 | 0   | 25  | 25    | aac   | PROFILE PIXEL_FORMAT
            60 fps                | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High    | yuv420p       | 1920 | 1080 | 0   | 60  | 60    | aac   | FRAME_RATE
            variable rate         | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High    | yuv420p       | 1280 | 720  | 0   | 30  | 24.7  | aac   | VARIABLE_FRAME_RATE
            portrait rotated      | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High    | yuv420p       | 1920 | 1080 | 90  | 30  | 30    | aac   | ROTATION
            4K                    | mov,mp4,m4a,3gp,3g2,mj2   | isom  | h264  | High    | yuv420p       | 3840 | 2160 | 0   | 30  | 30    | aac   | SIZE
            3GP MPEG-4 Part 2     | mov,mp4,m4a,3gp,3g2,mj2   | 3gp4  | mpeg4 | Simple Profile | yuv420p | 352  | 288  | 0   | 15  | 15    | amr_nb| CONTAINER VIDEO_CODEC AUDIO_CODEC
            MKV H.264             | matroska,webm             | -     | h264  | High    | yuv420p       | 1280 | 720  | 0   | 25  | 25    | -     | CONTAINER
            """)
    void whatIsConvertedAndWhy(String what, String format, String brand, String codec, String profile, String pix,
                               int w, int h, int rot, double fps, double avg, String audio, String reasons) {
        IntakePlan plan = IntakePlanner.decide(probe(format, brand, codec, profile, pix, w, h, rot, fps, avg, audio),
                List.of(WIDE));
        assertThat(plan).isInstanceOf(IntakePlan.Convert.class);
        assertThat(((IntakePlan.Convert) plan).reasons()).map(Reason::name)
                .containsExactlyInAnyOrder(reasons.split(" "));
    }

    @ParameterizedTest(name = "{0}x{1} for {2} → {3}x{4}")
    @CsvSource(textBlock = """
            1920, 1080, wide,           852, 480
            3840, 2160, wide,           852, 480
            1080, 1920, wide,           270, 480
            1080, 1920, crop,           960, 1706
            1080, 1920, wide+tall,      486, 864
            320,  180,  wide,           320, 180
            3840, 2160, none,           1920, 1080
            2160, 3840, none,           1080, 1920
            317,  179,  none,           316, 178
            """)
    void theOutputIsAsLargeAsTheMostDemandingScreenShowsItAndNeverLargerThan1080p(int w, int h, String screens,
                                                                                int ow, int oh) {
        List<Panel> panels = switch (screens) {
            case "wide" -> List.of(WIDE);
            case "crop" -> List.of(WIDE_CROP);
            case "wide+tall" -> List.of(WIDE, PORTRAIT);
            default -> List.of();
        };
        assertThat(IntakePlanner.targetSize(new Resolution(w, h), panels)).isEqualTo(new Resolution(ow, oh));
    }

    @ParameterizedTest(name = "{0} fps → {1}")
    @CsvSource({"15, 25", "23.976, 25", "25, 25", "29.97, 30", "30, 30", "50, 25", "59.94, 30", "60, 30", "120, 30"})
    void theFrameRateIsAConstant25Or30(double in, int out) {
        assertThat(IntakePlanner.targetFps(in)).isEqualTo(out);
    }

    @Test
    void aFileWithoutVideoOrLengthIsRefused() {
        assertThat(IntakePlanner.decide(new Probe("mp3", null, 3000, null, new Probe.Audio("mp3", 2, 44100)),
                List.of())).isEqualTo(new IntakePlan.Refuse("media.refuse.noVideo"));
        Probe noLength = new Probe("matroska,webm", null, 0, phone().video(), null);
        assertThat(IntakePlanner.decide(noLength, List.of())).isEqualTo(new IntakePlan.Refuse("media.refuse.corrupt"));
    }

    @Test
    void silentClipsAreConvertedWithoutAnAudioTrack() {
        Probe p = probe("matroska,webm", null, "vp9", "0", "yuv420p", 640, 360, 0, 30, 30, null);
        var plan = (IntakePlan.Convert) IntakePlanner.decide(p, List.of(WIDE));
        assertThat(plan.audio()).isFalse();
        assertThat(Set.copyOf(plan.reasons())).doesNotContain(Reason.AUDIO_CODEC);
    }
}
