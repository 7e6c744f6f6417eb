package id.ihati.videotron.admin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A player as the admin server sees it: HTTP calls with its bearer device token, and an event-stream reader
 * that collects server-sent events in a queue.
 */
public final class TestPlayer {
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestPlayer(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public String token() {
        return token;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest r) {
        return send(r, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(r, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends only the headers of a POST that announces a body of {@code declaredLength} bytes, and returns the status
     * the server answers with: shows that a refusal needs no body (and that the body is never read).
     */
    public int statusForHeadersOnly(String path, String contentType, long declaredLength) {
        URI uri = URI.create(base + path);
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP status line: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One server-sent event. */
    public record Event(String name, String data) {
    }

    /** An open event stream; events arrive in {@link #next(Duration)}. Close it to hang up. */
    public final class EventStream implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final InputStream body;
        private final Thread reader;
        public final int status;

        EventStream(HttpResponse<InputStream> response) {
            this.status = response.statusCode();
            this.body = response.body();
            this.reader = new Thread(this::read, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (name != null || !data.isEmpty()) {
                            events.add(new Event(name == null ? "message" : name, data.toString()));
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                    } else if (line.startsWith(":")) {
                        events.add(new Event("comment", line.substring(1).strip()));
                    }
                }
            } catch (IOException e) {
                // the stream was closed by close() or by the server: nothing more will arrive
                events.add(new Event("closed", e.toString()));
                return;
            }
            events.add(new Event("closed", ""));
        }

        /** The next event, or {@code null} if none arrives within {@code timeout}. */
        public Event next(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next event with this name, skipping others; {@code null} on timeout. */
        public Event next(String name, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                Event e = events.poll(left, TimeUnit.NANOSECONDS);
                if (e != null && e.name().equals(name)) {
                    return e;
                }
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens {@code GET /api/v1/player/events}. */
    public EventStream events() {
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/player/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
