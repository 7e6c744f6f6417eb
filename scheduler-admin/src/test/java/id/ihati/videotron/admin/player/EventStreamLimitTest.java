package id.ihati.videotron.admin.player;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At most two event streams per device token in the whole cluster: two server nodes on one PostgreSQL database
 * agree, the newest streams win and the oldest are closed, on whichever node they are (issue 12 part 8).
 */
class EventStreamLimitTest {
    static TestAdmin nodeA;
    static TestAdmin nodeB;

    @BeforeAll
    static void start() {
        nodeA = TestAdmin.postgres();
        nodeB = nodeA.secondNode();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    static TestPlayer.EventStream open(TestPlayer player) throws InterruptedException {
        var s = player.events();
        assertThat(s.status).isEqualTo(200);
        assertThat(s.next("manifest", Duration.ofSeconds(10))).as("a new stream is told the manifest").isNotNull();
        return s;
    }

    static boolean closedWithin(TestPlayer.EventStream s, Duration d) throws InterruptedException {
        return s.next("closed", d) != null;
    }

    @Test
    void aThirdStreamOnEitherNodeClosesTheOldestOnWhicheverNodeItIs() throws Exception {
        String screen = "lim-" + System.nanoTime() % 100000;
        String token = TestScreens.createAndPair(nodeA, TestScreens.profile(screen));
        var onA = new TestPlayer(nodeA.baseUrl(), token);
        var onB = new TestPlayer(nodeB.baseUrl(), token);

        var first = open(onA);
        var second = open(onB);
        assertThat(closedWithin(first, Duration.ofMillis(300))).as("two streams are allowed").isFalse();

        var third = open(onB);   // pushes out the first, which is on the other node
        assertThat(closedWithin(first, Duration.ofSeconds(5))).as("the oldest stream, on node A, is closed").isTrue();

        var fourth = open(onA);  // pushes out the second, on node B
        assertThat(closedWithin(second, Duration.ofSeconds(5))).as("the next oldest, on node B, is closed").isTrue();

        assertThat(closedWithin(third, Duration.ofSeconds(2))).as("the two newest stay open").isFalse();
        assertThat(closedWithin(fourth, Duration.ofMillis(100))).isFalse();
        assertThat(nodeA.services().playerHub.connected(screen) + nodeB.services().playerHub.connected(screen))
                .isEqualTo(2);
        int rows = nodeA.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM event_stream WHERE screen_id = :s").bind("s", screen).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(2);
        third.close();
        fourth.close();
    }

    @Test
    void manyStreamsOpenedAtOnceOnBothNodesLeaveExactlyTwo() throws Exception {
        String screen = "burst-" + System.nanoTime() % 100000;
        String token = TestScreens.createAndPair(nodeA, TestScreens.profile(screen));
        var players = List.of(new TestPlayer(nodeA.baseUrl(), token), new TestPlayer(nodeB.baseUrl(), token));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var streams = new ArrayList<java.util.concurrent.Future<TestPlayer.EventStream>>();
        try {
            for (int i = 0; i < 40; i++) {
                var p = players.get(i % 2);
                streams.add(pool.submit(p::events));
            }
            var opened = new ArrayList<TestPlayer.EventStream>();
            for (var f : streams) {
                opened.add(f.get());
            }
            // Every stream but two is closed, by its own node, within a few seconds.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int open;
            do {
                open = nodeA.services().playerHub.connected(screen) + nodeB.services().playerHub.connected(screen);
            } while (open > 2 && System.nanoTime() < deadline && pause());
            assertThat(open).isEqualTo(2);
            int rows = nodeA.services().jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM event_stream WHERE screen_id = :s").bind("s", screen)
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(2);
            opened.forEach(TestPlayer.EventStream::close);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits a moment between checks of a condition (no fixed sleep decides the outcome). */
    private static boolean pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        return true;
    }
}
