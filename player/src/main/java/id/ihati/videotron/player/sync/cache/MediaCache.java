package id.ihati.videotron.player.sync.cache;

import id.ihati.videotron.player.files.AtomicFiles;
import id.ihati.videotron.playlists.schedule.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media files by SHA-256 under {@code <dir>/<sha256>}, partial downloads under {@code <dir>/partial/}.
 *
 * <p>The one rule that keeps a half-downloaded or corrupt file off the screen: a file gets its final name
 * only by an atomic rename after its SHA-256 was checked and its bytes forced to disk. A process killed
 * mid-download leaves a {@code .part} file, which the next download resumes with {@code Range} (or which is
 * deleted once nothing needs it). Downloads are meant to run one at a time; reads may come from any thread.
 *
 * <p>A file found in the cache when the process starts is trusted only after its SHA-256 was checked again
 * (the disk may have damaged it, or someone changed it while the player was stopped): {@link #verifiedFile}
 * checks it on first use, {@link #verifyAll} checks the rest in the background, files that play soon first.
 * A file that fails is deleted, logged once, and reported to {@link #onDamaged} listeners, which fetch it again.
 */
public final class MediaCache {
    private static final Logger log = LoggerFactory.getLogger(MediaCache.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 64 * 1024;
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);

    private final Path dir;
    private final Path partialDir;
    private final long budgetBytes;
    private final Clock clock;
    private final ScheduledExecutorService watchdog;
    private final Duration stallTimeout;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();
    /** Files whose hash this process checked (downloaded, or verified again since start). */
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> checking = new ConcurrentHashMap<>();
    private final List<Consumer<String>> damageListeners = new CopyOnWriteArrayList<>();

    /**
     * @param clock        marks files as used, for the eviction order
     * @param watchdog     runs the check that abandons a download on which no byte arrived for
     *                     {@code stallTimeout} (a network that drops packets without closing the
     *                     connection would otherwise hang the download for good)
     */
    public MediaCache(Path dir, long budgetBytes, Clock clock, ScheduledExecutorService watchdog,
                      Duration stallTimeout) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.partialDir = dir.resolve("partial");
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("cache budget must be positive, was " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
        try {
            Files.createDirectories(partialDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media cache at " + dir, e);
        }
    }

    /** True when the verified file is in the cache. */
    public boolean contains(String sha256) {
        return FileRef.isSha256(sha256) && Files.isRegularFile(dir.resolve(sha256));
    }

    /**
     * The verified file, marked as just used (the eviction order is least recently used first); empty when
     * it is not (yet) in the cache, or when it failed its hash check. A file from before this process started
     * is hashed first, on the calling thread, unless {@link #verifyAll} got to it already. The sha256 is checked
     * before it becomes part of a path.
     */
    public Optional<Path> verifiedFile(String sha256) {
        if (!FileRef.isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = dir.resolve(sha256);
        if (!Files.isRegularFile(file) || !verify(sha256)) {
            return Optional.empty();
        }
        // Playback asks often (on its UI thread); the disk's "last used" time is refreshed at most hourly.
        Instant now = clock.instant();
        Instant touched = lastTouched.get(sha256);
        if (touched == null || touched.plus(TOUCH_EVERY).isBefore(now)) {
            try {
                Files.setLastModifiedTime(file, FileTime.from(now));
                lastTouched.put(sha256, now);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark " + file + " as used", e);
            }
        }
        return Optional.of(file);
    }

    /** Calls {@code listener} with the SHA-256 of each cached file that failed its check and was deleted. */
    public void onDamaged(Consumer<String> listener) {
        damageListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Checks the SHA-256 of a cached file once per process: true when it matches (or was checked before);
     * false when the file is missing, or did not match and was deleted.
     */
    public boolean verify(String sha256) {
        if (checked.contains(sha256)) {
            return true;
        }
        if (!FileRef.isSha256(sha256)) {
            return false;
        }
        synchronized (checking.computeIfAbsent(sha256, k -> new Object())) {
            if (checked.contains(sha256)) {
                return true;
            }
            Path file = dir.resolve(sha256);
            String actual;
            try {
                MessageDigest digest = sha256();
                digestExisting(file, digest);
                actual = HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cached file " + file, e);
            }
            if (actual.equals(sha256)) {
                checked.add(sha256);
                return true;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the damaged cached file " + file, e);
            }
            lastTouched.remove(sha256);
            log.warn("cached file {} fails its SHA-256 check (its bytes hash to {}): deleted, it will be "
                    + "downloaded again", sha256, actual);
        }
        damageListeners.forEach(l -> l.accept(sha256));
        return false;
    }

    /**
     * Checks every cached file not yet checked, on {@code executor}: first those in {@code first} (what plays
     * now and next), in that order, then the rest. The future completes when all were checked.
     */
    public CompletableFuture<Void> verifyAll(List<String> first, Executor executor) {
        return CompletableFuture.runAsync(() -> {
            first.forEach(this::verify);
            try {
                entries().forEach(e -> verify(e.sha256()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the media cache " + dir, e);
            }
        }, executor).whenComplete((done, error) -> {
            if (error != null) {
                log.error("checking the cached files failed; unchecked files are checked before they play", error);
            }
        });
    }

    /** The temp file a download of this file writes to (exposed for tests and cleanup). */
    public Path partialFile(String sha256) {
        return partialDir.resolve(sha256 + ".part");
    }

    /**
     * Makes sure the file is in the cache: does nothing when it is, otherwise downloads it (resuming an
     * earlier partial download), verifies size and SHA-256 and moves it into place.
     *
     * @throws HashMismatchException when the bytes are not the file asked for (the partial file is deleted)
     * @throws IOException           when the download was cut or refused (the partial file stays, to resume)
     */
    public void download(FileRef file, MediaSource source) throws IOException, InterruptedException {
        String sha = file.sha256();
        if (contains(sha)) {
            return;
        }
        Path part = partialFile(sha);
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > file.size()) {
            log.warn("partial file {} is longer than the file ({} > {} bytes); starting over", part, have, file.size());
            Files.delete(part);
            have = 0;
        }
        MessageDigest digest = sha256();
        if (have > 0) {
            digestExisting(part, digest);
        }
        if (have < file.size()) {
            have = fetch(file, source, part, have, digest);
        }
        if (have != file.size()) {
            throw new IOException("download of " + sha + " stopped after " + have + " of " + file.size() + " bytes");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha)) {
            Files.deleteIfExists(part);
            throw new HashMismatchException(sha, actual);
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        AtomicFiles.moveDurably(part, dir.resolve(sha));
        checked.add(sha);
        Files.setLastModifiedTime(dir.resolve(sha), FileTime.from(clock.instant()));
        log.info("cached {} ({} bytes, verified)", sha, file.size());
    }

    /** Fetches the rest of the file into {@code part}; returns how many bytes the part file now holds. */
    private long fetch(FileRef file, MediaSource source, Path part, long have, MessageDigest digest)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = source.open(file.sha256(), have);
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            boolean append;
            if (status == 206 && have > 0) {
                long start = rangeStart(response);
                if (start != have) {
                    throw new IOException("asked for bytes from " + have + ", server sent from " + start);
                }
                append = true;
            } else if (status == 200 || status == 206) {
                if (have > 0) {
                    log.info("server sent the whole of {} instead of a range; starting over", file.sha256());
                }
                digest.reset();
                have = 0;
                append = false;
            } else if (status == 416) {
                // The partial file no longer fits the server's file: start again from nothing next time.
                Files.deleteIfExists(part);
                throw new IOException("server refused range from " + have + " of " + file.sha256() + " (416)");
            } else {
                throw new IOException("server answered " + status + " for media " + file.sha256());
            }
            var options = append
                    ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING};
            StallGuard guard = new StallGuard(in);
            try (FileChannel out = FileChannel.open(part, options)) {
                have = copy(in, out, guard, file, part, have, digest);
            } catch (IOException | InterruptedException e) {
                guard.close();
                if (guard.stalled) {
                    throw new IOException("no data for " + stallTimeout + " while downloading " + file.sha256()
                            + "; will resume", e);
                }
                throw e;
            } finally {
                guard.close();
                if (guard.stalled) {
                    Thread.interrupted();   // the guard's interrupt, not a request to stop
                }
            }
        }
        return have;
    }

    private long copy(InputStream in, FileChannel out, StallGuard guard, FileRef file, Path part, long have,
                      MessageDigest digest) throws IOException, InterruptedException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            guard.progress();
            if (have + n > file.size()) {
                out.close();
                Files.deleteIfExists(part);
                throw new IOException("server sent more than the " + file.size() + " bytes of " + file.sha256());
            }
            ByteBuffer buf = ByteBuffer.wrap(buffer, 0, n);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            digest.update(buffer, 0, n);
            have += n;
            if (Thread.interrupted()) {
                throw new InterruptedException("download of " + file.sha256() + " interrupted");
            }
        }
        return have;
    }

    /**
     * Watches one download: when no byte arrived for the stall timeout, closes the stream and interrupts
     * the reading thread (the JDK's HTTP body stream has no read timeout of its own).
     */
    private final class StallGuard {
        private final InputStream in;
        private final Thread reader = Thread.currentThread();
        private final ScheduledFuture<?> check;
        private volatile long lastProgress = System.nanoTime();
        private boolean done;
        private volatile boolean stalled;

        StallGuard(InputStream in) {
            this.in = in;
            long period = Math.max(50, stallTimeout.toMillis() / 4);
            this.check = watchdog.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        private synchronized void check() {
            if (done || System.nanoTime() - lastProgress < stallTimeout.toNanos()) {
                return;
            }
            done = true;
            stalled = true;
            log.warn("download stalled: nothing arrived for {}; abandoning it for now", stallTimeout);
            try {
                in.close();
            } catch (IOException e) {
                log.debug("closing a stalled download", e);
            }
            reader.interrupt();
        }

        synchronized void close() {
            done = true;
            check.cancel(false);
        }
    }

    private static long rangeStart(HttpResponse<?> response) throws IOException {
        String header = response.headers().firstValue("Content-Range")
                .orElseThrow(() -> new IOException("206 answer without Content-Range"));
        Matcher m = CONTENT_RANGE.matcher(header.trim());
        if (!m.matches()) {
            throw new IOException("unreadable Content-Range: " + header);
        }
        return Long.parseLong(m.group(1));
    }

    private static void digestExisting(Path part, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
    }

    /**
     * Frees space: deletes partial downloads nobody needs, then, while the cache is above its budget,
     * verified files not in {@code keep}, least recently used first. Files in {@code keep} are never
     * deleted, even when they alone exceed the budget.
     *
     * @return the SHA-256s of the files deleted
     */
    public List<String> evict(Set<String> keep) throws IOException {
        try (Stream<Path> parts = Files.list(partialDir)) {
            for (Path p : parts.toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".part") || !keep.contains(name.substring(0, name.length() - 5))) {
                    Files.deleteIfExists(p);
                }
            }
        }
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::size).sum();
        List<String> evicted = new ArrayList<>();
        var candidates = entries.stream()
                .filter(e -> !keep.contains(e.sha256()))
                .sorted(Comparator.comparing(Entry::lastUsed))
                .toList();
        for (Entry e : candidates) {
            if (total <= budgetBytes) {
                break;
            }
            Files.deleteIfExists(dir.resolve(e.sha256()));
            lastTouched.remove(e.sha256());
            checked.remove(e.sha256());
            total -= e.size();
            evicted.add(e.sha256());
        }
        if (!evicted.isEmpty()) {
            AtomicFiles.forceDirectory(dir);
            log.info("evicted {} unused media files to stay within {} bytes", evicted.size(), budgetBytes);
        }
        if (total > budgetBytes) {
            log.warn("the media of the current plan need {} bytes, more than the cache budget of {}", total, budgetBytes);
        }
        return evicted;
    }

    public CacheStats stats() {
        try {
            List<Entry> entries = entries();
            return new CacheStats(entries.size(), entries.stream().mapToLong(Entry::size).sum(), budgetBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the media cache " + dir, e);
        }
    }

    private List<Entry> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Entry> entries = new ArrayList<>();
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (FileRef.isSha256(name) && Files.isRegularFile(p)) {
                    entries.add(new Entry(name, Files.size(p), Files.getLastModifiedTime(p)));
                }
            }
            return entries;
        }
    }

    private record Entry(String sha256, long size, FileTime lastUsed) {
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
