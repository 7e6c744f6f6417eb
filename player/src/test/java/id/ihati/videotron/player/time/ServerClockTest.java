package id.ihati.videotron.player.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ServerClockTest {
    private static final Instant PC_NOW = Instant.parse("2026-11-25T07:00:00Z");

    @Test
    void beforeAnyExchangeItIsThePcsOwnClock() {
        var clock = new ServerClock(Clock.fixed(PC_NOW, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(PC_NOW);
    }

    @Test
    void aPcThreeSecondsBehindPlaysByTheServersTimeAfterOneExchange() {
        var clock = new ServerClock(Clock.fixed(PC_NOW, ZoneOffset.UTC));
        // Sent at PC 06:59:59.990, answered at 07:00:00.010; the server stamped 07:00:03.000 in between.
        clock.sample(new OffsetEstimate.Sample(PC_NOW.minusMillis(10), PC_NOW.plusMillis(10), PC_NOW.plusSeconds(3)));
        assertThat(clock.instant()).isEqualTo(PC_NOW.plusSeconds(3));
        assertThat(clock.correction()).isEqualTo(Duration.ofSeconds(3));
        assertThat(clock.system().instant()).isEqualTo(PC_NOW);
    }
}
