package id.ihati.videotron.player.sync;

import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.playback.ContentSource;
import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.player.playback.NowPlaying;
import id.ihati.videotron.player.proof.PlayJournal;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import id.ihati.videotron.player.proof.PlayReporter;
import id.ihati.videotron.player.proof.ProofUploader;
import id.ihati.videotron.player.sync.cache.CacheStats;
import id.ihati.videotron.player.sync.cache.MediaCache;
import id.ihati.videotron.player.sync.pairing.DeviceTokenStore;
import id.ihati.videotron.player.sync.pairing.PairingClient;
import id.ihati.videotron.player.sync.pairing.PairingCode;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.proof.Interruption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync half of the player behind one object: pairing, manifest and media, events, proof-of-play upload,
 * heartbeats and screenshots. Playback reads {@link #contentSource()} and reports to {@link #playReporter()};
 * both work before {@link #start()} and without network, from what is on disk.
 *
 * <pre>{@code
 * var sync = new SyncAgent(SyncSettings.of(server, dataDir, budget, version, host), HttpClient.newHttpClient(),
 *         Executors.newScheduledThreadPool(4), Clock.systemUTC());
 * sync.onPairingCode(code -> display.showPairingCode(code));
 * sync.onPaired(display::hidePairingCode);
 * sync.setNowPlaying(playback::nowPlaying);
 * sync.setScreenshotter(display::screenshotPng);
 * sync.start();   // playback uses sync.contentSource() and sync.playReporter()
 * }</pre>
 *
 * The scheduler should have at least three threads: a long download occupies one.
 */
public final class SyncAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);
    static final String SCREENSHOT_PATH = "/api/v1/player/screenshots";
    private static final int MAX_ERROR_CHARS = 500;
    private static final Duration EARLY_BEAT = Duration.ofSeconds(3);

    /** What the player is doing, as heartbeats report it. */
    public enum Status { PLAYING, IDLE, PAIRING, DOWNLOADING, ERROR }

    private final SyncSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ServerApi api;
    private final DeviceTokenStore tokens;
    private final PlayJournal journal;
    private final MediaCache cache;
    private final ManifestSync manifests;
    private final Heartbeat heartbeat;
    private final RetiredTokens retiredTokens;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private final Backoff pollBackoff;
    private final List<Consumer<PairingCode>> codeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> pairedListeners = new CopyOnWriteArrayList<>();
    /** Media that failed to play since the last heartbeat that reached the server: media id to error. */
    private final Map<String, String> mediaErrors = new ConcurrentHashMap<>();

    private volatile Supplier<Optional<NowPlaying>> nowPlaying = Optional::empty;
    private volatile Supplier<Optional<Heartbeat.PictureFault>> pictureFault = Optional::empty;
    private volatile Supplier<byte[]> screenshotter;
    private volatile boolean online;
    private volatile boolean pairing;
    private volatile boolean lastFetchFailed;
    private volatile boolean heartbeatFailing;
    private boolean started;
    private boolean closed;
    private PairingClient pairingClient;
    private EventStream events;
    private ProofUploader uploader;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> pollTask;

    public SyncAgent(SyncSettings settings, HttpClient http, ScheduledExecutorService scheduler, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        SyncSettings.Timings t = settings.timings();
        this.api = new ServerApi(http, settings.server(), t.request());
        api.onUnauthorized(this::tokenRejected);
        api.onReachableAgain(() -> scheduler.execute(this::serverAnswersAgain));
        this.tokens = new DeviceTokenStore(settings.dataDir());
        // Records are signed with the device key made at pairing (none for a player paired before keys).
        this.journal = PlayJournal.open(settings.dataDir().resolve("proof"), PlayJournal.DEFAULT_SEGMENT_RECORDS,
                () -> java.util.UUID.randomUUID().toString(),
                r -> tokens.key().map(k -> PlaySignatures.sign(r, k.getPrivate())).orElse(r));
        this.cache = new MediaCache(settings.dataDir().resolve("media"), settings.cacheBudgetBytes(), clock,
                scheduler, t.request());
        this.manifests = new ManifestSync(api, cache, settings.dataDir().resolve("manifest"), scheduler,
                backoff(Duration.ofSeconds(5)), clock);
        this.heartbeat = new Heartbeat(api, clock);
        this.retiredTokens = new RetiredTokens(tokens, journal, http, settings.server(), t.request(), scheduler,
                t.uploadBatch());
        this.pollBackoff = new Backoff(t.poll(), t.poll().compareTo(t.maxBackoff()) > 0 ? t.poll() : t.maxBackoff());
        // The dashboard should see a new plan (and what plays from it) soon, not up to a beat later.
        manifests.onChange(this::beatSoon);
        cache.onDamaged(sha256 -> {
            if (online) {
                manifests.startDownloads();   // offline, going online starts them anyway
            }
        });
        // Files cached by an earlier run are checked again before they play; those playing next go first.
        // Started here, not in start(): Main builds this before the JavaFX toolkit and the window, so the
        // first files are usually checked before playback asks for them.
        cache.verifyAll(manifests.filesByNeed(clock.instant()), scheduler);
    }

    /** A backoff from {@code initial} up to the settings' maximum (never starting above it). */
    private Backoff backoff(Duration initial) {
        Duration max = settings.timings().maxBackoff();
        return new Backoff(initial.compareTo(max) > 0 ? max : initial, max);
    }

    // ---- what Main wires ----

    /** The plan and its verified files, for playback. */
    public ContentSource contentSource() {
        return manifests;
    }

    /**
     * Where playback reports every play; durable when {@code report} returns. A play that failed
     * because of its media (not an {@link Interruption}) is also reported in the next heartbeat's
     * {@code mediaErrors}, so the dashboard shows it as an incident.
     */
    public PlayReporter playReporter() {
        return outcome -> {
            journal.report(outcome);
            // Plays cut by a plan change and the like are in the journal, but they are not media errors.
            if (Interruption.isMediaError(outcome.completed(), outcome.error())) {
                String error = outcome.error();
                mediaErrors.putIfAbsent(outcome.planned().mediaId(),
                        error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error);
            }
        };
    }

    /** What is on screen now, for heartbeats; empty when nothing is (outside operating hours). */
    public void setNowPlaying(Supplier<Optional<NowPlaying>> nowPlaying) {
        this.nowPlaying = Objects.requireNonNull(nowPlaying, "nowPlaying");
    }

    /** A black or frozen picture on screen now, for heartbeats (issue 14 part 6); empty while the picture is fine. */
    public void setPictureFault(Supplier<Optional<Heartbeat.PictureFault>> pictureFault) {
        this.pictureFault = Objects.requireNonNull(pictureFault, "pictureFault");
    }

    /** Something the server should hear about at once changed (a picture fault began or ended): beat soon. */
    public void reportSoon() {
        beatSoon();
    }

    /** Takes a PNG of what the screen shows, when the server asks; called on a sync thread. */
    public void setScreenshotter(Supplier<byte[]> screenshotter) {
        this.screenshotter = Objects.requireNonNull(screenshotter, "screenshotter");
    }

    /** Receives each pairing code to show large on the screen (on a sync thread). */
    public void onPairingCode(Consumer<PairingCode> listener) {
        codeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Called once pairing succeeded and the code can go off the screen. */
    public void onPaired(Runnable listener) {
        pairedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts syncing: with a stored device token at once, otherwise after pairing. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the sync agent was already started");
        }
        started = true;
        scheduler.execute(this::deliverForEarlierScreens);
        Optional<String> token = tokens.load();
        if (token.isPresent()) {
            goOnline(token.get());
        } else {
            startPairing();
        }
    }

    // ---- state ----

    public Status status() {
        if (pairing) {
            return Status.PAIRING;
        }
        if (manifests.pending().isPresent()) {
            return Status.DOWNLOADING;
        }
        if (nowPlaying.get().isPresent()) {
            return Status.PLAYING;
        }
        return manifests.manifest().isPresent() ? Status.IDLE : Status.ERROR;
    }

    /** True while the player has a device token the server has not refused. */
    public boolean paired() {
        return online;
    }

    /** True while the event stream is up (otherwise the manifest is polled). */
    public synchronized boolean eventStreamConnected() {
        return events != null && events.connected();
    }

    /** Player clock minus server clock, from the last heartbeat; empty before the first answer. */
    /** Called with each heartbeat's measurement of the server's clock (times from this agent's clock). */
    public void onClockSample(java.util.function.Consumer<id.ihati.videotron.player.time.OffsetEstimate.Sample> listener) {
        heartbeat.onClockSample(listener);
    }

    public Optional<Long> clockOffsetMillis() {
        return Optional.ofNullable(heartbeat.clockOffsetMillis());
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Plays journalled but not yet acknowledged by the server. */
    public long unacknowledgedPlays() {
        return journal.pendingCount();
    }

    // ---- pairing ----

    private synchronized void startPairing() {
        if (closed) {
            return;
        }
        pairing = true;
        log.info("no device token: pairing with {}", settings.server());
        SyncSettings.Timings t = settings.timings();
        pairingClient = new PairingClient(api, tokens, scheduler, clock, t.pairingPoll(),
                backoff(Duration.ofSeconds(2)), settings.hostname(), settings.playerVersion());
        pairingClient.start(code -> codeListeners.forEach(l -> l.accept(code))).whenComplete((token, error) -> {
            if (error == null) {
                pairing = false;
                pairedListeners.forEach(Runnable::run);
                goOnline(token);
            } else if (!(error instanceof CancellationException)) {
                log.error("pairing stopped unexpectedly", error);
            }
        });
    }

    /** A device call was answered 401: the token was revoked. Forget it and pair again. */
    private void tokenRejected() {
        synchronized (this) {
            if (!online || closed) {
                return;
            }
            online = false;
        }
        log.warn("the server refused the device token (revoked?): pairing again; the current plan keeps playing");
        scheduler.execute(() -> {
            goOffline();
            api.setToken(null);
            // Plays journalled for this screen were made for it: keep its token to deliver them (RetiredTokens).
            Optional<String> screen = pairedScreen();
            if (screen.isPresent()) {
                tokens.retire(screen.get());
            } else {
                tokens.delete();
            }
            startPairing();
            deliverForEarlierScreens();
        });
    }

    // ---- online ----

    private synchronized void goOnline(String token) {
        if (closed) {
            return;
        }
        api.setToken(token);
        online = true;
        SyncSettings.Timings t = settings.timings();
        uploader = new ProofUploader(journal, api, scheduler, t.upload(), t.uploadBatch(),
                backoff(Duration.ofSeconds(5)),
                this::pairedScreen);
        uploader.start();
        events = new EventStream(api, scheduler, clock, t.silenceLimit(),
                backoff(Duration.ofSeconds(1)), new EventStream.Listener() {
                    @Override
                    public void connected() {
                        scheduler.execute(SyncAgent.this::fetchManifest);
                    }

                    @Override
                    public void event(String name, JsonNode data) {
                        onEvent(name, data);
                    }
                });
        events.start();
        pollTask = scheduler.schedule(this::poll, 0, TimeUnit.MILLISECONDS);
        heartbeatTask = scheduler.scheduleAtFixedRate(this::sendHeartbeat, 0, t.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        beatSoon();   // the first beat goes before playback has shown anything; this one says what plays
        manifests.startDownloads();
    }

    /**
     * The first call after an outage was answered: the event stream, the manifest check, downloads and uploads
     * go now, not when their backoffs (up to minutes) end, so a plan change or alert made meanwhile arrives.
     */
    private void serverAnswersAgain() {
        EventStream stream;
        ProofUploader proof;
        synchronized (this) {
            if (!online || closed) {
                return;
            }
            stream = events;
            proof = uploader;
        }
        log.info("the server answers again: reconnecting the event stream and checking the plan now");
        stream.reconnectNow();
        proof.uploadNow();
        manifests.startDownloads();
        fetchManifest();
    }

    /** One extra heartbeat in a moment, so the server learns of a change without waiting a whole beat. */
    private synchronized void beatSoon() {
        if (online && !closed) {
            scheduler.schedule(this::sendHeartbeat, EARLY_BEAT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The screen the device token belongs to, as the newest manifest says (a pending one too: after pairing
     * with another screen, its plan arrives long before its media are downloaded and it is played).
     */
    private Optional<String> pairedScreen() {
        return manifests.pending().or(manifests::manifest).map(m -> m.screen().id());
    }

    private synchronized void goOffline() {
        if (events != null) {
            events.close();
            events = null;
        }
        if (uploader != null) {
            uploader.close();
            uploader = null;
        }
        if (pollTask != null) {
            pollTask.cancel(false);
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
    }

    private void onEvent(String name, JsonNode data) {
        switch (name) {
            case "manifest", "alert" -> scheduler.execute(this::fetchManifest);
            case "screenshot" -> {
                String requestId = data.path("requestId").asText(null);
                scheduler.execute(() -> uploadScreenshot(requestId));
            }
            default -> log.debug("ignoring event {}", name);
        }
    }

    /** Polls the manifest while the event stream is down: every poll interval, backing off on errors. */
    private void poll() {
        Duration next = settings.timings().poll();
        if (!eventStreamConnected() || lastFetchFailed) {
            if (!fetchManifest()) {
                next = pollBackoff.nextDelay();
            } else {
                pollBackoff.reset();
            }
        }
        synchronized (this) {
            if (online && !closed) {
                pollTask = scheduler.schedule(this::poll, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Fetches the manifest once (one fetch at a time); returns false when it failed. */
    private boolean fetchManifest() {
        if (!online) {
            return false;
        }
        fetchLock.lock();
        try {
            manifests.fetch();
            if (lastFetchFailed) {
                log.info("manifest fetch works again");
            }
            lastFetchFailed = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException | RuntimeException e) {
            if (!lastFetchFailed) {
                log.warn("manifest fetch failed, the current plan keeps playing: {}", e.toString());
            }
            lastFetchFailed = true;
            return false;
        } finally {
            fetchLock.unlock();
        }
    }

    /** Delivers plays of screens this player was paired with before; never throws (runs on the scheduler). */
    private void deliverForEarlierScreens() {
        try {
            retiredTokens.deliver();
        } catch (RuntimeException e) {
            log.error("delivering the plays of earlier screens failed; trying again with the next heartbeat", e);
        }
    }

    private void sendHeartbeat() {
        deliverForEarlierScreens();
        try {
            Heartbeat.Body body = heartbeatBody();
            heartbeat.send(body);
            // Reported: forget them (a file that fails again is reported again in a later beat).
            body.mediaErrors().forEach(e -> mediaErrors.remove(e.mediaId(), e.error()));
            if (heartbeatFailing) {
                log.info("heartbeats reach the server again");
            }
            heartbeatFailing = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!heartbeatFailing) {
                log.warn("heartbeat failed: {}", e.toString());
            }
            heartbeatFailing = true;
        }
    }

    Heartbeat.Body heartbeatBody() {
        Optional<NowPlaying> playing = nowPlaying.get();
        Optional<Manifest> plan = manifests.manifest();
        CacheStats stats = cache.stats();
        long freeDisk;
        try {
            freeDisk = Files.getFileStore(settings.dataDir()).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + settings.dataDir(), e);
        }
        return new Heartbeat.Body(status().name(),
                playing.map(p -> new Heartbeat.Playing(p.mediaId(), p.sourceId(), p.since())).orElse(null),
                new Heartbeat.Cache(stats.files(), stats.bytes(), manifests.missingFiles(), stats.budgetBytes()),
                settings.playerVersion(),
                plan.map(Manifest::contentHash).orElse(null),
                plan.map(Manifest::scheduleVersion).orElse(null),
                freeDisk, heartbeat.clockOffsetMillis(), clock.instant(),
                mediaErrors.entrySet().stream().map(e -> new Heartbeat.MediaError(e.getKey(), e.getValue()))
                        .toList(),
                pairedScreen().map(journal::pendingCountExcept).orElse(null), pictureFault.get().orElse(null));
    }

    /** Takes a screenshot and uploads it, answering the server's request {@code requestId} (may be null). */
    void uploadScreenshot(String requestId) {
        Supplier<byte[]> shooter = screenshotter;
        if (shooter == null) {
            log.warn("the server asked for a screenshot, but playback gave no way to take one");
            return;
        }
        try {
            byte[] png = shooter.get();
            HttpRequest.Builder request = api.deviceRequest(SCREENSHOT_PATH)
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png));
            if (requestId != null) {
                request.header("X-Screenshot-Request", requestId);
            }
            api.send("screenshot upload", request.build(), 201, 200);
            log.info("uploaded a screenshot ({} bytes) for request {}", png.length, requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("screenshot for request {} failed: {}", requestId, e.toString());
        }
    }

    /** Stops every sync activity; the caller shuts its scheduler down. Recorded plays stay journalled. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            online = false;
            if (pairingClient != null) {
                pairingClient.cancel();
            }
        }
        goOffline();
        manifests.close();
        journal.close();
    }
}
