package id.ihati.videotron.player.playback;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM and runs code on its thread. */
public final class Fx {
    private static boolean started;

    private Fx() {
    }

    /**
     * Fails, never skips: a playback test that silently skipped without a display would let a plain
     * {@code mvn verify} look green while no picture was ever checked.
     */
    public static void requireDisplay() {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            throw new IllegalStateException("This test needs an X display and a sound device: run it with "
                    + "bin/run-tests (which starts a private Xvfb and PulseAudio), or set DISPLAY to a running X server.");
        }
    }

    static synchronized void start() {
        requireDisplay();
        if (started) {
            return;
        }
        var latch = new CountDownLatch(1);
        try {
            Platform.startup(latch::countDown);
        } catch (IllegalStateException alreadyRunning) {
            latch.countDown();
        }
        Platform.setImplicitExit(false);
        await(latch);
        started = true;
    }

    static <T> T call(Supplier<T> code) {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(code.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(Runnable code) {
        call(() -> {
            code.run();
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
