package id.ihati.videotron.admin.player;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the fields the player and pairing API ignored because this server does not know them (a newer player,
 * docs/player-api.md "How versions meet"). Each (endpoint, field, player version) is logged the first time it is
 * seen and again at 10, 100, 1,000 … sightings, so a rollout shows up in the log without flooding it.
 */
public final class UnknownFields {
    private static final Logger log = LoggerFactory.getLogger(UnknownFields.class);

    /** What is counted: a field path without indexes ("records[].x"), where, and which player sent it. */
    public record Key(String endpoint, String field, String playerVersion) {
    }

    /** Anyone may call the pairing API: past this many distinct keys new ones are counted together. */
    static final int MAX_KEYS = 1000;
    static final String OTHER = "(other)";
    private final Map<Key, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one sighting; logs when the count is 1, 10, 100, … */
    public void seen(String endpoint, String field, String playerVersion) {
        var key = new Key(endpoint, printable(field), playerVersion == null || playerVersion.isBlank() ? "unknown"
                : printable(playerVersion.strip()));
        if (!counts.containsKey(key) && counts.size() >= MAX_KEYS) {
            key = new Key(endpoint, OTHER, OTHER);
        }
        long n = counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        if (isPowerOfTen(n)) {
            log.info("Ignored unknown field '{}' in {} from player version {} ({} times so far on this node)",
                    key.field(), key.endpoint(), key.playerVersion(), n);
        }
    }

    /** The sightings so far on this node. */
    public long count(String endpoint, String field, String playerVersion) {
        AtomicLong n = counts.get(new Key(endpoint, field, playerVersion));
        return n == null ? 0 : n.get();
    }

    /** A copy of every count. */
    public Map<Key, Long> snapshot() {
        var copy = new java.util.TreeMap<Key, Long>(java.util.Comparator.comparing(Key::toString));
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Names come from the request: at most 64 characters, control and format characters shown as '?'. */
    static String printable(String s) {
        var b = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> b.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return b.toString();
    }

    static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
