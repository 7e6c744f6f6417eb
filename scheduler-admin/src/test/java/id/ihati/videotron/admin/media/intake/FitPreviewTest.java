package id.ihati.videotron.admin.media.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How content of one shape looks on each panel, and when that is worth a warning. */
class FitPreviewTest {

    @ParameterizedTest(name = "{0}x{1} on {2}x{3} {4} → covers {5} %, cropped {6} %, warn small {7}, warn crop {8}")
    @CsvSource(textBlock = """
            1920, 1080, 960, 480, CONTAIN, 89,  0,  false, false
            1080, 1920, 960, 480, CONTAIN, 28,  0,  true,  false
            1080, 1920, 960, 480, COVER,   100, 72, false, true
            1920, 1080, 960, 480, COVER,   100, 11, false, false
            4,    3,    960, 480, CONTAIN, 67,  0,  false, false
            4,    3,    960, 480, COVER,   100, 33, false, true
            1,    1,    960, 480, CONTAIN, 50,  0,  true,  false
            960,  480,  960, 480, CONTAIN, 100, 0,  false, false
            960,  480,  960, 480, COVER,   100, 0,  false, false
            1080, 1920, 960, 480, STRETCH, 100, 0,  false, false
            1080, 1920, 576, 864, CONTAIN, 84,  0,  false, false
            """)
    void coverageCropAndWarnings(int w, int h, int pw, int ph, FitMode fit, int coverage, int cropped,
                                 boolean warnSmall, boolean warnCrop) {
        var look = FitPreview.of(new Resolution(w, h), new Panel("layar", new Resolution(pw, ph), fit));
        assertThat(look.coveragePercent()).isEqualTo(coverage);
        assertThat(look.croppedPercent()).isEqualTo(cropped);
        assertThat(look.warnSmall()).isEqualTo(warnSmall);
        assertThat(look.warnCropped()).isEqualTo(warnCrop);
    }

    @ParameterizedTest
    @CsvSource({"1080, 1920, CONTAIN, 34.1797, 0, 31.6406, 100", "1920, 1080, COVER, 0, -0, 100, 100"})
    void theBoxSaysWhereThePictureLies(int w, int h, FitMode fit, double left, double top, double width, double height) {
        var box = FitPreview.of(new Resolution(w, h), new Panel("layar", new Resolution(960, 540), fit)).box();
        assertThat(box.left()).isCloseTo(left, org.assertj.core.data.Offset.offset(0.01));
        assertThat(box.width()).isCloseTo(width, org.assertj.core.data.Offset.offset(0.01));
        assertThat(box.height()).isCloseTo(height, org.assertj.core.data.Offset.offset(0.01));
        assertThat(box.top()).isCloseTo(top, org.assertj.core.data.Offset.offset(0.01));
    }
}
