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
     * {@code mvn verify} look green while no picture was ever checked. {@code bin/run-tests} (and the build
     * slots' environment) start a private Xvfb and PulseAudio and export {@code IHATI_TEST_DISPLAY_READY=1}.
     */
    public static void requireDisplay() {
        String problem = displayProblem(System.getenv("DISPLAY"), System.getenv("IHATI_TEST_DISPLAY_READY"));
        if (problem != null) {
            throw new IllegalStateException(problem + " This test needs an X display and a sound device: run the "
                    + "tests with bin/run-tests (it starts a private Xvfb and PulseAudio with a null sink), or set "
                    + "DISPLAY to a running X server and start PulseAudio as bin/lib/display-env.sh does.");
        }
    }

    /** Why the display cannot be used, or null when it can. */
    static String displayProblem(String display, String readyFlag) {
        boolean promised = "1".equals(readyFlag);
        if (display == null || display.isBlank()) {
            return promised ? "IHATI_TEST_DISPLAY_READY is set but DISPLAY did not reach this JVM."
                    : "DISPLAY is not set.";
        }
        // A local display ":N" is the socket /tmp/.X11-unix/XN: a stale DISPLAY fails here, with this message,
        // instead of deep inside JavaFX.
        var local = java.util.regex.Pattern.compile("^(?:unix)?:(\\d+)(?:\\.\\d+)?$").matcher(display);
        if (local.matches() && !java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/.X11-unix/X" + local.group(1)))) {
            return "DISPLAY=" + display + " but no X server listens there.";
        }
        return null;
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
