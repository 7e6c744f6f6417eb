package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.watchdog.ServiceNotifier;
import id.ihati.videotron.player.playback.watchdog.UnixDatagram;
import id.ihati.videotron.player.playback.watchdog.Watchdog;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/** The watchdog against a real stage: a stuck FX thread, a frozen video. */
class WatchdogTest {
    private static final Watchdog.Options FAST = new Watchdog.Options(Duration.ofMillis(100),
            Duration.ofMillis(800), Duration.ofMillis(600), 1, Duration.ofMinutes(1));

    private static TestMedia.Content content() {
        return new TestMedia.Content(TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-magenta",
                "pb-red.mp4", "pb-magenta.png"));
    }

    @Test
    void aStalledJavaFxThreadEndsTheProcessWithANonZeroStatus() throws Exception {
        try (var h = new Harness(content())) {
            var exitStatus = new CompletableFuture<Integer>();
            var answers = new AtomicInteger();
            var dog = new Watchdog(h.engine, h.executor, exitStatus::complete, FAST, answers::incrementAndGet);
            dog.start();
            Harness.waitUntil(Duration.ofSeconds(5), () -> answers.get() >= 4);   // four checks answered
            assertThat(exitStatus).as("a healthy FX thread is left alone").isNotDone();

            var release = new CountDownLatch(1);
            Platform.runLater(() -> await(release));   // the FX thread hangs until released

            assertThat(exitStatus.get(3, TimeUnit.SECONDS)).isEqualTo(Watchdog.EXIT_STALLED);
            release.countDown();
            dog.stop();
        }
    }

    @Test
    void systemdsWatchdogIsPingedWhileTheJavaFxThreadAnswersAndStarvedWhenItHangs() throws Exception {
        String name = "@ihati-watchdog-" + java.util.UUID.randomUUID();
        try (var h = new Harness(content()); var systemd = UnixDatagram.bound(name)) {
            var notifier = new ServiceNotifier(Optional.of(name), Optional.of(Duration.ofMillis(200)), Runnable::run);
            var stalled = new CompletableFuture<Integer>();
            var dog = new Watchdog(h.engine, h.executor, stalled::complete, FAST, notifier::alive);
            dog.start();
            var pings = new AtomicInteger();
            Harness.waitUntil(Duration.ofSeconds(5), () -> count(systemd, pings) >= 3);

            var hung = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            Platform.runLater(() -> {
                hung.countDown();
                await(release);   // the FX thread hangs until released
            });
            hung.await();
            int before = count(systemd, pings);
            // The watchdog's verdict (no answer for 800 ms, eight checks) shows the hang lasted.
            assertThat(stalled.get(5, TimeUnit.SECONDS)).isEqualTo(Watchdog.EXIT_STALLED);
            assertThat(count(systemd, pings)).as("no ping while the FX thread hangs").isEqualTo(before);

            release.countDown();
            Harness.waitUntil(Duration.ofSeconds(5), () -> count(systemd, pings) > before);
            dog.stop();
        }
    }

    private static int count(UnixDatagram socket, AtomicInteger pings) {
        try {
            for (Optional<String> m = socket.poll(); m.isPresent(); m = socket.poll()) {
                if (m.get().equals("WATCHDOG=1")) {
                    pings.incrementAndGet();
                }
            }
            return pings.get();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFrozenVideoIsRestartedAndAVideoThatKeepsFreezingEndsTheProcess() throws Exception {
        try (var h = new Harness(content())) {
            var exitStatus = new CompletableFuture<Integer>();
            var dog = new Watchdog(h.engine, h.executor, exitStatus::complete, FAST);
            h.play(TestMedia.plays(Instant.now(), "pb-red", 60_000));
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');
            dog.start();
            // Freeze the decoder behind the engine's back; the picture stops where it is.
            Fx.run(() -> h.engine.currentPlayer().pause());
            int frozenAt = Colours.frame(h.pixel(Harness.W / 2, Harness.H / 2));

            Harness.waitUntil(Duration.ofSeconds(3), () -> !h.outcomesOf("pb-red").isEmpty());
            assertThat(h.outcomesOf("pb-red").get(0).error()).isEqualTo("restarted by the watchdog");
            Harness.waitUntil(Duration.ofSeconds(2),
                    () -> Colours.frame(h.pixel(Harness.W / 2, Harness.H / 2)) > frozenAt);   // moving again
            assertThat(exitStatus).isNotDone();

            Fx.run(() -> h.engine.currentPlayer().pause());   // and again: restarting does not help

            assertThat(exitStatus.get(3, TimeUnit.SECONDS)).isEqualTo(Watchdog.EXIT_FROZEN);
            dog.stop();
        }
    }
}
