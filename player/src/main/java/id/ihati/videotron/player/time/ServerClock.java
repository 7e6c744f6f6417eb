package id.ihati.videotron.player.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's time on this PC: the system clock plus the offset that the exchanges with the server measured
 * ({@link OffsetEstimate}). Before the first exchange (offline start) it is the system clock. Two screens on one
 * plan then switch items together even when one PC's own clock is seconds off.
 */
public final class ServerClock extends Clock {
    /** A PC clock further off than this is worth a warning: its time sync (NTP) is not working. */
    public static final Duration WARN_BEYOND = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(ServerClock.class);

    private final Clock system;
    private OffsetEstimate estimate = OffsetEstimate.none();
    private volatile Duration correction = Duration.ZERO;
    private boolean warned;

    public ServerClock(Clock system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    /** The PC's own clock, which exchanges are measured with. */
    public Clock system() {
        return system;
    }

    /** Takes one exchange's measurement (times from {@link #system()}) into the estimate. */
    public synchronized void sample(OffsetEstimate.Sample sample) {
        estimate = estimate.with(sample);
        Duration ahead = estimate.correctionInstead(correction).orElse(correction);
        boolean far = ahead.abs().compareTo(WARN_BEYOND) > 0;
        if (far && !warned) {
            log.warn("this PC's clock is {} ms {} the server's: playing by the server's time; check the PC's time "
                    + "sync (NTP)", ahead.abs().toMillis(), ahead.isNegative() ? "ahead of" : "behind");
        } else if (!far && warned) {
            log.info("this PC's clock agrees with the server's again (within {} ms)", WARN_BEYOND.toMillis());
        }
        warned = far;
        correction = ahead;
    }

    /** How far the server's clock is ahead of this PC's, as now applied. */
    public Duration correction() {
        return correction;
    }

    @Override
    public Instant instant() {
        return system.instant().plus(correction);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is zone-free: convert instants instead");
    }
}
