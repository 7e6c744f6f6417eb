package id.ihati.videotron.player.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One heartbeat exchange with {@code POST /api/v1/player/heartbeat}, and the clock offset it yields: the
 * server stamped {@code serverTime} somewhere within the round trip, so the player's clock at the middle
 * of the round trip minus {@code serverTime} is the offset, accurate to half the round trip.
 */
public final class Heartbeat {
    static final String PATH = "/api/v1/player/heartbeat";

    private final ServerApi api;
    private final Clock clock;
    private volatile Long clockOffsetMillis;

    /** The body of a heartbeat, as in {@code docs/player-api.md}. */
    public record Body(String status, Playing playing, Cache cache, String playerVersion, String manifestHash,
                       Long scheduleVersion, long freeDiskBytes, Long clockOffsetMillis, Instant sentAt,
                       List<MediaError> mediaErrors, Long heldPlays) {
        public Body {
            mediaErrors = List.copyOf(mediaErrors);
        }
    }

    /** A media file that failed to play since the last heartbeat, and why. */
    public record MediaError(String mediaId, String error) {
    }

    public record Playing(String mediaId, String sourceId, Instant since) {
    }

    public record Cache(int files, long bytes, int missing, long budgetBytes) {
    }

    public Heartbeat(ServerApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Player clock minus server clock in milliseconds, from the last exchange; null before the first. */
    public Long clockOffsetMillis() {
        return clockOffsetMillis;
    }

    /** Sends one heartbeat and updates the clock offset from the answer. */
    public void send(Body body) throws IOException, InterruptedException {
        Instant sent = clock.instant();
        JsonNode answer = api.postJson("heartbeat", PATH, body, 200);
        Instant received = clock.instant();
        String serverTime = answer.path("serverTime").asText(null);
        if (serverTime != null) {
            clockOffsetMillis = offset(sent, received, Instant.parse(serverTime));
        }
    }

    /** Player time in the middle of the round trip minus the server's time. */
    static long offset(Instant sent, Instant received, Instant serverTime) {
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(serverTime, middle).toMillis();
    }
}
