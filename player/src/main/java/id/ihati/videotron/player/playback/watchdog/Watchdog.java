package id.ihati.videotron.player.playback.watchdog;

import id.ihati.videotron.player.playback.NowPlaying;
import id.ihati.videotron.player.playback.PlaybackEngine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the player from outside the FX thread. Every {@code interval} it posts a heartbeat to the FX thread; if
 * one is not run within {@code stallTimeout} the FX thread is stuck, nothing inside the process can repair that,
 * and the process ends with {@link #EXIT_STALLED}. The heartbeat also reads the video position: a video that
 * should be moving but has not advanced for {@code frozenTimeout} gets its playback restarted; when that happens
 * more than {@code maxRestarts} times within {@code restartWindow}, restarting does not help and the process ends
 * with {@link #EXIT_FROZEN}. systemd's {@code Restart=always} then starts a fresh player, which resumes the slot.
 * Each answered beat also runs {@code alive} ({@link ServiceNotifier#alive}): when the whole JVM hangs, this
 * watchdog hangs with it, and only systemd's own watchdog, starved of those pings, can restart the player.
 */
public final class Watchdog {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    public static final int EXIT_STALLED = 3;
    public static final int EXIT_FROZEN = 4;

    public record Options(Duration interval, Duration stallTimeout, Duration frozenTimeout, int maxRestarts,
                          Duration restartWindow) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(5), 2,
                    Duration.ofMinutes(10));
        }
    }

    private final PlaybackEngine engine;
    private final ScheduledExecutorService executor;
    private final IntConsumer exit;
    private final Options options;
    private final Runnable alive;
    private final Deque<Long> restarts = new ArrayDeque<>();   // FX thread
    private volatile boolean beatPending;
    private volatile long beatSentNanos;
    private volatile boolean exiting;
    private ScheduledFuture<?> task;
    // Last position seen on the FX thread.
    private Optional<NowPlaying> lastShowing = Optional.empty();
    private OptionalLong lastPosition = OptionalLong.empty();
    private long lastMovedNanos = System.nanoTime();

    /** {@code exit} ends the process with a status; {@link #exitProcess} in production, a recorder in tests. */
    public Watchdog(PlaybackEngine engine, ScheduledExecutorService executor, IntConsumer exit, Options options) {
        this(engine, executor, exit, options, () -> { });
    }

    /** As above; {@code alive} runs on the FX thread at every answered beat and must return at once. */
    public Watchdog(PlaybackEngine engine, ScheduledExecutorService executor, IntConsumer exit, Options options,
                    Runnable alive) {
        this.engine = engine;
        this.executor = executor;
        this.exit = exit;
        this.options = options;
        this.alive = alive;
    }

    public void start() {
        long every = options.interval().toMillis();
        task = executor.scheduleAtFixedRate(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void check() {
        if (exiting) {
            return;
        }
        long now = System.nanoTime();
        if (beatPending) {
            if (now - beatSentNanos > options.stallTimeout().toNanos()) {
                die(EXIT_STALLED, "the JavaFX thread has not answered for "
                        + (now - beatSentNanos) / 1_000_000 + " ms");
            }
            return;
        }
        beatPending = true;
        beatSentNanos = now;
        Platform.runLater(() -> {
            beatPending = false;
            look();
        });
    }

    /** On the FX thread: is the video on screen moving? */
    private void look() {
        alive.run();
        long now = System.nanoTime();
        var showing = engine.nowPlaying();
        var position = engine.videoPositionMillis();
        if (position.isEmpty() || !showing.equals(lastShowing) || !position.equals(lastPosition)) {
            lastShowing = showing;
            lastPosition = position;
            lastMovedNanos = now;
            return;
        }
        if (now - lastMovedNanos < options.frozenTimeout().toNanos() || exiting) {
            return;
        }
        while (!restarts.isEmpty() && now - restarts.peekFirst() > options.restartWindow().toNanos()) {
            restarts.removeFirst();
        }
        if (restarts.size() >= options.maxRestarts()) {
            die(EXIT_FROZEN, "the video froze again after " + restarts.size() + " restarts");
            return;
        }
        restarts.addLast(now);
        log.warn("the video {} has not moved from {} ms for {} ms: restarting playback",
                showing.map(NowPlaying::mediaId).orElse("?"), position.getAsLong(), (now - lastMovedNanos) / 1_000_000);
        lastMovedNanos = now;
        engine.restartPlayback();
    }

    private void die(int status, String why) {
        exiting = true;
        log.error("{}: ending the process with status {} so the service manager restarts the player", why, status);
        exit.accept(status);
    }

    /**
     * Ends the JVM with {@code status}. A normal exit runs shutdown hooks, which could wait on the stuck FX thread,
     * so the process is halted if it has not gone within 10 s.
     */
    public static void exitProcess(int status) {
        var halt = new Thread(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status);
        }, "watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(status), "watchdog-exit").start();
    }
}
