package id.ihati.videotron.player.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.player.time.OffsetEstimate.Sample;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OffsetEstimateTest {
    private static final Instant T = Instant.parse("2026-11-25T07:00:00Z");

    /** An exchange sent at T+{@code at} ms taking {@code rtt} ms, stamped by the server at T+{@code stamp} ms. */
    private static Sample sample(long at, long rtt, long stamp) {
        return new Sample(T.plusMillis(at), T.plusMillis(at + rtt), T.plusMillis(stamp));
    }

    @Test
    void theServersTimeIsComparedWithTheMiddleOfTheRoundTrip() {
        // The server's clock reads 07:00:00.220 at our 07:00:00.100: it is 120 ms ahead of us.
        assertThat(sample(0, 200, 220).serverAhead()).isEqualTo(Duration.ofMillis(120));
        assertThat(OffsetEstimate.none().with(sample(0, 200, 220)).serverAhead()).contains(Duration.ofMillis(120));
    }

    @Test
    void beforeAnyExchangeThereIsNoEstimate() {
        assertThat(OffsetEstimate.none().serverAhead()).isEmpty();
    }

    @Test
    void theExchangeWithTheShortestRoundTripWinsOverSlowerOnes() {
        // The server is 3 s ahead; slow exchanges were stamped late in their round trip and mislead by up to 400 ms.
        OffsetEstimate e = OffsetEstimate.none()
                .with(sample(0, 900, 3_000 + 850))
                .with(sample(30_000, 8, 33_000 + 4))
                .with(sample(60_000, 600, 63_000 + 590));
        assertThat(e.serverAhead()).contains(Duration.ofMillis(3_000));
    }

    @Test
    void onlyTheLastEightExchangesCountSoADriftingClockIsFollowed() {
        OffsetEstimate e = OffsetEstimate.none().with(sample(0, 2, 1 + 500));   // very accurate, but old
        for (int i = 1; i <= OffsetEstimate.KEPT; i++) {
            e = e.with(sample(i * 30_000L, 20, i * 30_000L + 10 + 700));
        }
        assertThat(e.samples()).hasSize(OffsetEstimate.KEPT);
        assertThat(e.serverAhead()).contains(Duration.ofMillis(700));
    }

    @Test
    void anAnswerBeforeItsRequestIsRefused() {
        assertThatThrownBy(() -> sample(100, -5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlowExchangeMovesTheClockOnlyWhenItIsClearlyOffBeyondWhatTheExchangeCanTell() {
        // A cold server's first answer took 850 ms and seemed to say 425 ms: within its own uncertainty, no change.
        OffsetEstimate slow = OffsetEstimate.none().with(sample(0, 850, 850));
        assertThat(slow.correctionInstead(Duration.ZERO)).isEmpty();
        // The same slow exchange when the clocks are 3 s apart: corrected (to within 425 ms), to be refined later.
        assertThat(OffsetEstimate.none().with(sample(0, 850, 3_425)).correctionInstead(Duration.ZERO))
                .contains(Duration.ofMillis(3_000));
        // Fast exchanges: changes below the noise floor are left alone, larger ones applied.
        OffsetEstimate fast = OffsetEstimate.none().with(sample(0, 4, 2 + 15));
        assertThat(fast.correctionInstead(Duration.ZERO)).isEmpty();
        assertThat(OffsetEstimate.none().with(sample(0, 4, 2 + 60)).correctionInstead(Duration.ZERO))
                .contains(Duration.ofMillis(60));
        assertThat(OffsetEstimate.none().with(sample(0, 4, 2 + 60)).correctionInstead(Duration.ofMillis(50)))
                .isEmpty();
    }
}
