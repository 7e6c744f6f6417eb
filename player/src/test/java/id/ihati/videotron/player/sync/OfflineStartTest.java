package id.ihati.videotron.player.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A player rebooted without network: it must play its stored plan at once and journal what it plays. */
class OfflineStartTest {
    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(3);

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    @Test
    void aRebootWithoutNetworkPlaysTheStoredPlanAtOnceAndJournalsPlays() throws Exception {
        Media video = TestManifests.media("m-video", "city-video-only.mp4", MediaKind.VIDEO);
        Media poster = TestManifests.media("m-poster", "health-poster.jpg", MediaKind.IMAGE);
        Manifest plan = TestManifests.plan("s-offline", 3, Instant.parse("2026-11-25T06:00:00Z"), List.of(video, poster));
        // What an earlier run left on disk: the token, the plan, the verified files.
        Files.writeString(data.resolve("device-token"), "token-from-before");
        Files.createDirectories(data.resolve("manifest"));
        Files.writeString(data.resolve("manifest/current.json"), ManifestCodec.write(plan), StandardCharsets.UTF_8);
        Files.createDirectories(data.resolve("media"));
        Files.write(data.resolve("media").resolve(video.sha256()), TestManifests.bytes("city-video-only.mp4"));
        Files.write(data.resolve("media").resolve(poster.sha256()), TestManifests.bytes("health-poster.jpg"));

        SyncAgent agent = new SyncAgent(settings(deadServer()), HttpClient.newHttpClient(), scheduler, Clock.systemUTC());
        try {
            agent.start();

            assertThat(agent.contentSource().manifest()).contains(plan);
            assertThat(agent.contentSource().verifiedFile(video.sha256())).contains(data.resolve("media").resolve(video.sha256()));
            var planned = new PlannedPlay(Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-25T07:00:15Z"),
                    "s-offline", "m-video", Category.FILLER, null, LocalDate.of(2026, 11, 25), 28, 0, 1);
            agent.playReporter().report(new PlayOutcome(planned, planned.start(), planned.end(), true, null));
            assertThat(agent.unacknowledgedPlays()).isEqualTo(1);
            assertThat(agent.status()).isEqualTo(SyncAgent.Status.IDLE);
            // The device token file had loose permissions: they are tightened to 600 on start.
            assertThat(Files.getPosixFilePermissions(data.resolve("device-token")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } finally {
            agent.close();
        }
        // Still offline: nothing was lost, nothing was deleted.
        assertThat(Files.list(data.resolve("media")).count()).isEqualTo(3);   // two files and partial/
    }

    private SyncSettings settings(URI server) {
        return SyncSettings.of(server, data, 100_000_000, "0.1.0-test", "uji-pc")
                .withTimings(new SyncSettings.Timings(Duration.ofSeconds(2), Duration.ofSeconds(30),
                        Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(40), Duration.ofSeconds(1),
                        Duration.ofSeconds(60), 500));
    }

    /** A port nothing listens on: connections are refused, as when the server is down. */
    private static URI deadServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
