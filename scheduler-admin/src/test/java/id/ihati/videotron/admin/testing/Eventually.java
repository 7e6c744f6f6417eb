package id.ihati.videotron.admin.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait: on a condition they can observe (a row stored, a pixel's colour, an event received),
 * polled every 20 ms until it holds or the timeout fails the test with what was awaited. Never a fixed sleep.
 */
public final class Eventually {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds. */
    public static void await(BooleanSupplier condition, String what) {
        await(condition, what, DEFAULT_TIMEOUT);
    }

    /** Waits up to {@code timeout} until {@code condition} holds; an exception it throws fails at once. */
    public static void await(BooleanSupplier condition, String what, Duration timeout) {
        awaitValue(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), what, timeout);
    }

    /** Waits up to {@code timeout} until {@code probe} finds a value, and returns it. */
    public static <T> T awaitValue(Supplier<Optional<T>> probe, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
