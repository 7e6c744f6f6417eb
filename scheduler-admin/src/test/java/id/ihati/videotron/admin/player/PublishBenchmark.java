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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark (not a test): the time from a schedule change ({@code PlayerEvents.scheduleChanged()}, what a
 * publish calls after its transaction) to the moment each connected SSE client sends its manifest request,
 * and until it has the new manifest, for several numbers of clients on loopback. Clients spread over the
 * screens; every round changes every screen. Run with
 * {@code bin/bench-publish [clientCounts=1,100,1000] [rounds=20] [screens=10] [h2|postgres]}.
 */
public final class PublishBenchmark {
    public static void main(String[] args) throws Exception {
        int[] counts = Arrays.stream((args.length > 0 ? args[0] : "1,100,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int screens = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean postgres = args.length > 3 && args[3].equals("postgres");
        try (TestAdmin admin = postgres ? TestAdmin.postgres() : TestAdmin.h2()) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < screens; i++) {
                TestScreens.create(admin, TestScreens.profile("pub-" + i));
                tokens.add(TestScreens.pairDirectly(admin, "pub-" + i));
            }
            System.out.printf("%d screens, %d rounds per client count, %s%n", screens, rounds,
                    postgres ? "PostgreSQL" : "H2");
            for (int n : counts) {
                measure(admin, tokens, n, rounds);
            }
            System.exit(0);
        }
    }

    /** One SSE client: on each {@code manifest} event it fetches the manifest, as the player does. */
    static final class Client implements Flow.Subscriber<String> {
        final HttpClient http;
        final String base;
        final String token;
        final AtomicInteger events = new AtomicInteger();
        final AtomicReference<Round> round = new AtomicReference<>();
        String event;
        volatile Flow.Subscription subscription;

        Client(HttpClient http, String base, String token) {
            this.http = http;
            this.base = base;
            this.token = token;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.isEmpty() && "manifest".equals(event)) {
                event = null;
                events.incrementAndGet();
                Round r = round.getAndSet(null);
                if (r != null) {
                    long asked = System.nanoTime();
                    r.asked.add(asked - r.t0);
                    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/player/manifest"))
                                    .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").GET()
                                    .build(), HttpResponse.BodyHandlers.ofByteArray())
                            .whenComplete((res, err) -> {
                                if (err == null && res.statusCode() == 200) {
                                    r.fetched.add(System.nanoTime() - r.t0);
                                }
                                r.done.countDown();
                            });
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            System.err.println("stream failed: " + t);
        }

        @Override
        public void onComplete() {
        }
    }

    static final class Round {
        final long t0;
        final CountDownLatch done;
        final ConcurrentLinkedQueue<Long> asked = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> fetched = new ConcurrentLinkedQueue<>();

        Round(long t0, int clients) {
            this.t0 = t0;
            this.done = new CountDownLatch(clients);
        }
    }

    static void measure(TestAdmin admin, List<String> tokens, int n, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(10)).build();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Client c = new Client(http, admin.baseUrl(), tokens.get(i % tokens.size()));
            clients.add(c);
            http.sendAsync(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/player/events"))
                    .header("Authorization", "Bearer " + c.token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(c));
        }
        // every client has its hello event (the hash on connect) before the rounds start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (clients.stream().anyMatch(c -> c.events.get() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        int connected = (int) clients.stream().filter(c -> c.events.get() > 0).count();
        List<Long> asked = new ArrayList<>();
        List<Long> fetched = new ArrayList<>();
        int missed = 0;
        var s = admin.services();
        for (int r = 0; r < rounds; r++) {
            int round = r;
            s.jdbi.useHandle(h -> h.createUpdate("UPDATE screen SET name = :n").bind("n", "Videotron " + round)
                    .execute());
            Round current = new Round(System.nanoTime(), connected);
            clients.stream().filter(c -> c.events.get() > 0).forEach(c -> c.round.set(current));
            long t0 = System.nanoTime();
            s.playerEvents.scheduleChanged();
            if (!current.done.await(10, TimeUnit.SECONDS)) {
                missed += (int) current.done.getCount();
            }
            long shift = t0 - current.t0; // measure from the scheduleChanged() call, not from arming the clients
            current.asked.forEach(x -> asked.add(x - shift));
            current.fetched.forEach(x -> fetched.add(x - shift));
            clients.forEach(c -> c.round.set(null));
            Thread.sleep(300);
        }
        System.out.printf("%5d clients (%d connected): change -> manifest request ms p50 %.1f p95 %.1f p99 %.1f max %.1f;"
                        + " -> manifest received p99 %.1f; missed %d of %d%n", n, connected, pct(asked, 50),
                pct(asked, 95), pct(asked, 99), pct(asked, 100), pct(fetched, 99), missed, connected * rounds);
        // hang up, so the next measurement has only its own clients
        clients.forEach(c -> {
            if (c.subscription != null) {
                c.subscription.cancel();
            }
        });
        Thread.sleep(1000);
    }

    static double pct(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = (int) Math.min(a.length - 1, Math.max(0, Math.ceil(p / 100.0 * a.length) - 1));
        return a[i] / 1e6;
    }
}
