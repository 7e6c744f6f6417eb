package id.ihati.videotron.player.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measure of {@link PlayersInStepTest} can fail: a screen 3 s off reads as 3,000 ms, not as in step. */
class PictureOffsetsTest {
    /** A screen cycling M, R, B every 3 s from {@code startMillis}, looked at every 10 ms from 1 s to 30 s. */
    private static List<PictureOffsets.Sample> cycling(long startMillis) {
        var out = new ArrayList<PictureOffsets.Sample>();
        char[] kinds = {'M', 'R', 'B'};
        for (long t = 1_000; t < 30_000; t += 10) {   // from mid-slot: every change has its partner
            long k = Math.floorDiv(t - startMillis, 3_000);
            char kind = (t % 1_000 == 500) ? '?' : kinds[(int) Math.floorMod(k, 3)];
            out.add(new PictureOffsets.Sample(t * 1_000_000, kind));
        }
        return out;
    }

    @Test
    void screensInStepReadAsTheirOffset() {
        var a = PictureOffsets.changes(cycling(40));
        var b = PictureOffsets.changes(cycling(0));
        var result = PictureOffsets.offsets(a, b, 4_000);
        assertThat(result.offsetsMillis()).hasSize(a.size()).allSatisfy(o -> assertThat(o).isEqualTo(40.0));
        assertThat(result.percentileAbs(95)).isEqualTo(40.0);
        assertThat(result.unmatched()).isZero();
    }

    @Test
    void aScreenThreeSecondsOffReadsAsThreeSecondsNotAsTheNeighbouringChange() {
        var a = PictureOffsets.changes(cycling(-3_000));   // one slot ahead: it changes when B does, to other kinds
        var b = PictureOffsets.changes(cycling(0));
        var result = PictureOffsets.offsets(a, b, 4_000);
        assertThat(result.offsetsMillis()).isNotEmpty()
                .allSatisfy(o -> assertThat(Math.abs(o)).isEqualTo(3_000.0));
    }

    @Test
    void unknownLooksAreNoChange() {
        var changes = PictureOffsets.changes(List.of(new PictureOffsets.Sample(0, 'M'),
                new PictureOffsets.Sample(1, '?'), new PictureOffsets.Sample(2, 'M'), new PictureOffsets.Sample(3, 'R')));
        assertThat(changes).containsExactly(new PictureOffsets.Change(3, 'M', 'R'));
    }
}
