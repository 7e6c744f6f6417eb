package id.ihati.videotron.player.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The best guess of how far the server's clock is ahead of this PC's, from the last few exchanges. Each
 * exchange pins the server's time to somewhere within its round trip, so its error is at most half the round
 * trip; the sample with the shortest round trip is the most accurate one (the filter NTP uses). Immutable.
 *
 * @param samples the most recent exchanges, newest last, at most {@link #KEPT}
 */
public record OffsetEstimate(List<Sample> samples) {
    /** How many recent exchanges are kept: enough to ride out a few slow ones, few enough to follow drift. */
    public static final int KEPT = 8;

    public OffsetEstimate {
        samples = List.copyOf(samples);
        if (samples.size() > KEPT) {
            throw new IllegalArgumentException("at most " + KEPT + " samples, got " + samples.size());
        }
    }

    /**
     * One exchange: the PC's clock when the request left and when the answer arrived, and the server's time
     * stamped in between.
     */
    public record Sample(Instant sent, Instant received, Instant serverTime) {
        public Sample {
            if (received.isBefore(sent)) {
                throw new IllegalArgumentException("answer received before the request was sent");
            }
        }

        public Duration roundTrip() {
            return Duration.between(sent, received);
        }

        /** Server time minus the PC's time at the middle of the round trip. */
        public Duration serverAhead() {
            Instant middle = sent.plus(roundTrip().dividedBy(2));
            return Duration.between(middle, serverTime);
        }
    }

    public static OffsetEstimate none() {
        return new OffsetEstimate(List.of());
    }

    /** This estimate with {@code sample} added (the oldest dropped beyond {@link #KEPT}). */
    public OffsetEstimate with(Sample sample) {
        var kept = new ArrayList<>(samples);
        kept.add(sample);
        while (kept.size() > KEPT) {
            kept.remove(0);
        }
        return new OffsetEstimate(kept);
    }

    /** Changes smaller than this are measurement noise, never worth moving the picture's clock for. */
    public static final Duration NOISE = Duration.ofMillis(20);

    /**
     * The correction to apply instead of {@code current}, if the best exchange shows it is off by more than that
     * exchange can tell: its error is up to half its round trip, so a slow exchange (a cold server's first answer
     * took 850 ms here and seemed to say 425 ms) moves nothing unless the clocks are clearly further apart.
     */
    public Optional<Duration> correctionInstead(Duration current) {
        return samples.stream().min(Comparator.comparing(Sample::roundTrip)).flatMap(best -> {
            Duration uncertainty = best.roundTrip().dividedBy(2);
            Duration threshold = uncertainty.compareTo(NOISE) > 0 ? uncertainty : NOISE;
            Duration change = best.serverAhead().minus(current).abs();
            return change.compareTo(threshold) > 0 ? Optional.of(best.serverAhead()) : Optional.empty();
        });
    }

    /** How far the server's clock is ahead of this PC's (negative: behind); empty before any exchange. */
    public Optional<Duration> serverAhead() {
        return samples.stream().min(Comparator.comparing(Sample::roundTrip)).map(Sample::serverAhead);
    }
}
