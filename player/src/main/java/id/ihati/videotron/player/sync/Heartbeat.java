package id.ihati.videotron.player.sync;

import id.ihati.videotron.player.net.ServerApi;
import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.player.time.OffsetEstimate;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
    private final List<Consumer<OffsetEstimate.Sample>> sampleListeners = new CopyOnWriteArrayList<>();

    /** The body of a heartbeat, as in {@code docs/player-api.md}. */
    public record Body(String status, Playing playing, Cache cache, String playerVersion, String manifestHash,
                       Long scheduleVersion, long freeDiskBytes, Long clockOffsetMillis, Instant sentAt,
                       List<MediaError> mediaErrors, Long heldPlays, PictureFault pictureFault) {
        public Body {
            mediaErrors = List.copyOf(mediaErrors);
        }
    }

    /** A media file that failed to play since the last heartbeat, and why. */
    public record MediaError(String mediaId, String error) {
    }

    /**
     * The picture on screen is {@code BLACK} or {@code FROZEN} while {@code mediaId} should show, since
     * {@code since}; absent (null) while the picture is fine. Servers before it ignore the field.
     */
    public record PictureFault(String kind, String mediaId, Instant since) {
    }

    public record Playing(String mediaId, String sourceId, Instant since) {
    }

    public record Cache(int files, long bytes, int missing, long budgetBytes) {
    }

    public Heartbeat(ServerApi api, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Called with each exchange's clock measurement (for {@link id.ihati.videotron.player.time.ServerClock}). */
    public void onClockSample(Consumer<OffsetEstimate.Sample> listener) {
        sampleListeners.add(listener);
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
            var sample = new OffsetEstimate.Sample(sent, received, Instant.parse(serverTime));
            clockOffsetMillis = -sample.serverAhead().toMillis();
            sampleListeners.forEach(l -> l.accept(sample));
        }
    }

}
