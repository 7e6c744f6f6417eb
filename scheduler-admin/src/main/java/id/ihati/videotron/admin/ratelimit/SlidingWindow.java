package id.ihati.videotron.admin.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A limit of {@code max} requests in any {@code window} (a sliding window, so no burst of twice the limit
 * across a window's edge), and the pure decision for one more request.
 *
 * @param name a short name, the key of the limit's rows in the database
 */
public record SlidingWindow(String name, int max, Duration window) {
    /** No window is longer: older requests are purged. */
    public static final Duration LONGEST = Duration.ofHours(1);

    public SlidingWindow {
        if (max < 1 || window.isNegative() || window.isZero() || window.compareTo(LONGEST) > 0
                || name.length() > 40) {
            throw new IllegalArgumentException("bad limit " + name + " " + max + "/" + window);
        }
    }

    /**
     * Whether one more request at {@code now} fits, given the earlier accepted requests still inside the window
     * (oldest first): 0 if it does, else the whole seconds (at least 1) until the oldest leaves the window.
     */
    public long retryAfterSeconds(List<Instant> recentOldestFirst, Instant now) {
        Instant since = now.minus(window);
        List<Instant> inWindow = recentOldestFirst.stream().filter(t -> t.isAfter(since)).toList();
        if (inWindow.size() < max) {
            return 0;
        }
        // The request fits once all but max - 1 of these have left the window.
        Instant freeAt = inWindow.get(inWindow.size() - max).plus(window);
        long millis = Duration.between(now, freeAt).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
