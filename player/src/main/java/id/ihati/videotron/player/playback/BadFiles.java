package id.ihati.videotron.player.playback;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Files that failed to play, by SHA-256, remembered for a while so a broken file is not tried again on every
 * loop (each try costs up to a second of filler). After {@code memory} it gets another chance: a new decoder
 * after an OS update, say. Not thread-safe; the engine uses it on the FX thread.
 */
final class BadFiles {
    private record Failure(Instant until, String error) {
    }

    private final Duration memory;
    private final Map<String, Failure> failures = new HashMap<>();

    BadFiles(Duration memory) {
        this.memory = memory;
    }

    void mark(String sha256, String error, Instant now) {
        failures.put(sha256, new Failure(now.plus(memory), error));
    }

    /** Why the file is known to be bad at {@code now}, or empty when it may be tried. */
    Optional<String> why(String sha256, Instant now) {
        var f = failures.get(sha256);
        if (f == null) {
            return Optional.empty();
        }
        if (!now.isBefore(f.until())) {
            failures.remove(sha256);
            return Optional.empty();
        }
        return Optional.of(f.error());
    }
}
