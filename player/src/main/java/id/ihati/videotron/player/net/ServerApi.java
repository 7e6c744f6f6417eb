package id.ihati.videotron.player.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;

/**
 * The player's side of the device calls of {@code docs/player-api.md}: builds requests with the device token,
 * turns error statuses into {@link ServerException}s and tells its listeners once per 401 that the token is
 * no longer valid, and once per outage that the server answers again (see {@link #onReachableAgain}).
 */
public final class ServerApi {
    private final HttpClient http;
    private final URI server;
    private final Duration timeout;
    private final List<Runnable> unauthorizedListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> reachableListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private volatile String token;

    public ServerApi(HttpClient http, URI server, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.server = Objects.requireNonNull(server, "server");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** Called (on the calling thread) whenever a device call is answered 401. */
    public void onUnauthorized(Runnable listener) {
        unauthorizedListeners.add(listener);
    }

    /**
     * Called (on the calling thread) when a call is answered after one failed to reach the server (an I/O
     * error or a 502/503/504 from a proxy): every loop waiting out a backoff should try again now, since the
     * server is back — not minutes later when its own wait ends.
     */
    public void onReachableAgain(Runnable listener) {
        reachableListeners.add(listener);
    }

    /** Whether the last call that finished reached the server. */
    public boolean reachable() {
        return !unreachable.get();
    }

    /** Sends {@code request}, noting whether the server was reached (for {@link #onReachableAgain}). */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response;
        try {
            response = http.send(request, body);
        } catch (IOException e) {
            unreachable.set(true);
            throw e;
        }
        noteAnswer(response.statusCode());
        return response;
    }

    /** Records an answer with {@code status} from a call made elsewhere (the event stream's own exchange). */
    public void noteAnswer(int status) {
        boolean gatewayFailure = status == 502 || status == 503 || status == 504;
        if (gatewayFailure) {
            unreachable.set(true);
        } else if (unreachable.compareAndSet(true, false)) {
            reachableListeners.forEach(Runnable::run);
        }
    }

    /** Records a call made elsewhere that did not reach the server. */
    public void noteUnreachable() {
        unreachable.set(true);
    }

    public HttpClient http() {
        return http;
    }

    /** The absolute URI of a server path such as {@code /api/v1/player/manifest}. */
    public URI uri(String path) {
        return server.resolve(path);
    }

    /** A request to a device endpoint, with the device token and the usual timeout. */
    public HttpRequest.Builder deviceRequest(String path) {
        String t = token;
        if (t == null) {
            throw new IllegalStateException("no device token: the player is not paired");
        }
        return HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Authorization", "Bearer " + t);
    }

    /**
     * A request to a device endpoint without a timeout, for a stream that stays open for hours; whoever
     * opens it must notice silence on it by itself.
     */
    public HttpRequest.Builder streamRequest(String path) {
        return deviceRequest(path).timeout(Duration.ofDays(365));
    }

    /** A request without the token (pairing). */
    public HttpRequest.Builder anonymousRequest(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(timeout);
    }

    /** Sends a request expecting a JSON answer with one of the {@code expected} statuses. */
    public HttpResponse<byte[]> send(String what, HttpRequest request, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw failure(what, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** Sends a request and streams its body; the caller closes the stream. */
    public HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** POSTs {@code body} as JSON to a device endpoint and returns the parsed answer. */
    public JsonNode postJson(String what, String path, Object body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest request = deviceRequest(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                .build();
        return parse(send(what, request, expected));
    }

    public static JsonNode parse(HttpResponse<byte[]> response) throws IOException {
        byte[] body = response.body();
        return body.length == 0 ? Json.mapper().missingNode() : Json.mapper().readTree(body);
    }

    /** The exception for an unexpected status; a 401 also notifies the listeners. */
    public ServerException failure(String what, int status, String body) {
        ServerException e = new ServerException(what, status, body);
        if (e.unauthorized() && token != null) {
            unauthorizedListeners.forEach(Runnable::run);
        }
        return e;
    }
}
