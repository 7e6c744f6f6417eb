package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.testing.ChildServer;
import id.ihati.videotron.admin.testing.KillablePostgres;
import id.ihati.videotron.admin.testing.Nginx;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a test): a fleet of simulated players against real server processes, as issue 15 asks. Each player
 * holds an event stream, sends a heartbeat every 30 s, checks its manifest (If-None-Match) and sends a proof-of-play
 * batch of 5 records every minute; every {@code publishEvery} seconds a change of every screen is committed (screens
 * renamed, the change counter counted up, as a publish does; PostgreSQL notifies the nodes) and each player fetches
 * its new manifest when its {@code manifest} event arrives. The servers are child processes (the real {@code Main},
 * -Xmx1g as the package's unit) on one PostgreSQL (fsync on); with 2 nodes the players go through nginx running
 * docs/nginx-ihati.conf. Prints latency percentiles, errors, and the servers' resident size and CPU.
 * Run with {@code bin/bench-fleet [players=10000] [seconds=600] [nodes=1] [publishEvery=120]}.
 */
public final class FleetBenchmark {
    static final ConcurrentLinkedQueue<Long> heartbeat = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> manifestCheck = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> plays = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> toRequest = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Long> toReceived = new ConcurrentLinkedQueue<>();
    static final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    static volatile long publishedAt;
    static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int publishEvery = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        Path tmp = Files.createTempDirectory("ihati-fleet");
        try (KillablePostgres pg = KillablePostgres.start(tmp.resolve("pg"))) {
            String url = pg.createDatabase("fleet");
            List<String[]> fleet = new ArrayList<>(); // screen id, device token
            Path dataDir;
            long t0 = System.nanoTime();
            try (TestAdmin seed = TestAdmin.start(url, Clock.systemUTC())) {
                for (int i = 0; i < players; i++) {
                    String id = "fleet-" + i;
                    TestScreens.create(seed, TestScreens.profile(id));
                    fleet.add(new String[] {id, TestScreens.pairDirectly(seed, id)});
                }
                dataDir = seed.services().config.dataDir();
            }
            System.out.printf("%d screens paired in %d s%n", players, (System.nanoTime() - t0) / 1_000_000_000L);
            List<String> args0 = List.of("--port", "0", "--data-dir", dataDir.toString(), "--jdbc-url", url,
                    "--db-user", "postgres", "--db-password", "postgres", "--trusted-proxies", "127.0.0.1");
            List<ChildServer> servers = new ArrayList<>();
            Nginx nginx = null;
            try {
                for (int n = 0; n < nodes; n++) {
                    servers.add(ChildServer.start(tmp.resolve("node-" + n + ".log"),
                            List.of("-Xms256m", "-Xmx1g"), args0));
                }
                String base = servers.get(0).baseUrl();
                if (nodes == 2) {
                    nginx = Nginx.start(Files.createDirectories(tmp.resolve("nginx")),
                            URI.create(servers.get(0).baseUrl()).getPort(),
                            URI.create(servers.get(1).baseUrl()).getPort(), 4 * players + 1024);
                    base = nginx.baseUrl();
                }
                run(base, fleet, seconds, publishEvery, url, servers);
            } finally {
                if (nginx != null) {
                    nginx.close();
                }
                servers.forEach(ChildServer::close);
            }
        }
        System.exit(0);
    }

    private static void run(String base, List<String[]> fleet, int seconds, int publishEvery, String url,
                            List<ChildServer> servers) throws Exception {
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < Math.max(1, fleet.size() / 500); i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build());
        }
        List<Player> all = new ArrayList<>();
        for (int i = 0; i < fleet.size(); i++) {
            all.add(new Player(clients.get(i % clients.size()), base, fleet.get(i)[0], fleet.get(i)[1]));
        }
        long connectStart = System.nanoTime();
        for (Player p : all) {
            p.connect();
            ThreadLocalRandom r = ThreadLocalRandom.current();
            timers.scheduleAtFixedRate(p::heartbeat, r.nextLong(30_000), 30_000, TimeUnit.MILLISECONDS);
            timers.scheduleAtFixedRate(p::checkManifest, r.nextLong(60_000), 60_000, TimeUnit.MILLISECONDS);
            timers.scheduleAtFixedRate(p::sendPlays, r.nextLong(60_000), 60_000, TimeUnit.MILLISECONDS);
        }
        System.out.printf("%d event streams asked for in %d ms%n", all.size(), (System.nanoTime() - connectStart) / 1_000_000);
        List<long[]> cpu0 = servers.stream().map(s -> new long[] {cpuTicks(s.pid()), System.nanoTime()}).toList();
        long maxRss = 0;
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long nextPublish = System.nanoTime() + Duration.ofSeconds(Math.min(publishEvery, seconds / 2)).toNanos();
        int publishes = 0;
        try (var db = DriverManager.getConnection(url, "postgres", "postgres")) {
            while (System.nanoTime() < end) {
                for (ChildServer s : servers) {
                    maxRss = Math.max(maxRss, rssKb(s.pid()));
                }
                if (System.nanoTime() >= nextPublish) {
                    try (var st = db.createStatement()) {
                        st.executeUpdate("UPDATE screen SET name = 'Videotron " + (++publishes) + "'");
                        publishedAt = System.nanoTime();
                        st.executeUpdate("UPDATE player_sync SET generation = generation + 1 WHERE id = 1");
                    }
                    nextPublish += Duration.ofSeconds(publishEvery).toNanos();
                }
                TimeUnit.SECONDS.sleep(1); // a benchmark's sampling tick, not a test's wait
            }
        }
        timers.shutdownNow();
        long connected = all.stream().filter(p -> p.open).count();
        System.out.printf("%n%d players, %d s, %d node(s), %d publishes; streams open at the end: %d%n", fleet.size(),
                seconds, servers.size(), publishes, connected);
        print("heartbeat", heartbeat);
        print("manifest check (304)", manifestCheck);
        print("proof-of-play batch", plays);
        print("publish -> manifest request", toRequest);
        print("publish -> manifest received", toReceived);
        System.out.printf("errors: %s%n", errors.isEmpty() ? "0" : errors);
        for (int i = 0; i < servers.size(); i++) {
            double cpuSeconds = (cpuTicks(servers.get(i).pid()) - cpu0.get(i)[0]) / 100.0;
            double wall = (System.nanoTime() - cpu0.get(i)[1]) / 1e9;
            System.out.printf("node %d: CPU %.0f %% of one core on average%n", i, 100 * cpuSeconds / wall);
        }
        System.out.printf("largest server RSS: %d MB%n", maxRss / 1024);
    }

    static void print(String what, ConcurrentLinkedQueue<Long> nanos) {
        List<Long> v = new ArrayList<>(nanos);
        if (v.isEmpty()) {
            System.out.printf("%-30s none%n", what);
            return;
        }
        Collections.sort(v);
        System.out.printf("%-30s n=%d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms%n", what, v.size(), ms(v, 0.50),
                ms(v, 0.95), ms(v, 0.99), v.get(v.size() - 1) / 1e6);
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static long rssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            error("rss " + e.getClass().getSimpleName());
        }
        return 0;
    }

    /** utime + stime of the process, in clock ticks (1/100 s on Linux). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** One simulated player: its event stream and its periodic requests, all asynchronous. */
    static final class Player implements Flow.Subscriber<String> {
        final HttpClient http;
        final String base;
        final String screenId;
        final String token;
        volatile String etag = "";
        volatile boolean open;
        String event;
        String head = PlayRecord.GENESIS;
        long seq = 1;

        Player(HttpClient http, String base, String screenId, String token) {
            this.http = http;
            this.base = base;
            this.screenId = screenId;
            this.token = token;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
        }

        void connect() {
            http.sendAsync(request("/api/v1/player/events").timeout(Duration.ofDays(1))
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(this))
                    .whenComplete((r, e) -> {
                        open = false;
                        if (e != null || r.statusCode() != 200) {
                            error("events " + (e != null ? e.getClass().getSimpleName() : r.statusCode()));
                        }
                    });
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            open = true;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.isEmpty()) {
                if ("manifest".equals(event) && publishedAt != 0) {
                    fetchManifest(publishedAt);
                }
                event = null;
            }
        }

        @Override
        public void onError(Throwable t) {
            open = false;
        }

        @Override
        public void onComplete() {
            open = false;
        }

        void fetchManifest(long since) {
            toRequest.add(System.nanoTime() - since);
            timed(request("/api/v1/player/manifest").header("Accept-Encoding", "gzip").GET().build(), "manifest", r -> {
                toReceived.add(System.nanoTime() - since);
                r.headers().firstValue("ETag").ifPresent(t -> etag = t);
            }, null);
        }

        void checkManifest() {
            timed(request("/api/v1/player/manifest").header("If-None-Match", etag).header("Accept-Encoding", "gzip")
                    .GET().build(), "manifest check", r -> r.headers().firstValue("ETag").ifPresent(t -> etag = t),
                    manifestCheck);
        }

        void heartbeat() {
            timed(request("/api/v1/player/heartbeat").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"status":"PLAYING","playerVersion":"0.1.0","manifestHash":"%s","freeDiskBytes":12000000000,
                             "sentAt":"%s"}""".formatted(etag.replace("\"", ""), Instant.now()))).build(),
                    "heartbeat", r -> { }, heartbeat);
        }

        synchronized void sendPlays() {
            List<PlayRecord> records = new ArrayList<>();
            Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
            String prev = head;
            for (int k = 0; k < 5; k++) {
                PlayRecord r = PlayRecord.chained(UUID.randomUUID().toString(), screenId, seq + k, "m-fleet",
                        "b-fleet", Category.HEALTH, t, t.plusSeconds(10), t, t.plusSeconds(10), true, null, prev);
                records.add(r);
                prev = r.hash();
                t = t.plusSeconds(10);
            }
            head = prev;
            seq += 5;
            String body;
            try {
                body = JSON.writeValueAsString(Map.of("records", records));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            timed(request("/api/v1/player/plays").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "plays", r -> { }, plays);
        }

        void timed(HttpRequest req, String kind, java.util.function.Consumer<HttpResponse<Void>> ok,
                   ConcurrentLinkedQueue<Long> into) {
            long t0 = System.nanoTime();
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null) {
                    error(kind + " " + e.getClass().getSimpleName());
                } else if (r.statusCode() >= 400) {
                    error(kind + " " + r.statusCode());
                } else {
                    if (into != null) {
                        into.add(System.nanoTime() - t0);
                    }
                    ok.accept(r);
                }
            });
        }
    }
}
