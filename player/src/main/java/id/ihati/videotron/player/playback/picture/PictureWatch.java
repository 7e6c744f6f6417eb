package id.ihati.videotron.player.playback.picture;

import id.ihati.videotron.player.playback.NowPlaying;
import id.ihati.videotron.player.playback.PlaybackEngine;
import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.player.playback.picture.PictureVerdict.Sample;
import id.ihati.videotron.player.playback.picture.PictureVerdict.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the player's own picture every {@code interval}: a snapshot of the window's scene, scaled down to
 * {@link #THUMB_WIDTH} pixels wide, taken on the FX thread. When {@link PictureVerdict} finds it black while
 * content should show, or frozen while the video's clock runs, it logs it, re-opens the item as the fault begins
 * (the engine's restart: new players, the slot resumed at its wall-clock position), and reports the fault
 * ({@link #fault()}, listeners) until the picture is back.
 *
 * <p>Why a scene snapshot and not the X server's pixels: the snapshot is what JavaFX draws into the window, so a
 * video without frames (black) or with the same frame (frozen) is seen alike; scaled down to a thumbnail it is a
 * small render on the FX thread twice a second (what it takes is logged now and then). It needs the FX thread, so
 * it stops when that thread stalls; a stalled FX thread is the
 * {@link id.ihati.videotron.player.playback.watchdog.Watchdog}'s case (it ends the process, and systemd's watchdog
 * covers a hung JVM). Reading the X server instead (java.awt.Robot, ffmpeg) would load AWT or a process
 * into the player for what the scene already tells.
 */
public final class PictureWatch {
    private static final Logger log = LoggerFactory.getLogger(PictureWatch.class);
    static final int THUMB_WIDTH = 48;
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
    private final ScheduledExecutorService executor;
    private final Options options;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    // FX thread only.
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private State state = State.OK;
    private final long[] costs = new long[1_000];   // µs of the snapshots since the last summary
    private int costCount;
    private long snapshots;
    private volatile Fault fault;
    private ScheduledFuture<?> task;
    private volatile boolean lookPending;

    public PictureWatch(PlaybackEngine engine, PlayerWindow window, Clock clock, ScheduledExecutorService executor,
                        Options options) {
        this.engine = Objects.requireNonNull(engine);
        this.window = Objects.requireNonNull(window);
        this.clock = Objects.requireNonNull(clock);
        this.executor = Objects.requireNonNull(executor);
        this.options = Objects.requireNonNull(options);
    }

    public void start() {
        long every = options.interval().toMillis();
        task = executor.scheduleAtFixedRate(() -> {
            if (!lookPending) {   // never queue looks behind a busy FX thread
                lookPending = true;
                Platform.runLater(this::look);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The fault on screen now, if any; from any thread. */
    public Optional<Fault> fault() {
        return Optional.ofNullable(fault);
    }

    /** Runs (on the FX thread) when a fault begins or ends. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void look() {
        lookPending = false;
        Instant now = clock.instant();
        Optional<NowPlaying> playing = engine.nowPlaying();
        boolean content = window.view() == PlayerWindow.View.CONTENT && playing.isPresent();
        Object showing = content ? playing.get() : null;
        Thumbnail picture = content ? timedThumbnail() : Thumbnail.flat(0, 1);
        samples.addLast(new Sample(now, picture, showing,
                content ? engine.videoPositionMillis() : java.util.OptionalLong.empty()));
        // Enough to hold the moving pictures before a freeze that began up to ~half a minute ago (a freeze counts
        // only after the video was seen moving in its play); 60 thumbnails of 48 px are ~300 KB.
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
     * {@link #thumbnail()}, timed: what it costs the FX thread is logged after the first 100 snapshots, then every
     * 1,000 (about 8 minutes), as median, p99 and max.
     */
    private Thumbnail timedThumbnail() {
        long t0 = System.nanoTime();
        Thumbnail t = thumbnail();
        costs[costCount++] = (System.nanoTime() - t0) / 1_000;
        snapshots++;
        if (snapshots == 100 || costCount == costs.length) {
            long[] sorted = java.util.Arrays.copyOf(costs, costCount);
            java.util.Arrays.sort(sorted);
            log.info("picture watch: {} snapshots so far; the last {} took median {} µs, p99 {} µs, max {} µs",
                    snapshots, costCount, sorted[costCount / 2], sorted[Math.min(costCount - 1, costCount * 99 / 100)],
                    sorted[costCount - 1]);
            costCount = 0;
        }
        return t;
    }

    /** The window's scene, scaled down to {@link #THUMB_WIDTH} pixels wide, in ARGB. */
    private Thumbnail thumbnail() {
        Node root = window.stage().getScene().getRoot();
        double w = Math.max(1, window.width());
        double h = Math.max(1, window.height());
        double scale = THUMB_WIDTH / w;
        int tw = THUMB_WIDTH;
        int th = Math.max(1, (int) Math.round(h * scale));
        var params = new SnapshotParameters();
        params.setFill(Color.BLACK);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = root.snapshot(params, new WritableImage(tw, th));
        int[] argb = new int[tw * th];
        image.getPixelReader().getPixels(0, 0, tw, th, PixelFormat.getIntArgbInstance(), argb, 0, tw);
        return Thumbnail.ofArgb(argb);
    }
}
