package id.ihati.videotron.admin.review.feed;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at {@code perMinute} a minute. Time
 * comes from the clock, so tests can drive it. Buckets of quiet clients are dropped when the map grows.
 */
public final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;
    private final Clock clock;
    private final double capacity;
    private final double perMilli;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int capacity, int perMinute) {
        this.clock = clock;
        this.capacity = capacity;
        this.perMilli = perMinute / 60_000.0;
    }

    /** 0 when the request may go on; otherwise the whole seconds to wait before the next one may. */
    public long acquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) {
            purge(now);
        }
        double[] b = buckets.computeIfAbsent(client, k -> new double[]{capacity, now});
        synchronized (b) {
            b[0] = Math.min(capacity, b[0] + (now - b[1]) * perMilli);
            b[1] = now;
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b[0]) / perMilli / 1000.0));
        }
    }

    private void purge(long now) {
        for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext(); ) {
            double[] b = it.next();
            if (b[0] + (now - b[1]) * perMilli >= capacity) {
                it.remove();
            }
        }
    }
}
