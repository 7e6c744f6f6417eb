package id.ihati.videotron.player.sync;

import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup of the sync tests against the real admin server (H2, random port, one per test class): each test
 * gets its own data directory, scheduler and HTTP client for the agent it starts (in {@link #agent}), and a
 * {@link #network} relay if it makes one; all are closed after the test.
 */
abstract class WithAdminServer {
    static TestAdmin admin;

    @TempDir
    Path data;

    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    SyncAgent agent;
    NetworkCut network;

    @BeforeAll
    static void startServer() {
        admin = TestAdmin.h2();
    }

    @AfterAll
    static void stopServer() {
        admin.close();
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
        scheduler.shutdownNow();
        // A download may be between two chunks: let it stop before JUnit deletes the data directory under it.
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        if (network != null) {
            network.close();
        }
    }

    /** A new screen with a unique id starting with {@code prefix}. */
    static String newScreen(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestScreens.create(admin, TestScreens.profile(id));
        return id;
    }

    /** A data directory that was paired with the screen before (as after a first pairing). */
    void pairedBefore(String screenId) throws Exception {
        Files.writeString(data.resolve("device-token"), TestScreens.pair(admin, screenId));
        Files.setPosixFilePermissions(data.resolve("device-token"), PosixFilePermissions.fromString("rw-------"));
    }
}
