package id.ihati.videotron.player.playback;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM and runs code on its thread. */
final class Fx {
    private static boolean started;

    private Fx() {
    }

    static synchronized void start() {
        assumeTrue(System.getenv("DISPLAY") != null, "needs an X display: run the tests with bin/run-tests");
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
