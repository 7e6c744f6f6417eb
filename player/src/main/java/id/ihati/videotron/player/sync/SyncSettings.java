package id.ihati.videotron.player.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sync half of the player needs to know. {@link #of} gives the production timings; tests shorten
 * them with {@link #withTimings}.
 *
 * @param server           the admin server's base URL, e.g. {@code http://10.0.0.5:7070/}
 * @param dataDir          where the token, manifests, media and proof-of-play journal live
 * @param cacheBudgetBytes disk the media cache may use; files of the current and pending plan are kept
 *                         even beyond it
 * @param playerVersion    reported when pairing and in heartbeats
 * @param hostname         reported when pairing, so the admin recognises the PC
 */
public record SyncSettings(URI server, Path dataDir, long cacheBudgetBytes, String playerVersion, String hostname,
                           Timings timings) {

    public SyncSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataDir, "dataDir");
        if (cacheBudgetBytes <= 0) {
            throw new IllegalArgumentException("cache budget must be positive, was " + cacheBudgetBytes);
        }
        Objects.requireNonNull(playerVersion, "playerVersion");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(timings, "timings");
    }

    public static SyncSettings of(URI server, Path dataDir, long cacheBudgetBytes, String playerVersion,
                                  String hostname) {
        return new SyncSettings(server, dataDir, cacheBudgetBytes, playerVersion, hostname, Timings.DEFAULT);
    }

    public SyncSettings withTimings(Timings t) {
        return new SyncSettings(server, dataDir, cacheBudgetBytes, playerVersion, hostname, t);
    }

    /**
     * How often and how patiently the player talks to the server.
     *
     * @param request      timeout of one ordinary request
     * @param heartbeat    between heartbeats
     * @param poll         between manifest polls while the event stream is down
     * @param maxBackoff   the longest wait after repeated errors (polls, downloads, uploads, reconnects)
     * @param silenceLimit an event stream with nothing on it (not even a ping) for this long is dead
     * @param pairingPoll  between "was my code claimed?" questions
     * @param upload       between proof-of-play uploads when nothing new was played
     * @param uploadBatch  records per upload request
     */
    public record Timings(Duration request, Duration heartbeat, Duration poll, Duration maxBackoff,
                          Duration silenceLimit, Duration pairingPoll, Duration upload, int uploadBatch) {
        /** The API's timings: heartbeat and poll every 30 s, backoff to 5 min, pings every 15 s. */
        public static final Timings DEFAULT = new Timings(Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(40), Duration.ofSeconds(3),
                Duration.ofSeconds(60), 500);

        public Timings {
            for (Duration d : new Duration[] {request, heartbeat, poll, maxBackoff, silenceLimit, pairingPoll, upload}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("every timing must be positive");
                }
            }
            if (uploadBatch < 1) {
                throw new IllegalArgumentException("upload batch must be positive, was " + uploadBatch);
            }
        }
    }
}
