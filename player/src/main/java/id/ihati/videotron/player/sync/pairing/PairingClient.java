package id.ihati.videotron.player.sync.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.Json;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.net.ServerException;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs the player: {@code POST /api/v1/pairing} for a code, hands it to the display, polls
 * {@code GET /api/v1/pairing/{code}} until PAIRED, asks for a fresh code when one expires, stores the token.
 * Network errors are retried with backoff; it never gives up.
 *
 * <p>Each pairing makes a new device key pair: the public key goes with the request, the pair is stored
 * beside the token once paired, and the journal signs every play record with it. A server older than device
 * keys refuses the unknown field ({@code 400} naming {@code publicKey}): the player then pairs without a key
 * and its records go unsigned, as before.
 */
public final class PairingClient {
    private static final Logger log = LoggerFactory.getLogger(PairingClient.class);

    private final ServerApi api;
    private final DeviceTokenStore store;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration pollInterval;
    private final Backoff backoff;
    private final Map<String, String> identity;

    private final CompletableFuture<String> token = new CompletableFuture<>();
    private Consumer<PairingCode> codeListener = code -> { };
    private PairingCode code;
    private String secret;
    /** The key pair this pairing offers; null once the server turned keys down. */
    private KeyPair key = PlaySignatures.generate();
    private ScheduledFuture<?> next;
    private boolean cancelled;

    public PairingClient(ServerApi api, DeviceTokenStore store, ScheduledExecutorService scheduler, Clock clock,
                         Duration pollInterval, Backoff backoff, String hostname, String playerVersion) {
        this.api = Objects.requireNonNull(api, "api");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.identity = Map.of("hostname", hostname, "playerVersion", playerVersion);
    }

    /**
     * Starts pairing. {@code onCode} receives every new code (on the scheduler's thread); the future
     * completes with the device token once it is stored.
     */
    public synchronized CompletableFuture<String> start(Consumer<PairingCode> onCode) {
        this.codeListener = Objects.requireNonNull(onCode, "onCode");
        schedule(Duration.ZERO);
        return token;
    }

    public synchronized void cancel() {
        cancelled = true;
        if (next != null) {
            next.cancel(false);
        }
        token.cancel(false);
    }

    private synchronized void schedule(Duration delay) {
        if (!cancelled) {
            next = scheduler.schedule(this::step, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void step() {
        Duration wait;
        try {
            wait = code == null || !clock.instant().isBefore(code.expiresAt()) ? requestCode() : poll();
            backoff.reset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            wait = backoff.nextDelay();
            log.warn("pairing: {} (trying again in {})", e.toString(), wait);
        }
        if (wait != null) {
            schedule(wait);
        }
    }

    private Duration requestCode() throws IOException, InterruptedException {
        Map<String, String> body = new HashMap<>(identity);
        if (key != null) {
            body.put("publicKey", PlaySignatures.encode(key.getPublic()));
        }
        HttpRequest request = api.anonymousRequest("/api/v1/pairing")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                .build();
        JsonNode answer;
        try {
            answer = ServerApi.parse(api.send("pairing request", request, 201, 200));
        } catch (ServerException e) {
            if (key != null && e.status() == 400 && e.getMessage().contains("publicKey")) {
                log.warn("pairing: the server does not know device keys; pairing without one (plays go unsigned)");
                key = null;
                return requestCode();
            }
            throw e;
        }
        String newCode = answer.path("code").asText(null);
        String newSecret = answer.path("secret").asText(null);
        String expires = answer.path("expiresAt").asText(null);
        if (newCode == null || newSecret == null || expires == null) {
            throw new IOException("pairing answer lacks code, secret or expiresAt: " + answer);
        }
        code = new PairingCode(newCode, Instant.parse(expires));
        secret = newSecret;
        log.info("pairing: showing code {} (valid until {})", code.code(), code.expiresAt());
        codeListener.accept(code);
        return pollInterval;
    }

    /** Asks whether the code was claimed; returns the next wait, or null when paired. */
    private Duration poll() throws IOException, InterruptedException {
        HttpRequest request = api.anonymousRequest("/api/v1/pairing/" + URLEncoder.encode(code.code(), StandardCharsets.UTF_8))
                .header("X-Pairing-Secret", secret)
                .GET()
                .build();
        HttpResponse<byte[]> response = api.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        switch (response.statusCode()) {
            case 202:
                return pollInterval;
            case 200: {
                JsonNode answer = ServerApi.parse(response);
                String deviceToken = answer.path("deviceToken").asText(null);
                if (!"PAIRED".equals(answer.path("status").asText()) || deviceToken == null) {
                    throw new IOException("unexpected pairing answer: " + answer);
                }
                // The key first: a token without its key would make records the server refuses.
                if (key != null) {
                    store.saveKey(key);
                } else {
                    store.deleteKey();
                }
                store.save(deviceToken);
                log.info("pairing: paired as screen {}", answer.path("screenId").asText("?"));
                token.complete(deviceToken);
                return null;
            }
            case 403:
            case 404:
            case 410:
                log.info("pairing: code {} is no longer valid ({}); asking for a new one", code.code(), response.statusCode());
                code = null;
                return Duration.ZERO;
            default:
                throw new ServerException("pairing poll", response.statusCode(),
                        new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
