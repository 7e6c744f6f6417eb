package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;

/**
 * A video in its own MediaPlayer and MediaView (one view per player: JDK-8146918). The player is a field so it
 * cannot be garbage-collected while we wait for READY (a player held only by its callbacks never fired).
 * A video shorter than its slot holds its last frame until the next item replaces it. Opening a player builds a
 * GStreamer pipeline and disposing one stops it and waits for its threads, each from a few to over a hundred
 * milliseconds on a busy machine: both happen on the {@code players} executor, so the FX thread keeps drawing.
 */
final class VideoItem implements Item {
    private final Events events;
    private final Executor players;
    private final FitMode fit;
    private final double areaW;
    private final double areaH;
    private final MediaView view = new MediaView();
    private final StackPane layer = Item.layerOf(view);
    private final PauseTransition readyTimeout;
    private final PauseTransition frameTimeout;
    private MediaPlayer player;
    private MediaPlayer sound;         // the sound, from a second player without a view; null when silent
    private boolean soundReady;
    private boolean ready;
    private boolean startRequested;
    private boolean playing;
    private boolean firstFrame;
    private boolean ended;
    private boolean done;   // failed or disposed: no more events
    private LongSupplier offsetMillis = () -> 0;
    private double timeAtPlay;
    private long startedNanos;
    private long startedAtOffset;

    /**
     * Opens {@code file} on {@code players}; READY or a failure is reported through {@code events}. Fails if not
     * READY within {@code timeoutMillis}, or if no picture comes within {@code timeoutMillis} of starting.
     */
    VideoItem(Path file, FitMode fit, double areaW, double areaH, long timeoutMillis, Events events,
              Executor players) {
        this(file, null, fit, areaW, areaH, timeoutMillis, events, players);
    }

    /**
     * Shows the picture of {@code picture} (a file without a sound track) and plays the sound of {@code soundFile}
     * (the file with sound, or null for none) from a second player without a view, both started at once. A
     * picture in a player with sound follows the sound output's clock, which over ALSA's PulseAudio plugin jumps
     * ~200 ms ahead at play() and then stands still for ~250 ms (docs/player-benchmarks.md): a player without
     * sound runs on the system clock, so the picture keeps moving whatever the sound does.
     */
    VideoItem(Path picture, Path soundFile, FitMode fit, double areaW, double areaH, long timeoutMillis,
              Events events, Executor players) {
        this.events = events;
        this.players = players;
        this.fit = fit;
        this.areaW = areaW;
        this.areaH = areaH;
        readyTimeout = timer(timeoutMillis, () -> {
            if (!ready) {
                fail("not ready after " + timeoutMillis + " ms", false);
            }
        });
        frameTimeout = timer(timeoutMillis, () -> {
            if (!firstFrame) {
                fail("no picture " + timeoutMillis + " ms after it started", false);
            }
        });
        view.setPreserveRatio(false);
        view.setSmooth(true);
        readyTimeout.play();
        String uri = picture.toUri().toString();
        String soundUri = soundFile == null ? null : soundFile.toUri().toString();
        soundReady = soundFile == null;
        players.execute(() -> {
            try {
                var media = new Media(uri);
                var mp = new MediaPlayer(media);
                Platform.runLater(() -> attach(media, mp));
            } catch (MediaException | IllegalArgumentException | UnsupportedOperationException e) {
                boolean audio = e instanceof MediaException me && isAudio(me);
                Platform.runLater(() -> fail(describe(e), audio));
                return;
            }
            if (soundUri == null) {
                return;
            }
            try {
                var soundMedia = new Media(soundUri);
                var smp = new MediaPlayer(soundMedia);
                Platform.runLater(() -> attachSound(soundMedia, smp));
            } catch (MediaException | IllegalArgumentException | UnsupportedOperationException e) {
                // The picture opened; only the sound's player could not be made. Without a sound device JavaFX
                // refuses it here ("Could not create player!") rather than with its audio-device error.
                Platform.runLater(() -> fail("sound: " + describe(e), true));
            }
        });
    }

    /** Takes the player opened on the players' thread; FX thread. */
    private void attach(Media media, MediaPlayer mp) {
        if (done) {
            players.execute(mp::dispose);
            return;
        }
        player = mp;
        // Events can still arrive after dispose() (the player is disposed later, elsewhere): use mp, not player.
        mp.setOnEndOfMedia(() -> {
            if (done) {
                return;
            }
            ended = true;
            // A damaged file can end long before the length its header promises: count that as failed.
            // currentTime jumps to the full length at the end, so the wall clock measures how far it got.
            double length = media.getDuration().toMillis();
            double at = startedAtOffset + (System.nanoTime() - startedNanos) / 1e6;
            if (Double.isFinite(length) && at < length - 500) {
                fail(String.format(Locale.ROOT, "the file ended after %.1f s of its %.1f s", at / 1000,
                        length / 1000), false);
            }
        });
        mp.currentTimeProperty().addListener((obs, old, now) -> {
            if (playing && !firstFrame && !done && now.toMillis() > timeAtPlay) {
                firstFrame = true;
                frameTimeout.stop();
                events.firstFrame();
            }
        });
        view.setMediaPlayer(mp);
        whenReady(media, mp, () -> onReady(media));
    }

