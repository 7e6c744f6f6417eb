package id.ihati.videotron.player.playback.picture;

import id.ihati.videotron.player.playback.NowPlaying;
import id.ihati.videotron.player.playback.PlaybackEngine;
import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.player.playback.picture.PictureVerdict.Sample;
import id.ihati.videotron.player.playback.picture.PictureVerdict.State;
import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the player's own picture every {@code interval}: a grid of {@link #ROWS} pixel rows through the window,
 * {@link #COLUMNS} pixels each, read back from the X server on a thread of its own. When {@link PictureVerdict}
 * finds it black while content should show, or frozen while the video's clock runs, it logs it, re-opens the item
 * as the fault begins (the engine's restart: new players, the slot resumed at its wall-clock position), and
 * reports the fault ({@link #fault()}, listeners) until the picture is back.
 *
 * <p>Why the X server's pixels and not a snapshot of the scene: a snapshot renders the scene again on the FX thread,
 * which waits for it; measured with two players on a loaded machine (load 16) a 48-pixel-wide snapshot held the
 * FX thread for a median of 27–43 ms and up to 624 ms, twice a second, i.e. the watch itself would freeze the
 * picture it guards. Reading {@link #ROWS} one-pixel rows with {@code XGetImage} (AWT's {@link Robot}) takes the FX
 * thread nothing, reads what the X server shows (what the LED sending card reads: a window covered by another is
 * seen too), and goes on when the FX thread stalls. The FX thread only reads what should show and the video's
 * position, which costs nothing.
 */
public final class PictureWatch {
    private static final Logger log = LoggerFactory.getLogger(PictureWatch.class);
    static final int ROWS = 9;
    static final int COLUMNS = 48;
    private static final Duration KEEP = Duration.ofSeconds(30);

    /**
     * @param interval how often to look
     * @param after    how long black or frozen must last to be a fault (issue 14: 2 s)
     */
    public record Options(Duration interval, Duration after) {
        public static Options defaults() {
            return new Options(Duration.ofMillis(500), Duration.ofSeconds(2));
        }
    }

    /** A picture fault on screen: what it is, the media that should show, since when (the first look). */
    public record Fault(State state, String mediaId, Instant since) {
    }

    private final PlaybackEngine engine;
    private final PlayerWindow window;
    private final Clock clock;
    private final ScheduledExecutorService grabber;
    private final Options options;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    // FX thread only.
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private State state = State.OK;
    private volatile Fault fault;
    private volatile Rectangle area;   // the window on the desktop, as the FX thread last saw it
    private volatile boolean lookPending;
    // The grabbing thread only.
    private Robot robot;
    private boolean robotFailed;
    private final long[] costs = new long[1_000];   // µs of the grabs since the last summary
    private int costCount;
    private long grabs;

    /** Looks with a thread of its own (not the playback thread, whose ticks time the switches). */
    public PictureWatch(PlaybackEngine engine, PlayerWindow window, Clock clock, Options options) {
        this.engine = Objects.requireNonNull(engine);
        this.window = Objects.requireNonNull(window);
        this.clock = Objects.requireNonNull(clock);
        this.options = Objects.requireNonNull(options);
        this.grabber = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "picture-watch");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long every = options.interval().toMillis();
        grabber.scheduleAtFixedRate(() -> {
            if (lookPending) {   // never queue looks behind a busy FX thread
                return;
            }
            Thumbnail picture = grab(area);
            lookPending = true;
            Platform.runLater(() -> look(picture));
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        grabber.shutdownNow();
    }

    /** The fault on screen now, if any; from any thread. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    /** Runs (on the FX thread) when a fault begins or ends. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** On the FX thread, with the pixels just read ({@code null} before the window's place was known). */
    private void look(Thumbnail grabbed) {
        lookPending = false;
        var stage = window.stage();
        area = new Rectangle((int) stage.getX(), (int) stage.getY(), (int) window.width(), (int) window.height());
        Instant now = clock.instant();
        Optional<NowPlaying> playing = engine.nowPlaying();
        boolean content = grabbed != null && window.view() == PlayerWindow.View.CONTENT && playing.isPresent();
        Object showing = content ? playing.get() : null;
        Thumbnail picture = content ? grabbed : Thumbnail.flat(0, 1);
        samples.addLast(new Sample(now, picture, showing,
                content ? engine.videoPositionMillis() : java.util.OptionalLong.empty()));
        // Enough to hold the moving pictures before a freeze that began up to ~half a minute ago (a freeze counts
        // only after the video was seen moving in its play); 60 looks of 432 pixels are ~100 KB.
        Instant keepFrom = now.minus(KEEP);
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(keepFrom)) {
            samples.removeFirst();
        }
        State verdict = PictureVerdict.next(state, List.copyOf(samples), options.after());
        if (verdict == state) {
            return;
        }
        String mediaId = playing.map(NowPlaying::mediaId).orElse(null);
        if (verdict == State.OK) {
            log.info("the picture is back ({} on screen) after {}", mediaId, state);
            fault = null;
        } else {
            // Re-opened once as a fault begins; not again while it lasts (a re-opened item is a new play, and a
            // fault that survives one re-opening would otherwise restart the picture every few seconds).
            boolean reopen = state == State.OK;
            log.warn("the picture is {} while {} should show; {}", verdict == State.BLACK ? "black" : "frozen",
                    mediaId, reopen ? "re-opening it" : "it was re-opened already");
            fault = new Fault(verdict, mediaId, now.minus(options.after()));
            if (reopen) {
                samples.clear();   // judge the re-opened item afresh
                engine.restartPlayback();
            }
        }
        state = verdict;
        listeners.forEach(Runnable::run);
    }

    /**
     * {@link #ROWS} rows of {@link #COLUMNS} pixels through {@code r}, from the X server; null when there is
     * nothing to read. What it takes is logged after the first 100 grabs, then every 1,000 (about 8 minutes).
     */
    private Thumbnail grab(Rectangle r) {
        if (r == null || r.width <= 0 || r.height <= 0 || robotFailed) {
            return null;
        }
        try {
            if (robot == null) {
                robot = new Robot();
            }
        } catch (AWTException | RuntimeException e) {
            robotFailed = true;
            log.error("cannot read the screen's pixels ({}): black and frozen pictures go unnoticed", e.toString());
            return null;
        }
        long t0 = System.nanoTime();
        int[] argb = new int[ROWS * COLUMNS];
        for (int row = 0; row < ROWS; row++) {
            int y = r.y + (2 * row + 1) * r.height / (2 * ROWS);
            BufferedImage line = robot.createScreenCapture(new Rectangle(r.x, y, r.width, 1));
            for (int col = 0; col < COLUMNS; col++) {
                argb[row * COLUMNS + col] = line.getRGB((2 * col + 1) * r.width / (2 * COLUMNS), 0);
            }
        }
        costs[costCount++] = (System.nanoTime() - t0) / 1_000;
        grabs++;
        if (grabs == 100 || costCount == costs.length) {
            long[] sorted = Arrays.copyOf(costs, costCount);
            Arrays.sort(sorted);
            log.info("picture watch: {} grabs so far; the last {} took median {} µs, p99 {} µs, max {} µs (off the "
                    + "FX thread)", grabs, costCount, sorted[costCount / 2],
                    sorted[Math.min(costCount - 1, costCount * 99 / 100)], sorted[costCount - 1]);
            costCount = 0;
        }
        return Thumbnail.ofArgb(argb);
    }
}
