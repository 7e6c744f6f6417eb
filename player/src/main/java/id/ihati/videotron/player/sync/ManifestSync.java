package id.ihati.videotron.player.sync;

import id.ihati.videotron.player.files.AtomicFiles;
import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.net.ServerException;
import id.ihati.videotron.player.playback.ContentSource;
import id.ihati.videotron.player.sync.cache.MediaCache;
import id.ihati.videotron.player.sync.cache.MediaSource;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan and its files: fetches the manifest (ETag, gzip), keeps the newest one as <em>pending</em> until
 * every file it names is downloaded and verified, then makes it <em>current</em>. Meanwhile playback already
 * sees the pending plan, cut down to the media whose files are cached ({@link LivePlan#playable}), and the
 * current plan as {@link #fallback()} for the times the cut-down plan has nothing to play; each file that
 * arrives adds its items. Both are persisted under {@code <data>/manifest/} so a restart without network plays
 * at once and resumes the pending downloads.
 */
public final class ManifestSync implements ContentSource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManifestSync.class);
    static final String PATH = "/api/v1/player/manifest";

    private final ServerApi api;
    private final MediaCache cache;
    private final Path currentFile;
    private final Path pendingFile;
    private final ScheduledExecutorService scheduler;
    private final Backoff downloadBackoff;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private final Clock clock;
    private volatile Manifest current;
    private volatile Manifest pending;
    /** What playback sees: the newest plan's playable part, and the current plan under it while one is pending. */
    private volatile Manifest live;
    private volatile Manifest fallback;
    /** Files being downloaded now, by either lane: the main loop or the one for alert media. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private boolean urgentRunning;
    private boolean downloading;
    private boolean downloadAgain;
    private volatile boolean closed;
    private ScheduledFuture<?> retry;
    private volatile String lastDownloadError;

    /** What a fetch found. */
    public enum FetchResult { UNCHANGED, NEW_PLAN, SAME_AS_CURRENT }

    public ManifestSync(ServerApi api, MediaCache cache, Path dir, ScheduledExecutorService scheduler,
                        Backoff downloadBackoff, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = Objects.requireNonNull(api, "api");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.downloadBackoff = Objects.requireNonNull(downloadBackoff, "downloadBackoff");
        this.currentFile = dir.resolve("current.json");
        this.pendingFile = dir.resolve("pending.json");
        try {
            Files.createDirectories(dir);
            current = readStored(currentFile);
            pending = readStored(pendingFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored manifests in " + dir, e);
        }
        if (current != null) {
            log.info("playing the stored plan {} (schedule version {})", current.contentHash(), current.scheduleVersion());
        }
        refreshLive();
        // A cached file that failed its check is gone: its items leave the live plan until it is fetched again.
        cache.onDamaged(sha256 -> refreshLive());
    }

    private static Manifest readStored(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return ManifestJson.read(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            // Written atomically, so this is disk damage or a format from another version: fetch it again.
            log.error("stored manifest {} is unreadable, ignoring it: {}", file, e.toString());
            return null;
        }
    }

    // ---- ContentSource ----

    @Override
    public Optional<Manifest> manifest() {
        return Optional.ofNullable(live);
    }

    @Override
    public Optional<Manifest> fallback() {
        return Optional.ofNullable(fallback);
    }

    @Override
    public Optional<Path> verifiedFile(String sha256) {
        return cache.verifiedFile(sha256);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---- state for heartbeats ----

    /** The manifest still downloading, if any. */
    public Optional<Manifest> pending() {
        return Optional.ofNullable(pending);
    }

    /** Files the newest known plan needs that are not in the cache yet. */
    public int missingFiles() {
        Manifest newest = newest();
        return newest == null ? 0 : (int) requiredFiles(newest).stream().filter(f -> !cache.contains(f.sha256())).count();
    }

    public Optional<String> lastDownloadError() {
        return Optional.ofNullable(lastDownloadError);
    }

    private Manifest newest() {
        Manifest p = pending;
        return p != null ? p : current;
    }

    /**
     * Every file a manifest needs: each media file and, for videos, its video-only copy too, because a
     * screen with audio off plays that copy and a player that loses its sound device falls back to it.
     * Alert media come first so an alert's file is fetched before the rest.
     */
    public static List<FileRef> requiredFiles(Manifest manifest) {
        Set<String> alertMedia = new HashSet<>();
        for (Alert a : manifest.alerts()) {
            alertMedia.add(a.mediaId());
        }
        Map<String, FileRef> files = new LinkedHashMap<>();
        List<Media> ordered = new ArrayList<>(manifest.media());
        ordered.sort((a, b) -> Boolean.compare(!alertMedia.contains(a.id()), !alertMedia.contains(b.id())));
        for (Media m : ordered) {
            m.files().forEach(f -> files.putIfAbsent(f.sha256(), f));
        }
        return List.copyOf(files.values());
    }

    /**
     * The files of the stored plans in the order they are needed: what the current plan plays in the next
     * loop first (by start), then its other files, then the pending plan's. For checking the cache at start.
     */
    public List<String> filesByNeed(Instant now) {
        Set<String> order = new LinkedHashSet<>();
        Manifest cur = current;
        if (cur != null) {
            Map<String, Media> byId = new HashMap<>();
            cur.media().forEach(m -> byId.put(m.id(), m));
            Instant until = now.plusSeconds(cur.screen().loopSeconds());
            for (PlannedPlay play : new TimelineResolver().resolve(cur, now, until).plays()) {
                Media m = byId.get(play.mediaId());
                if (m != null) {
                    m.files().forEach(f -> order.add(f.sha256()));
                }
            }
        }
        for (Manifest m : new Manifest[] {cur, pending}) {
            if (m != null) {
                requiredFiles(m).forEach(f -> order.add(f.sha256()));
            }
        }
        return List.copyOf(order);
    }

    // ---- fetching ----

    /**
     * Fetches the manifest now. A new plan becomes pending and its downloads start; the current plan keeps
     * playing until they are done.
     *
     * @throws ServerException for error statuses (401: the token was revoked)
     */
    public FetchResult fetch() throws IOException, InterruptedException {
        HttpRequest.Builder request = api.deviceRequest(PATH).header("Accept-Encoding", "gzip").GET();
        Manifest known = newest();
        if (known != null && known.contentHash() != null) {
            request.header("If-None-Match", "\"" + known.contentHash() + "\"");
        }
        HttpResponse<InputStream> response = api.stream(request.build());
        byte[] body;
        try (InputStream in = response.body()) {
            boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false);
            body = (gzip ? new GZIPInputStream(in) : in).readAllBytes();
        }
        if (response.statusCode() == 304) {
            return FetchResult.UNCHANGED;
        }
        if (response.statusCode() != 200) {
            throw api.failure("manifest", response.statusCode(), new String(body, StandardCharsets.UTF_8));
        }
        Manifest fetched = ManifestJson.read(body);
        String etag = response.headers().firstValue("ETag").map(ManifestSync::unquote).orElse(null);
        if (etag != null && !etag.equals(fetched.contentHash())) {
            log.warn("manifest ETag {} differs from its contentHash {}", etag, fetched.contentHash());
        }
        return accept(fetched, body);
    }

    private static String unquote(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private FetchResult accept(Manifest fetched, byte[] raw) throws IOException {
        synchronized (this) {
            Manifest cur = current;
            if (cur != null && Objects.equals(cur.contentHash(), fetched.contentHash())) {
                if (pending == null) {
                    return FetchResult.SAME_AS_CURRENT;
                }
                log.info("the server went back to the current plan; dropping the pending one");
                pending = null;
                Files.deleteIfExists(pendingFile);
            } else {
                AtomicFiles.write(pendingFile, raw);
                pending = fetched;
                log.info("new plan {} (schedule version {}): {} files needed, {} missing", fetched.contentHash(),
                        fetched.scheduleVersion(), requiredFiles(fetched).size(), missingFiles());
            }
        }
        if (pending == null) {
            refreshLive();
            return FetchResult.SAME_AS_CURRENT;
        }
        // Live at once with what is cached: an alert on a cached file must not wait for any download.
        refreshLive();
        startDownloads();
        startUrgentDownloads();
        return FetchResult.NEW_PLAN;
    }

    // ---- downloading ----

    /** Starts downloading what the newest plan lacks (also after a restart); one download loop at a time. */
    public synchronized void startDownloads() {
        if (closed) {
            return;
        }
        if (downloading) {
            downloadAgain = true;
            return;
        }
        downloading = true;
        if (retry != null) {
            retry.cancel(false);
        }
        scheduler.execute(this::downloadLoop);
    }

    /**
     * Fetches the newest plan's missing alert media beside the main loop, which may be busy with a large file
     * for minutes: an alert's media are fetched first, not after whatever download was running.
     */
    private void startUrgentDownloads() {
        synchronized (this) {
            if (closed || urgentRunning || !downloading || missingAlertFiles().isEmpty()) {
                return;
            }
            urgentRunning = true;
        }
        scheduler.execute(() -> {
            try {
                List<FileRef> files;
                while (!closed && !(files = missingAlertFiles()).isEmpty()) {
                    if (!download(files.get(0), newest())) {
                        startDownloads();   // the main loop tries it again, then backs off
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                synchronized (this) {
                    urgentRunning = false;
                }
            }
        });
    }

    private List<FileRef> missingAlertFiles() {
        Manifest target = newest();
        if (target == null) {
            return List.of();
        }
        Set<String> alertMedia = new HashSet<>();
        target.alerts().forEach(a -> alertMedia.add(a.mediaId()));
        return target.media().stream().filter(m -> alertMedia.contains(m.id()))
                .flatMap(m -> m.files().stream())
                .filter(f -> !cache.contains(f.sha256()) && !inFlight.contains(f.sha256()))
                .toList();
    }

    /** After this many failures in a row the network is more likely down than the files bad: back off. */
    private static final int FAILURES_IN_A_ROW = 3;
    /** Files whose last download failed: the next rounds try them after the others. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /**
     * Fetches what the newest plan lacks in {@link LivePlan#downloadOrder}, files that failed before last. A file
     * that fails is left for this round and the next one is tried, so a file that keeps failing (gone from the
     * server, damaged) holds back nothing else; the failed ones are tried again after a backoff. Several failures
     * in a row end the round at once (an outage), so an outage is not a warning per file.
     */
    private void downloadLoop() {
        Duration retryIn = null;
        Set<String> failed = new HashSet<>();
        int inARow = 0;
        try {
            evictUnused();
            while (true) {
                Manifest target;
                synchronized (this) {
                    downloadAgain = false;
                    target = newest();
                }
                if (target == null || closed) {
                    break;
                }
                List<FileRef> missing = LivePlan.downloadOrder(target, clock.instant()).stream()
                        .filter(f -> !cache.contains(f.sha256()) && !failed.contains(f.sha256())
                                && !inFlight.contains(f.sha256()))
                        .sorted((a, b) -> Boolean.compare(failing.contains(a.sha256()), failing.contains(b.sha256())))
                        .toList();
                if (missing.isEmpty()) {
                    if (refreshLive()) {
                        evictUnused();
                    }
                    synchronized (this) {
                        if (!downloadAgain) {
                            break;
                        }
                    }
                    continue;
                }
                if (download(missing.get(0), target)) {
                    inARow = 0;
                } else {
                    if (unauthorized) {
                        failed.clear();
                        break;
                    }
                    failed.add(missing.get(0).sha256());
                    if (++inARow >= FAILURES_IN_A_ROW) {
                        break;
                    }
                }
            }
            if (!failed.isEmpty()) {
                retryIn = downloadBackoff.nextDelay();
                log.warn("{} file(s) failed to download; the plan plays without their items, retrying in {}",
                        failed.size(), retryIn);
            } else {
                downloadBackoff.reset();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            retryIn = downloadBackoff.nextDelay();
            lastDownloadError = e.getMessage();
            log.warn("download loop failed (retrying in {}): {}", retryIn, e.toString());
        } finally {
            synchronized (this) {
                downloading = false;
                if (downloadAgain && !closed) {
                    startDownloads();   // a newer plan came in meanwhile: its files go first, not after a backoff
                } else if (retryIn != null && !closed) {
                    retry = scheduler.schedule(this::startDownloads, retryIn.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private volatile boolean unauthorized;

    /**
     * Downloads one file of {@code plan} unless the other lane is at it, then adds its items to the live plan;
     * false when it failed (logged once here).
     */
    private boolean download(FileRef file, Manifest plan) throws InterruptedException {
        if (plan == null || !inFlight.add(file.sha256())) {
            return true;
        }
        try {
            cache.download(file, source(plan));
            lastDownloadError = null;
            unauthorized = false;
            failing.remove(file.sha256());
        } catch (IOException | RuntimeException e) {
            unauthorized = e instanceof ServerException se && se.unauthorized();
            lastDownloadError = e.getMessage();
            failing.add(file.sha256());
            log.warn("download of {} failed, the plan plays on without it: {}", file.sha256(), e.toString());
            return false;
        } finally {
            inFlight.remove(file.sha256());
        }
        refreshLive();
        return true;
    }

    private MediaSource source(Manifest manifest) {
        String prefix = manifest.mediaPath();
        return (sha256, offset) -> {
            HttpRequest.Builder request = api.deviceRequest(prefix + sha256).GET();
            if (offset > 0) {
                request.header("Range", "bytes=" + offset + "-");
            }
            HttpResponse<InputStream> response = api.stream(request.build());
            if (response.statusCode() == 401) {
                response.body().close();
                throw api.failure("media " + sha256, 401, "");
            }
            return response;
        };
    }

    /**
     * Recomputes what playback sees and tells the listeners when it changed: the pending plan becomes current
     * once every file it names is cached; until then the live plan is its playable part, over the current plan.
     * Returns true when a pending plan became current.
     */
    private boolean refreshLive() {
        boolean promoted = false;
        boolean changed;
        Manifest now;
        synchronized (this) {
            Manifest p = pending;
            if (p != null && requiredFiles(p).stream().allMatch(f -> cache.contains(f.sha256()))) {
                try {
                    // The pending file becomes the current one by a rename: never a moment without a stored plan.
                    AtomicFiles.moveDurably(pendingFile, currentFile);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot store the new plan as current", e);
                }
                current = p;
                pending = null;
                promoted = true;
            }
            Manifest newest = newest();
            Manifest nextLive = newest == null ? null : LivePlan.playable(newest, cache::contains);
            Manifest nextFallback = pending == null || current == null ? null : current;
            boolean sameLive = sameContent(nextLive, live);
            changed = !sameLive || nextFallback != fallback;
            if (!sameLive) {
                live = nextLive;
            }
            fallback = nextFallback;
            now = live;
        }
        if (promoted) {
            log.info("now playing plan {} (schedule version {}); all its files are verified", now.contentHash(),
                    now.scheduleVersion());
        } else if (changed && now != null && pending != null) {
            log.info("plan {} plays {} of its {} media; the rest join as their files arrive", now.contentHash(),
                    now.media().size(), pending.media().size());
        }
        if (changed) {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.error("a manifest listener failed", e);
                }
            }
        }
        return promoted;
    }

    /** Same plan and same playable media: playback need not re-resolve. */
    private static boolean sameContent(Manifest a, Manifest b) {
        if (a == b) {
            return true;
        }
        return a != null && b != null && Objects.equals(a.contentHash(), b.contentHash())
                && a.media().equals(b.media());
    }

    private void evictUnused() throws IOException {
        Set<String> keep = new HashSet<>();
        for (Manifest m : new Manifest[] {current, pending}) {
            if (m != null) {
                requiredFiles(m).forEach(f -> keep.add(f.sha256()));
            }
        }
        cache.evict(keep);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (retry != null) {
            retry.cancel(false);
        }
    }
}
