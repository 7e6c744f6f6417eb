package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (not a test): many simulated players polling {@code GET /api/v1/player/manifest} on loopback, most
 * with the ETag they hold (304), some without (200, gzip). Prints requests/s and latency percentiles.
 * Run with {@code bin/bench-manifest [screens] [players] [concurrency] [seconds] [percentUnconditional] [h2|postgres]}.
 */
public final class ManifestBenchmark {
    public static void main(String[] args) throws Exception {
        int screens = arg(args, 0, 20);
        int players = arg(args, 1, 500);
        int concurrency = arg(args, 2, 32);
        int seconds = arg(args, 3, 20);
        int unconditional = arg(args, 4, 10);
        boolean postgres = args.length > 5 && args[5].equals("postgres");
        try (TestAdmin admin = postgres ? TestAdmin.postgres() : TestAdmin.h2()) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < screens; i++) {
                String id = "bench-" + i;
                TestScreens.create(admin, TestScreens.profile(id));
                tokens.add(TestScreens.pairDirectly(admin, id));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            String url = admin.baseUrl() + "/api/v1/player/manifest";
            // every player (many per screen, as if several screens shared a token) learns its ETag first
            String[] etags = new String[screens];
            for (int i = 0; i < screens; i++) {
                etags[i] = get(http, url, tokens.get(i), null).headers().firstValue("ETag").orElseThrow();
            }
            System.out.printf("%d screens, %d simulated players, %d concurrent, %d s, %d%% unconditional, %s%n",
                    screens, players, concurrency, seconds, unconditional, postgres ? "PostgreSQL" : "H2");
            run(http, url, tokens, etags, players, concurrency, 5, unconditional); // warm-up
            Result r = run(http, url, tokens, etags, players, concurrency, seconds, unconditional);
            System.out.printf("requests: %d (200: %d, 304: %d, other: %d) in %d s = %.0f req/s%n", r.count(),
                    r.ok(), r.notModified(), r.other(), seconds, r.count() / (double) seconds);
            System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", r.pct(50), r.pct(95), r.pct(99),
                    r.pct(100));
            System.exit(0);
        }
    }

    record Result(long[] nanos, int count, int ok, int notModified, int other) {
        double pct(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }
    }

    static Result run(HttpClient http, String url, List<String> tokens, String[] etags, int players, int concurrency,
                      int seconds, int unconditional) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger notModified = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            parts.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                var rnd = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int player = rnd.nextInt(players);
                    int screen = player % tokens.size();
                    boolean conditional = rnd.nextInt(100) >= unconditional;
                    long t0 = System.nanoTime();
                    var res = get(http, url, tokens.get(screen), conditional ? etags[screen] : null);
                    long t = System.nanoTime() - t0;
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t;
                    (res.statusCode() == 200 ? ok : res.statusCode() == 304 ? notModified : other).incrementAndGet();
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        long[] all = new long[0];
        for (var f : parts) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new Result(all, all.length, ok.get(), notModified.get(), other.get());
    }

    static HttpResponse<byte[]> get(HttpClient http, String url, String token, String etag) {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", "gzip").GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
