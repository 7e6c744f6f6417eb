package id.ihati.videotron.player.sync;

import id.ihati.videotron.player.net.Json;
import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.net.ServerException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-events client for {@code GET /api/v1/player/events}. It reads the stream without holding
 * a thread, hands each event to its {@link Listener}, notices a dead stream when nothing (not even the
 * 15-second ping) arrived for {@code silenceLimit}, and reconnects with backoff.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    static final String PATH = "/api/v1/player/events";

    /** Receives what the stream brings; called on the HTTP client's threads, so it should hand work off. */
    public interface Listener {
        /** The stream is (again) up: events sent while it was down were missed. */
        void connected();

        void event(String name, JsonNode data);
    }

    private final ServerApi api;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration silenceLimit;
    private final Backoff backoff;
    private final Listener listener;

    private int generation;
    private boolean connected;
    private boolean closed;
    private Instant lastActivity;
    private Flow.Subscription subscription;
    private CompletableFuture<?> exchange;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> reconnect;

    public EventStream(ServerApi api, ScheduledExecutorService scheduler, Clock clock, Duration silenceLimit,
                       Backoff backoff, Listener listener) {
        this.api = Objects.requireNonNull(api, "api");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.silenceLimit = Objects.requireNonNull(silenceLimit, "silenceLimit");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Connects, and keeps the stream connected until {@link #close()}. */
    public synchronized void start() {
        long period = Math.max(100, Math.min(5_000, silenceLimit.toMillis() / 4));
        watchdog = scheduler.scheduleAtFixedRate(this::checkAlive, period, period, TimeUnit.MILLISECONDS);
        connect();
    }

    /** True while the stream is up and has not gone silent. */
    public synchronized boolean connected() {
        return connected;
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        int gen = ++generation;
        lastActivity = clock.instant();
        HttpRequest request = api.streamRequest(PATH)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse.BodyHandler<Void> handler = info -> {
            api.noteAnswer(info.statusCode());
            if (info.statusCode() == 200) {
                return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(gen), s -> null,
                        StandardCharsets.UTF_8, null);
            }
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> {
                        streamFailed(gen, api.failure("event stream", info.statusCode(), body));
                        return null;
                    });
        };
        exchange = api.http().sendAsync(request, handler).whenComplete((response, error) -> {
            if (error != null) {
                if (!(error instanceof ServerException) && !(error.getCause() instanceof ServerException)) {
                    api.noteUnreachable();
                }
                streamFailed(gen, error);
            } else {
                streamFailed(gen, null);
            }
        });
    }

    /** The stream of generation {@code gen} ended (or failed); reconnect after a backoff. */
    private void streamFailed(int gen, Throwable error) {
        Duration wait;
        synchronized (this) {
            if (gen != generation || closed) {
                return;
            }
            generation++;
            wait = backoff.nextDelay();
            if (connected || error instanceof ServerException) {
                log.warn("event stream down ({}); polling meanwhile, reconnecting in {}",
                        error == null ? "closed by the server" : error.toString(), wait);
            }
            connected = false;
            if (error instanceof ServerException se && se.unauthorized()) {
                return;
            }
            reconnect = scheduler.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The server answers other calls again: connect now instead of when the backoff's wait ends (after a long
     * outage that wait grows to minutes, and a plan change or alert would wait with it).
     */
    public synchronized void reconnectNow() {
        backoff.reset();
        if (closed || connected || reconnect == null || reconnect.isDone()) {
            return;
        }
        if (reconnect.cancel(false)) {
            reconnect = scheduler.schedule(this::connect, 0, TimeUnit.MILLISECONDS);
        }
    }

    private void checkAlive() {
        int gen;
        synchronized (this) {
            if (closed || lastActivity == null || reconnect != null && !reconnect.isDone()) {
                return;
            }
            if (Duration.between(lastActivity, clock.instant()).compareTo(silenceLimit) <= 0) {
                return;
            }
            gen = generation;
            abortExchange();
        }
        streamFailed(gen, new java.io.IOException("no ping for more than " + silenceLimit));
    }

    private void abortExchange() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        if (exchange != null) {
            exchange.cancel(true);
        }
    }

    private synchronized void activity(int gen, boolean complete) {
        if (gen != generation) {
            return;
        }
        lastActivity = clock.instant();
        if (complete && !connected) {
            connected = true;
            backoff.reset();
            log.info("event stream connected");
        }
    }

    /** Parses the event-stream format: {@code event:} and {@code data:} fields, blank line ends an event. */
    private final class Lines implements Flow.Subscriber<String> {
        private final int gen;
        private String event;
        private final StringBuilder data = new StringBuilder();

        Lines(int gen) {
            this.gen = gen;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (EventStream.this) {
                if (gen != generation || closed) {
                    s.cancel();
                    return;
                }
                subscription = s;
            }
            s.request(Long.MAX_VALUE);
            // Headers arrived with 200: the stream is up. Events missed while it was down are fetched now.
            activity(gen, true);
            listener.connected();
        }

        @Override
        public void onNext(String line) {
            activity(gen, false);
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith(":")) {
                // A comment: the server's ping. Its arrival is all that matters.
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(value);
                }
            }
        }

        private void dispatch() {
            String name = event == null ? "message" : event;
            String payload = data.toString();
            event = null;
            data.setLength(0);
            if (payload.isEmpty() && name.equals("message")) {
                return;
            }
            JsonNode json;
            try {
                json = payload.isEmpty() ? Json.mapper().missingNode() : Json.mapper().readTree(payload);
            } catch (java.io.IOException e) {
                log.warn("event {} with unreadable data {}", name, payload);
                json = Json.mapper().missingNode();
            }
            try {
                listener.event(name, json);
            } catch (RuntimeException e) {
                log.error("handling event {} failed", name, e);
            }
        }

        @Override
        public void onError(Throwable error) {
            streamFailed(gen, error);
        }

        @Override
        public void onComplete() {
            streamFailed(gen, null);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        connected = false;
        abortExchange();
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        if (reconnect != null) {
            reconnect.cancel(false);
        }
    }
}
