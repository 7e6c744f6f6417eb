package id.ihati.videotron.player.sync.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.admin.testing.Eventually;
import id.ihati.videotron.playlists.schedule.FileRef;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCacheTest {
    /** A real H.264/AAC clip from the repository's test media. */
    private static final Path VIDEO = Path.of("..", "test-media", "health-with-audio.mp4");

    @TempDir
    Path dir;
    @TempDir
    Path logs;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private FileServer server;
    private byte[] video;
    private FileRef ref;
    private MediaCache cache;

    @BeforeEach
    void setUp() throws Exception {
        server = new FileServer();
        video = Files.readAllBytes(VIDEO);
        ref = new FileRef(sha256(video), video.length);
        server.put(ref.sha256(), video);
        cache = newCache(1_000_000_000L);
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        watchdog.shutdownNow();
    }

    private MediaCache newCache(long budget) {
        return new MediaCache(dir, budget, clock, watchdog, Duration.ofMillis(400));
    }

    @Test
    void downloadsVerifiesAndExposesTheFileUnderItsHash() throws Exception {
        assertThat(cache.verifiedFile(ref.sha256())).isEmpty();

        cache.download(ref, server.source(http));

        Path file = cache.verifiedFile(ref.sha256()).orElseThrow();
        assertThat(file).isEqualTo(dir.resolve(ref.sha256()));
        assertThat(Files.readAllBytes(file)).isEqualTo(video);
        assertThat(cache.partialFile(ref.sha256())).doesNotExist();
    }

    @Test
    void aCutDownloadIsNotExposedAndResumesWithRange() throws Exception {
        server.cutAfterBytes = video.length / 3;
        assertThatThrownBy(() -> cache.download(ref, server.source(http))).isInstanceOf(IOException.class);

        assertThat(cache.verifiedFile(ref.sha256())).isEmpty();
        long kept = Files.size(cache.partialFile(ref.sha256()));
        assertThat(kept).isEqualTo(video.length / 3);

        server.cutAfterBytes = -1;
        cache.download(ref, server.source(http));

        assertThat(server.ranges).containsExactly("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(cache.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
    }

    @Test
    void aStalledDownloadIsAbandonedAfterTheStallTimeoutAndResumes() throws Exception {
        server.stallAfterBytes = video.length / 2;
        long started = System.nanoTime();
        assertThatThrownBy(() -> cache.download(ref, server.source(http)))
                .isInstanceOf(IOException.class).hasMessageContaining("no data for");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(cache.verifiedFile(ref.sha256())).isEmpty();

        server.stallAfterBytes = -1;
        cache.download(ref, server.source(http));

        assertThat(server.ranges).containsExactly("bytes=" + video.length / 2 + "-");
        assertThat(Files.readAllBytes(cache.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
    }

    @Test
    void aServerIgnoringTheRangeStillYieldsTheRightFile() throws Exception {
        server.cutAfterBytes = 10_000;
        assertThatThrownBy(() -> cache.download(ref, server.source(http))).isInstanceOf(IOException.class);
        server.cutAfterBytes = -1;
        server.ignoreRanges = true;

        cache.download(ref, server.source(http));

        assertThat(Files.readAllBytes(cache.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
    }

    @Test
    void bytesWithTheWrongHashAreRejectedAndDeleted() throws Exception {
        byte[] other = video.clone();
        other[other.length / 2] ^= 0x55;
        server.put(ref.sha256(), other);

        assertThatThrownBy(() -> cache.download(ref, server.source(http))).isInstanceOf(HashMismatchException.class);

        assertThat(cache.verifiedFile(ref.sha256())).isEmpty();
        assertThat(cache.partialFile(ref.sha256())).doesNotExist();
        assertThat(dir.resolve(ref.sha256())).doesNotExist();
    }

    @Test
    void aCorruptPartialFileFailsVerificationAndTheNextTryStartsClean() throws Exception {
        // A partial file whose bytes are wrong (say, zeros after a power cut): resuming it cannot verify.
        Files.write(cache.partialFile(ref.sha256()), new byte[1000]);
        assertThatThrownBy(() -> cache.download(ref, server.source(http))).isInstanceOf(HashMismatchException.class);
        assertThat(cache.partialFile(ref.sha256())).doesNotExist();

        cache.download(ref, server.source(http));
        assertThat(Files.readAllBytes(cache.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
    }

    @Test
    void aProcessKilledMidDownloadLeavesOnlyAPartialFileWhichTheNextRunResumes() throws Exception {
        server.millisPerChunk = 50;   // about 160 KB/s: the child is still downloading when it is killed
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", childClassPath(), DownloadInChildJvm.class.getName(),
                dir.toString(), server.base().toString(), ref.sha256(), Long.toString(ref.size()))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("child.log").toFile())
                .start();
        Path part = cache.partialFile(ref.sha256());
        Eventually.await(() -> {
            assertThat(child.isAlive()).as("child still downloading; its log: %s", childLog()).isTrue();
            return sizeOf(part) >= 32 * 1024;
        }, "32 KB of the download in the partial file", Duration.ofSeconds(60));
        child.destroyForcibly().waitFor();
        server.millisPerChunk = 0;

        long kept = Files.size(part);
        assertThat(kept).isBetween(32L * 1024, (long) video.length - 1);
        assertThat(cache.verifiedFile(ref.sha256())).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("partial");
        }

        // The next run (here, in this JVM) resumes where the killed one stopped.
        cache.download(ref, server.source(http));

        assertThat(server.ranges).hasSize(1);
        long resumedFrom = Long.parseLong(server.ranges.get(0).replaceAll("\\D", ""));
        assertThat(resumedFrom).isGreaterThanOrEqualTo(kept);
        assertThat(Files.readAllBytes(cache.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
    }

    @Test
    void evictionDeletesUnusedFilesLeastRecentlyUsedFirstWithinTheBudgetAndKeepsThePlansFiles() throws Exception {
        MediaCache small = newCache(2_500);
        String a = put("a", 1000, "2026-11-20T00:00:00Z");
        String b = put("b", 1000, "2026-11-21T00:00:00Z");
        String c = put("c", 1000, "2026-11-22T00:00:00Z");
        String d = put("d", 1000, "2026-11-19T00:00:00Z");   // oldest, but the plan needs it
        Files.write(small.partialFile(sha256("stale".getBytes())), new byte[10]);

        List<String> evicted = small.evict(Set.of(d));

        // 4000 bytes over a 2500 budget: drop a, then b (the least recently used unused files); keep c and d.
        assertThat(evicted).containsExactly(a, b);
        assertThat(small.contains(c)).isTrue();
        assertThat(small.contains(d)).isTrue();
        assertThat(small.stats().bytes()).isEqualTo(2000);
        assertThat(small.partialFile(sha256("stale".getBytes()))).doesNotExist();
    }

    @Test
    void usingAFileMakesItTheLastToBeEvicted() throws Exception {
        MediaCache small = newCache(1_500);
        String a = put("a", 1000, "2026-11-20T00:00:00Z");
        String b = put("b", 1000, "2026-11-21T00:00:00Z");
        small.verifiedFile(a);   // played just now (the clock says 2026-11-25)

        assertThat(small.evict(Set.of())).containsExactly(b);
    }

    @Test
    void aPathTrickIsNeverResolved() {
        assertThat(cache.verifiedFile("../../etc/passwd")).isEmpty();
        assertThat(cache.contains("../" + ref.sha256())).isFalse();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;   // moved away between the two calls: not there
        }
    }

    private String childLog() {
        try {
            return Files.readString(logs.resolve("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Only what the download needs, so the child JVM starts quickly even on a busy machine. */
    private static String childClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.endsWith("classes") || e.contains("playlists") || e.contains("slf4j") || e.contains("logback"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void aFileDamagedWhileThePlayerWasStoppedIsNeverHandedOutAndIsFetchedAgain() throws Exception {
        cache.download(ref, server.source(http));
        Path file = dir.resolve(ref.sha256());
        byte[] damaged = video.clone();
        damaged[damaged.length / 2] ^= 0x01;   // one bit, same size: only the hash can tell
        Files.write(file, damaged);

        MediaCache restarted = newCache(1_000_000_000L);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        restarted.onDamaged(reported::add);
        assertThat(restarted.contains(ref.sha256())).as("present by name").isTrue();

        assertThat(restarted.verifiedFile(ref.sha256())).isEmpty();
        assertThat(restarted.verifiedFile(ref.sha256())).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(reported).containsExactly(ref.sha256());

        restarted.download(ref, server.source(http));
        assertThat(Files.readAllBytes(restarted.verifiedFile(ref.sha256()).orElseThrow())).isEqualTo(video);
        assertThat(reported).hasSize(1);
    }

    @Test
    void atStartTheFilesNeededFirstAreCheckedFirstThenTheRestOnTheGivenExecutor() throws Exception {
        String first = put("a", 1000, "2026-11-20T00:00:00Z");
        String later = put("b", 1000, "2026-11-20T00:00:00Z");
        String intact = put("c", 1000, "2026-11-20T00:00:00Z");
        for (String sha : List.of(first, later)) {
            Files.write(dir.resolve(sha), new byte[1000]);   // damaged: no longer the bytes it is named for
        }
        MediaCache restarted = newCache(1_000_000_000L);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        restarted.onDamaged(reported::add);
        var ran = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor executor = task -> {
            ran.incrementAndGet();
            task.run();
        };

        restarted.verifyAll(List.of(later), executor).get(10, TimeUnit.SECONDS);

        assertThat(ran).hasValue(1);
        assertThat(reported).containsExactly(later, first);
        assertThat(restarted.verifiedFile(intact)).isPresent();
        assertThat(restarted.verifiedFile(first)).isEmpty();
        assertThat(reported).hasSize(2);
    }

    private String put(String seed, int size, String lastUsed) throws Exception {
        byte[] content = new byte[size];
        content[0] = (byte) seed.charAt(0);
        String sha = sha256(content);
        Path file = dir.resolve(sha);
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(lastUsed)));
        return sha;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
