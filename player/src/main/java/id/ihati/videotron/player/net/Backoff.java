package id.ihati.videotron.player.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff: each failure doubles the wait, from {@code initial} up to {@code max}; a success
 * resets it. Not thread-safe: each loop owns its own.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial ≤ max, was " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** The wait before the next try after a failure; each call doubles the following one, up to the maximum. */
    public Duration nextDelay() {
        Duration delay = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** After a success: the next failure waits {@code initial} again. */
    public void reset() {
        current = initial;
    }

    public Duration initial() {
        return initial;
    }
}
