package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.booking.ScheduleSource;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import io.javalin.http.sse.SseClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected players of this server node and what tells them about changes.
 *
 * <p>{@link #scheduleChanged()} counts up the change counter in the database ({@code player_sync}) and, on
 * this node's own thread, rebuilds the manifest of every connected screen and sends {@code manifest} (or
 * {@code alert} when an alert appeared) to its players if the content hash changed. Every node reads the
 * counter about once a second ({@link #WATCH_INTERVAL}); a node that sees it move forgets its kept manifests
 * and tokens and tells its own players the same way, so a publish on node A reaches players streaming from
 * node B within about a second; on PostgreSQL {@link ChangeListener} wakes the watch the moment another node
 * commits, so it takes milliseconds. Screenshot requests travel the same way through {@code screenshot_request}.
 * Every {@link #PING_INTERVAL} each stream gets a {@code : ping} comment; a write that fails closes the
 * stream and drops the client.
 */
public final class PlayerHub implements PlayerEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlayerHub.class);
    public static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    /** Rows of {@code player_sync}: changes that make manifests stale, and device token revocations. */
    static final int CHANGES = 1;
    static final int REVOCATIONS = 2;
    /** At most this many event streams per device token in the whole cluster: the newest win (issue 12). */
    public static final int MAX_STREAMS_PER_TOKEN = 2;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScreenRepository screens;
    private final DeviceTokens tokens;
    private final ManifestService manifests;
    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    /** The content hash each screen's players were last told about (or connected with). */
    private final Map<String, String> toldHash = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> toldAlerts = new ConcurrentHashMap<>();
    private final Set<String> sentScreenshotRequests = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private volatile long generation = -1;
    private volatile long tokenGeneration = -1;
    private final EventStreams streams;
    /** This node's streams by their id in {@code event_stream}. */
    private record Stream(SseClient client, String screenId) {
    }

    private final Map<String, Stream> streamIds = new ConcurrentHashMap<>();
    private final Map<SseClient, String> idOfStream = new ConcurrentHashMap<>();
    private volatile long closingGeneration = -1;

    public PlayerHub(Jdbi jdbi, Clock clock, ScreenRepository screens, DeviceTokens tokens, ScheduleSource schedule,
                     MediaCatalog mediaCatalog, DeviceFiles deviceFiles) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.screens = screens;
        this.tokens = tokens;
        this.manifests = new ManifestService(clock, screens, schedule, mediaCatalog, this::generation, deviceFiles);
        this.streams = new EventStreams(jdbi, clock);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "player-hub");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the change watch and the pings. */
    public void start() {
        generation = readGeneration(CHANGES);
        tokenGeneration = readGeneration(REVOCATIONS);
        closingGeneration = readGeneration(EventStreams.CLOSINGS);
        executor.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::ping, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public ManifestService manifests() {
        return manifests;
    }

    /** The change counter as this node last read it. */
    public long generation() {
        return generation;
    }

    @Override
    public void scheduleChanged() {
        long now = jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE player_sync SET generation = generation + 1 WHERE id = 1").execute();
            return h.createQuery("SELECT generation FROM player_sync WHERE id = 1").mapTo(Long.class).one();
        });
        // Forget here, before the caller answers: the next manifest request must see the change.
        forget(now);
        executor.execute(this::tellPlayers);
    }

    @Override
    public void requestScreenshot(String screenId) {
        String id = UUID.randomUUID().toString();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO screenshot_request (id, screen_id, requested_by, requested_at)
                        VALUES (:id, :s, 'system', :now)""")
                .bind("id", id).bind("s", screenId).bind("now", Timestamp.from(clock.instant())).execute());
        executor.execute(() -> sendScreenshotRequest(screenId, id));
    }

    /**
     * Registers a player's stream and tells it the current content hash, so it catches up on what it missed. The
     * stream is recorded in the database; if its token now has more than {@link #MAX_STREAMS_PER_TOKEN} streams
     * in the cluster, the oldest are closed, here at once or by their own node within about a second.
     */
    public void connect(SseClient client, String screenId, String tokenHash) {
        client.keepAlive();
        String streamId = UUID.randomUUID().toString();
        idOfStream.put(client, streamId);
        clients.computeIfAbsent(screenId, k -> new CopyOnWriteArraySet<>()).add(client);
        client.onClose(() -> disconnect(client, screenId));
        List<String> evicted = streams.open(streamId, tokenHash, screenId, MAX_STREAMS_PER_TOKEN);
        // Only now, with its row committed, may the watch check the stream's row (closeEvicted).
        streamIds.put(streamId, new Stream(client, screenId));
        if (!evicted.isEmpty()) {
            log.info("Screen {} has more than {} event streams for its token: closing the {} oldest", screenId,
                    MAX_STREAMS_PER_TOKEN, evicted.size());
            closeLocal(evicted);
        }
        executor.execute(() -> {
            Optional<ManifestService.Built> built = manifests.current(screenId);
            built.ifPresent(b -> {
                toldHash.putIfAbsent(screenId, b.contentHash());
                toldAlerts.putIfAbsent(screenId, alertIds(b));
                send(client, screenId, "manifest", "{\"contentHash\":\"" + b.contentHash() + "\"}");
            });
        });
        log.info("Player of screen {} connected to the event stream ({} streams for it on this node)", screenId,
                clients.get(screenId).size());
    }

    private void disconnect(SseClient client, String screenId) {
        Set<SseClient> set = clients.get(screenId);
        if (set != null && set.remove(client)) {
            log.info("Player of screen {} left the event stream", screenId);
        }
        String streamId = idOfStream.remove(client);
        if (streamId != null) {
            streamIds.remove(streamId);
            try {
                streams.closed(streamId);
            } catch (RuntimeException e) {
                // Its row stays until newer streams of the token push it out; nothing else depends on it.
                log.warn("Could not forget the closed event stream {} of screen {}: {}", streamId, screenId,
                        e.toString());
            }
        }
    }

    /** Closes those of the given streams that are on this node. */
    private void closeLocal(java.util.Collection<String> ids) {
        for (String id : ids) {
            Stream stream = streamIds.get(id);
            if (stream != null) {
                log.info("Closed an event stream of screen {}: newer streams of its token took its place",
                        stream.screenId());
                drop(stream.client(), stream.screenId(), null);
            }
        }
    }

    /** After another node closed streams by the limit: closes this node's streams that lost their row. */
    private void closeEvicted() {
        long closings = readGeneration(EventStreams.CLOSINGS);
        if (closings == closingGeneration) {
            return;
        }
        closingGeneration = closings;
        Set<String> local = Set.copyOf(streamIds.keySet());
        Set<String> alive = streams.alive(local);
        closeLocal(local.stream().filter(id -> !alive.contains(id)).toList());
    }

    /** Number of open streams for a screen on this node. */
    public int connected(String screenId) {
        Set<SseClient> set = clients.get(screenId);
        return set == null ? 0 : set.size();
    }

    /** Looks for changes now instead of at the next {@link #WATCH_INTERVAL} (another node notified one). */
    public void wake() {
        if (!executor.isShutdown()) {
            executor.execute(this::watch);
        }
    }

    /** Forgets what is kept about a screen or token on this node; used after edits made here. */
    public void forgetScreen(String screenId) {
        tokens.forget(screenId);
    }

    private void watch() {
        try {
            long revocations = readGeneration(REVOCATIONS);
            if (revocations != tokenGeneration) {
                tokenGeneration = revocations;
                tokens.forgetAll();
            }
            if (forget(readGeneration(CHANGES))) {
                tellPlayers();
            }
            closeEvicted();
            pushPendingScreenshotRequests();
        } catch (RuntimeException e) {
            // The database may be briefly away; the next round tries again.
            log.warn("Change watch failed: {}", e.toString());
        }
    }

    /** Adopts a newer change counter: forgets kept manifests and tokens. False if it was not newer. */
    private synchronized boolean forget(long newGeneration) {
        if (newGeneration <= generation) {
            return false;
        }
        generation = newGeneration;
        manifests.forgetAll();
        return true;
    }

    /**
     * Runs on the hub's thread: rebuilds the manifest of every screen with connected players first (so their
     * requests find it kept), then tells the players of each screen whose content hash changed.
     */
    private void tellPlayers() {
        long t0 = System.nanoTime();
        Map<String, ScreenProfile> profiles = new java.util.HashMap<>();
        screens.profiles().forEach(p -> profiles.put(p.id(), p));
        List<Map.Entry<String, String[]>> messages = new java.util.ArrayList<>();
        for (String screenId : List.copyOf(clients.keySet())) {
            ScreenProfile profile = profiles.get(screenId);
            if (connected(screenId) == 0 || profile == null) {
                continue;
            }
            try {
                ManifestService.Built b = manifests.current(profile);
                Set<String> alerts = alertIds(b);
                Set<String> before = toldAlerts.getOrDefault(screenId, Set.of());
                Optional<String> newAlert = alerts.stream().filter(a -> !before.contains(a)).findFirst();
                toldAlerts.put(screenId, alerts);
                if (b.contentHash().equals(toldHash.put(screenId, b.contentHash()))) {
                    continue;
                }
                messages.add(Map.entry(screenId, newAlert.isPresent()
                        ? new String[] {"alert", "{\"alertId\":\"" + json(newAlert.get()) + "\"}"}
                        : new String[] {"manifest", "{\"contentHash\":\"" + b.contentHash() + "\"}"}));
            } catch (RuntimeException e) {
                log.error("Could not build the manifest of screen {} to tell its players", screenId, e);
            }
        }
        int told = 0;
        for (var m : messages) {
            broadcast(m.getKey(), m.getValue()[0], m.getValue()[1]);
            told += connected(m.getKey());
        }
        if (told > 0) {
            log.info("Told {} connected players of a changed manifest in {} ms", told,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void pushPendingScreenshotRequests() {
        if (clients.isEmpty()) {
            return;
        }
        Instant since = clock.instant().minus(Duration.ofMinutes(2));
        var pending = jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, screen_id FROM screenshot_request
                        WHERE fulfilled_at IS NULL AND requested_at > :since""")
                .bind("since", Timestamp.from(since))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list());
        for (var p : pending) {
            if (!sentScreenshotRequests.contains(p.getKey()) && connected(p.getValue()) > 0) {
                sendScreenshotRequest(p.getValue(), p.getKey());
            }
        }
    }

    private void sendScreenshotRequest(String screenId, String requestId) {
        if (connected(screenId) > 0) {
            sentScreenshotRequests.add(requestId);
            broadcast(screenId, "screenshot", "{\"requestId\":\"" + requestId + "\"}");
        }
    }

    private void ping() {
        for (var e : clients.entrySet()) {
            for (SseClient c : e.getValue()) {
                try {
                    c.sendComment("ping");
                } catch (RuntimeException ex) {
                    drop(c, e.getKey(), ex);
                }
            }
        }
    }

    private void broadcast(String screenId, String event, String data) {
        for (SseClient c : clients.getOrDefault(screenId, Set.of())) {
            send(c, screenId, event, data);
        }
    }

    private void send(SseClient c, String screenId, String event, String data) {
        try {
            c.sendEvent(event, data);
            if (c.terminated()) {
                drop(c, screenId, null);
            }
        } catch (RuntimeException ex) {
            drop(c, screenId, ex);
        }
    }

    private void drop(SseClient c, String screenId, RuntimeException why) {
        disconnect(c, screenId);
        if (why != null) {
            log.info("Dropped the event stream of screen {}: {}", screenId, why.toString());
        }
        try {
            c.close();
        } catch (RuntimeException ignored) {
            // already gone: closing a dead stream has nothing left to do
        }
    }

    private long readGeneration(int row) {
        return jdbi.withHandle(h -> h.createQuery("SELECT generation FROM player_sync WHERE id = :id")
                .bind("id", row).mapTo(Long.class).one());
    }

    private static Set<String> alertIds(ManifestService.Built b) {
        Set<String> ids = new HashSet<>();
        b.manifest().alerts().forEach(a -> ids.add(a.id()));
        return ids;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        executor.shutdownNow();
        for (var e : clients.entrySet()) {
            e.getValue().forEach(SseClient::close);
        }
        clients.clear();
    }
}
