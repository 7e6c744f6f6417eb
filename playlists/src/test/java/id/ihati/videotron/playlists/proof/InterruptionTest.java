package id.ihati.videotron.playlists.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterruptionTest {

    @Test
    void theTextsPlayersHaveAlwaysWrittenAreInterruptionsNotMediaErrors() {
        assertThat(Interruption.of("pre-empted: the plan changed")).contains(Interruption.PLAN_CHANGED);
        assertThat(Interruption.of("replaced before it was shown")).contains(Interruption.REPLACED_BEFORE_SHOWN);
        assertThat(Interruption.isMediaError(false, "pre-empted: the plan changed")).isFalse();
        assertThat(Interruption.isMediaError(false, " replaced before it was shown\n")).isFalse();
        assertThat(Interruption.isMediaError(false, "skipped: the player fell behind")).isFalse();
    }

    @Test
    void aFailureOfTheFileIsAMediaErrorAndACompletedPlayNever() {
        assertThat(Interruption.isMediaError(false, "MEDIA_CORRUPTED: cannot decode")).isTrue();
        assertThat(Interruption.isMediaError(false, "skipped, it failed before: MEDIA_UNSUPPORTED")).isTrue();
        assertThat(Interruption.isMediaError(false, "restarted by the watchdog")).isTrue();
        assertThat(Interruption.isMediaError(false, null)).isFalse();
        assertThat(Interruption.isMediaError(true, "MEDIA_CORRUPTED")).isFalse();
    }

    @Test
    void aRecordSaysWhetherItIsAMediaError() {
        var t = java.time.Instant.parse("2026-12-04T01:00:00Z");
        var cut = PlayRecord.chained("p", "s", 1, "m", null, id.ihati.videotron.playlists.schedule.Category.FILLER, t,
                t.plusSeconds(15), t, t.plusSeconds(3), false, Interruption.PLAN_CHANGED.text(), PlayRecord.GENESIS);
        assertThat(cut.mediaError()).isFalse();
        var broken = PlayRecord.chained("q", "s", 2, "m", null, id.ihati.videotron.playlists.schedule.Category.FILLER,
                t, t.plusSeconds(15), t, t.plusSeconds(3), false, "MEDIA_CORRUPTED", cut.hash());
        assertThat(broken.mediaError()).isTrue();
    }
}
