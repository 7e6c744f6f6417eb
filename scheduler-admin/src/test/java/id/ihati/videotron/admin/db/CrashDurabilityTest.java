package id.ihati.videotron.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.ChildServer;
import id.ihati.videotron.admin.testing.KillablePostgres;
import id.ihati.videotron.admin.testing.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process ({@code Main} in its own JVM, demo data) is killed with {@code kill -9} while staff and a
 * player write to it, and restarted on the same data: every write it acknowledged is there, and it starts cleanly.
 * On PostgreSQL the second kill takes the database server down too (all its processes, SIGKILL), and it recovers
 * from its own log. The figures are printed (and recorded in docs/operations.md).
 * It owns its server process ({@code ChildServer}), not the shared {@code TestAdmin}: it must kill it.
 */
class CrashDurabilityTest {
    private static final Duration WRITING = Duration.ofSeconds(4);

    @TempDir
    Path tmp;

    @Test
    void onH2EveryAcknowledgedWriteSurvivesTwoKillNines() throws Exception {
        List<String> args = List.of("--port", "0", "--data-dir", tmp.resolve("data").toString(), "--demo");
        rounds("H2", args, null);
    }

    @Test
    void onPostgresEveryAcknowledgedWriteSurvivesKillNineOfTheServerAndOfTheDatabase() throws Exception {
        try (var postgres = KillablePostgres.start(tmp.resolve("pgdata"))) {
            assertThat(postgres.setting("fsync")).isEqualTo("on");
            assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
            String url = postgres.createDatabase("ihati_crash");
            List<String> args = List.of("--port", "0", "--data-dir", tmp.resolve("data").toString(), "--demo",
                    "--jdbc-url", url, "--db-user", "postgres", "--db-password", "postgres");
            rounds("PostgreSQL", args, postgres);
        }
    }

    /** Two rounds of writing, kill -9 and restart; on PostgreSQL the second kills the database as well. */
    private void rounds(String database, List<String> args, KillablePostgres postgres) throws Exception {
        ChildServer server = ChildServer.start(tmp.resolve("server-0.log"), args);
        try {
            Workload load = Workload.on(server.baseUrl());
            for (int round = 1; round <= 2; round++) {
                var stop = new AtomicBoolean();
                Map<String, Integer> before = load.acknowledged();
                List<Thread> writers = load.start(stop);
                writeUntilEachKindAcknowledged(load, before, writers);
                server.kill();
                boolean databaseKilled = postgres != null && round == 2;
                if (databaseKilled) {
                    postgres.kill();
                    postgres.restart();
                }
                stop.set(true);
                join(writers, Duration.ofSeconds(30));
                assertThat(writers).noneMatch(Thread::isAlive);

                server = ChildServer.start(tmp.resolve("server-" + round + ".log"), args);
                load.moveTo(server.baseUrl());
                Workload.Figures figures = load.check();
                System.out.printf("%s round %d (kill -9 of the server%s): acknowledged/found %s%n", database, round,
                        databaseKilled ? " and of PostgreSQL" : "", figures);
                assertThat(figures.missing()).as("acknowledged writes missing after the kill").isEmpty();
                assertThat(figures.acknowledged().values()).as("each kind of write was acknowledged")
                        .allMatch(n -> n > 0);
                assertThat(server.log()).as("the restarted server's log").doesNotContain(" ERROR ")
                        .doesNotContain("Exception");
            }
        } finally {
            server.close();
        }
    }

    /**
     * Lets the writers write for {@link #WRITING}, and longer (up to a minute) until each kind of write was
     * acknowledged at least once in this round, so the kill always falls among writes of every kind.
     */
    private static void writeUntilEachKindAcknowledged(Workload load, Map<String, Integer> before,
                                                       List<Thread> writers) throws InterruptedException {
        long start = System.nanoTime();
        long limit = start + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < limit) {
            Map<String, Integer> now = load.acknowledged();
            boolean everyKind = now.keySet().stream().allMatch(k -> now.get(k) > before.get(k));
            if (everyKind && System.nanoTime() - start >= WRITING.toNanos()) {
                return;
            }
            assertThat(writers).as("writers still writing").allMatch(Thread::isAlive);
            writers.get(0).join(50); // a timed wait between looks at the counts
        }
        throw new AssertionError("not every kind of write was acknowledged within a minute: " + load.acknowledged());
    }

    /** Waits for the writers to end, at most {@code limit} (they end when the server dies). */
    private static void join(List<Thread> writers, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        for (Thread t : new ArrayList<>(writers)) {
            long left = end - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }
}
