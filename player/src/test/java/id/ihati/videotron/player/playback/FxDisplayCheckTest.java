package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without a usable display the playback tests fail with a reason, never skip: the reason is right. */
class FxDisplayCheckTest {
    @Test
    void noDisplayIsAReasonToFail() {
        assertThat(Fx.displayProblem(null, null)).isEqualTo("DISPLAY is not set.");
        assertThat(Fx.displayProblem(" ", null)).isEqualTo("DISPLAY is not set.");
        assertThat(Fx.displayProblem(null, "1")).contains("IHATI_TEST_DISPLAY_READY is set but DISPLAY");
    }

    @Test
    void aDisplayWithoutAnXServerIsAReasonToFail() {
        assertThat(Fx.displayProblem(":64999", null)).isEqualTo("DISPLAY=:64999 but no X server listens there.");
    }

    @Test
    void aRemoteDisplayIsLeftToJavaFx() {
        assertThat(Fx.displayProblem("some-host:0", null)).isNull();
    }
}
