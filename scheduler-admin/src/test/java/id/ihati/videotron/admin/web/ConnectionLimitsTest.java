package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real sockets against the real server: a client trickling its headers is dropped after 10 s, an idle kept-alive
 * connection after 60 s, and a player's event stream stays open past both (its pings are traffic). Takes about
 * 75 s of waiting (the limits themselves), run in parallel, not in sequence.
 */
class ConnectionLimitsTest {
    static TestAdmin admin;
    static final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
    }

    @AfterAll
    static void stop() {
        trickle.shutdownNow();
        admin.close();
    }

    /** Seconds from {@code t0} until the server closed the socket (end of stream or reset). */
    static double secondsUntilClosed(Socket socket, long t0) {
        try (var in = socket.getInputStream()) {
            byte[] buf = new byte[8192];
            while (true) {
                if (in.read(buf) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    @Test
    void slowHeadersAreDroppedAfter10sIdleConnectionsAfter60sAndEventStreamsStayOpen() throws Exception {
        String token = TestScreens.createAndPair(admin, TestScreens.profile("limits-layar"));

        // 1. Headers trickled one line every 2 s: the idle timeout alone would never fire.
        var slow = new Socket("127.0.0.1", admin.port());
        slow.setSoTimeout(120_000);
        long t0 = System.nanoTime();
        OutputStream slowOut = slow.getOutputStream();
        slowOut.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
        slowOut.flush();
        var dripping = trickle.scheduleAtFixedRate(() -> {
            try {
                slowOut.write("X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII));
                slowOut.flush();
            } catch (IOException closed) {
                throw new IllegalStateException("closed", closed); // ends the repetition
            }
        }, 2, 2, TimeUnit.SECONDS);
        var slowClosed = CompletableFuture.supplyAsync(() -> secondsUntilClosed(slow, t0));

        // 2. One complete request answered, then nothing: kept alive, then closed as idle.
        var idle = new Socket("127.0.0.1", admin.port());
        idle.setSoTimeout(120_000);
        long t1 = System.nanoTime();
        idle.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        var idleClosed = CompletableFuture.supplyAsync(() -> secondsUntilClosed(idle, t1));

        // 3. A player's event stream.
        var stream = new Socket("127.0.0.1", admin.port());
        stream.setSoTimeout(120_000);
        long t2 = System.nanoTime();
        stream.getOutputStream().write(("GET /api/v1/player/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        var pingAfterIdleLimit = CompletableFuture.supplyAsync(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    double at = (System.nanoTime() - t2) / 1e9;
                    if (line.startsWith(": ping") && at > ConnectionLimits.IDLE.toSeconds() + 1) {
                        return at;
                    }
                }
                return -1.0;
            } catch (IOException e) {
                return -1.0;
            }
        });

        double slowAt = slowClosed.get(30, TimeUnit.SECONDS);
        dripping.cancel(true);
        assertThat(slowAt).as("slow-header client dropped after (s)").isBetween(9.5, 14.0);
        assertThat(idleClosed.isDone()).as("the idle connection is still open at 10 s").isFalse();

        double idleAt = idleClosed.get(90, TimeUnit.SECONDS);
        assertThat(idleAt).as("idle connection closed after (s)").isBetween(59.5, 66.0);
        assertThat(pingAfterIdleLimit.isDone()).as("the event stream has not ended").isFalse();

        double pingAt = pingAfterIdleLimit.get(30, TimeUnit.SECONDS);
        assertThat(pingAt).as("a ping on the event stream after 60 s").isGreaterThan(61.0);
        stream.close();
    }
}
