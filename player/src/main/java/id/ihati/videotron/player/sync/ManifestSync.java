package id.ihati.videotron.player.sync;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan and its files: fetches the manifest (ETag, gzip), keeps the newest one as <em>pending</em> until
 * every file it names is downloaded and verified, then makes it <em>current</em>. Playback only ever sees
 * the current manifest. Both are persisted under {@code <data>/manifest/} so a restart without network plays
 * the current plan at once and resumes the pending downloads.
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

    private volatile Manifest current;
    private volatile Manifest pending;
    private boolean downloading;
    private boolean downloadAgain;
    private volatile boolean closed;
    private ScheduledFuture<?> retry;
    private volatile String lastDownloadError;

    /** What a fetch found. */
    public enum FetchResult { UNCHANGED, NEW_PLAN, SAME_AS_CURRENT }

    public ManifestSync(ServerApi api, MediaCache cache, Path dir, ScheduledExecutorService scheduler,
                        Backoff downloadBackoff) {
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
        return Optional.ofNullable(current);
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
                if (pending != null) {
                    log.info("the server went back to the current plan; dropping the pending one");
                    pending = null;
                    Files.deleteIfExists(pendingFile);
                }
                return FetchResult.SAME_AS_CURRENT;
            }
            AtomicFiles.write(pendingFile, raw);
            pending = fetched;
            log.info("new plan {} (schedule version {}): {} files needed, {} missing", fetched.contentHash(),
                    fetched.scheduleVersion(), requiredFiles(fetched).size(), missingFiles());
        }
        startDownloads();
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

    private void downloadLoop() {
        Duration retryIn = null;
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
                List<FileRef> missing = requiredFiles(target).stream().filter(f -> !cache.contains(f.sha256())).toList();
                if (missing.isEmpty()) {
                    if (promote(target)) {
                        evictUnused();
                    }
                    synchronized (this) {
                        if (!downloadAgain) {
                            break;
                        }
                    }
                    continue;
                }
                FileRef file = missing.get(0);
                cache.download(file, source(target));
                downloadBackoff.reset();
                lastDownloadError = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            retryIn = downloadBackoff.nextDelay();
            if (e instanceof ServerException se && se.unauthorized()) {
                retryIn = null;
            }
            lastDownloadError = e.getMessage();
            log.warn("download failed, the current plan keeps playing{}: {}",
                    retryIn == null ? "" : " (retrying in " + retryIn + ")", e.toString());
        } finally {
            synchronized (this) {
                downloading = false;
                if (retryIn != null && !closed) {
                    retry = scheduler.schedule(this::startDownloads, retryIn.toMillis(), TimeUnit.MILLISECONDS);
                } else if (downloadAgain && !closed) {
                    startDownloads();
                }
            }
        }
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

    /** Makes {@code target} current if it is still the pending plan; returns true when it did. */
    private boolean promote(Manifest target) throws IOException {
        synchronized (this) {
            if (pending != target) {
                return false;
            }
            // The pending file becomes the current one by a rename: never a moment without a stored plan.
            AtomicFiles.moveDurably(pendingFile, currentFile);
            current = target;
            pending = null;
        }
        log.info("now playing plan {} (schedule version {}); all its files are verified", target.contentHash(),
                target.scheduleVersion());
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("a manifest listener failed", e);
            }
        }
        return true;
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