    /** Fails on any error of {@code mp}, runs {@code onReady} when it is READY; FX thread. */
    private void whenReady(Media media, MediaPlayer mp, Runnable onReady) {
        media.setOnError(() -> fail(describe(media.getError()), isAudio(media.getError())));
        mp.setOnError(() -> fail(describe(mp.getError()), isAudio(mp.getError())));
        mp.setOnReady(onReady);
        // Its status and error are set on this thread: whatever happened before the handlers were set is here.
        var error = mp.getError() != null ? mp.getError() : media.getError();
        if (error != null) {
            fail(describe(error), isAudio(error));
        } else if (mp.getStatus() == MediaPlayer.Status.READY) {
            onReady.run();
        }
    }

    /** Takes the sound player opened on the players' thread; FX thread. */
    private void attachSound(Media media, MediaPlayer mp) {
        if (done) {
            players.execute(mp::dispose);
            return;
        }
        sound = mp;
        whenReady(media, mp, this::onSoundReady);
    }

    private void onSoundReady() {
        if (done || soundReady) {
            return;
        }
        soundReady = true;
        if (player != null && player.getStatus() == MediaPlayer.Status.READY) {
            onReady(player.getMedia());
        }
    }

    private void onReady(Media media) {
        if (done || ready || !soundReady) {
            return;
        }
        ready = true;
        readyTimeout.stop();
        var size = Fit.of(fit, media.getWidth(), media.getHeight(), areaW, areaH);
        view.setFitWidth(size.width());
        view.setFitHeight(size.height());
        events.ready();
        if (startRequested) {
            play();
        }
    }

    private PauseTransition timer(long millis, Runnable action) {
        var t = new PauseTransition(Duration.millis(millis));
        t.setOnFinished(e -> action.run());
        return t;
    }

    @Override
    public Node layer() {
        return layer;
    }

    @Override
    public void start(LongSupplier offsetMillis) {
        this.offsetMillis = offsetMillis;
        startRequested = true;
        if (ready && !playing) {
            play();
        }
    }

    private void play() {
        if (done) {
            return;
        }
        long offset = Math.max(0, offsetMillis.getAsLong());
        if (offset > 0) {
            player.seek(Duration.millis(offset));
            if (sound != null) {
                sound.seek(Duration.millis(offset));
            }
        }
        timeAtPlay = offset > 0 ? offset : player.getCurrentTime().toMillis();
        startedNanos = System.nanoTime();
        startedAtOffset = offset;
        playing = true;
        player.play();
        if (sound != null) {
            sound.play();
        }
        frameTimeout.play();
    }

    @Override
    public long motionMillis() {
        if (done || !firstFrame || ended || player == null) {
            return -1;
        }
        return (long) player.getCurrentTime().toMillis();
    }

    /** The player, for tests that need to misbehave it. */
    MediaPlayer player() {
        return player;
    }

    /** The player of the sound beside the picture, or null; for tests. */
    MediaPlayer soundPlayer() {
        return sound;
    }

    private void fail(String error, boolean audioDevice) {
        if (done) {
            return;
        }
        done = true;
        stopTimers();
        events.failed(error, audioDevice);
    }

    @Override
    public void dispose() {
        done = true;
        stopTimers();
        view.setMediaPlayer(null);
        if (player != null) {
            // Nothing on the FX thread touches it any more: the view is detached and every handler checks done.
            players.execute(player::dispose);
            player = null;
        }
        if (sound != null) {
            players.execute(sound::dispose);
            sound = null;
        }
    }

    private void stopTimers() {
        readyTimeout.stop();
        frameTimeout.stop();
    }

    private static String describe(MediaException e) {
        return e == null ? "unknown media error" : e.getType() + ": " + e.getMessage();
    }

    /** What opening a file threw: a media error with its type, else the exception's message. */
    private static String describe(RuntimeException e) {
        return e instanceof MediaException me ? describe(me) : String.valueOf(e.getMessage());
    }

    /** JavaFX says "Could not open audio device for playback" when the sound output is missing or broken. */
    static boolean isAudio(MediaException e) {
        return e != null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("audio device");
    }
}
