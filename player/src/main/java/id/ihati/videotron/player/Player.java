package id.ihati.videotron.player;

import id.ihati.videotron.player.playback.NowPlaying;
import id.ihati.videotron.player.playback.PlaybackEngine;
import id.ihati.videotron.player.playback.Schedule;
import id.ihati.videotron.player.playback.display.DisplayPower;
import id.ihati.videotron.player.playback.display.Placement;
import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.player.playback.picture.PictureWatch;
import id.ihati.videotron.player.playback.watchdog.ServiceNotifier;
import id.ihati.videotron.player.playback.watchdog.Watchdog;
import id.ihati.videotron.player.proof.PlayReporter;
import id.ihati.videotron.player.playback.ContentSource;
import id.ihati.videotron.playlists.schedule.OutputArea;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import javafx.application.Platform;

/**
 * The display and playback half of a running player: the kiosk window, the engine playing what a
 * {@link ContentSource} offers, and the watchdog. The sync half talks to it through the methods here; all of
 * them may be called from any thread.
 */
public final class Player {
    private final PlayerConfig config;
    private final PlayerWindow window;
    private final PlaybackEngine engine;
    private final Watchdog watchdog;
    private final PictureWatch picture;
    private final ContentSource content;
    private final ServiceNotifier service;

    private Player(PlayerConfig config, PlayerWindow window, ContentSource content, PlayReporter reporter,
                   Clock clock, ScheduledExecutorService executor, IntConsumer exit, ServiceNotifier service) {
        this.config = config;
        this.service = service;
        this.window = window;
        this.content = content;
        this.engine = new PlaybackEngine(content, Schedule.resolver(), window, reporter,
                new DisplayPower(executor, config.displayPower()), clock, executor,
                PlaybackEngine.Options.defaults());
        this.watchdog = new Watchdog(engine, executor, exit, Watchdog.Options.defaults(), service::alive);
        this.picture = new PictureWatch(engine, window, clock, PictureWatch.Options.defaults());
    }

    /**
     * Opens the window (the JavaFX toolkit must be running) and prepares playback of {@code content}; nothing
     * plays before {@link #start()}. {@code executor} must be single-threaded: it keeps reports in order.
     * {@code service} hears when playback started and, from the watchdog's beat, that the player is alive.
     */
    public static Player open(PlayerConfig config, ContentSource content, PlayReporter reporter, Clock clock,
                              ScheduledExecutorService executor, IntConsumer exit, ServiceNotifier service) {
        // Placed at once where the stored plan says: a restarted player is not first shown over the whole monitor.
        OutputArea stored = content.manifest().map(m -> m.screen().output()).orElse(null);
        var window = onFx(() -> PlayerWindow.open(placement(config, stored)));
        return new Player(config, window, content, reporter, clock, executor, exit, service);
    }

    /** Starts playing and watching; the window follows the manifest's output rectangle unless flags set one. */
    public void start() {
        content.onChange(() -> Platform.runLater(this::followManifest));
        Platform.runLater(this::followManifest);
        engine.start();
        watchdog.start();
        picture.start();
        service.ready();
    }

    public void stop() {
        service.stopping();
        watchdog.stop();
        picture.stop();
        engine.stop();
    }

    /** Shows the pairing code over everything until {@link #paired()}. */
    public void showPairingCode(String code, Instant expires) {
        Platform.runLater(() -> window.showPairingCode(code, expires, ZoneId.systemDefault()));
    }

    public void paired() {
        Platform.runLater(window::endPairing);
    }

    /** What is on screen, for heartbeats. */
    public Optional<NowPlaying> nowPlaying() {
        return engine.nowPlaying();
    }

    /** A black or frozen picture on screen now, if any (the player re-opened the item once already). */
    public Optional<PictureWatch.Fault> pictureFault() {
        return picture.fault();
    }

    /** Runs when a picture fault begins or ends (on the FX thread; must return at once). */
    public void onPictureChange(Runnable listener) {
        picture.onChange(listener);
    }

    /** A PNG of the window. */
    public byte[] screenshot() {
        return window.png();
    }

    PlaybackEngine engine() {
        return engine;
    }

    private void followManifest() {
        OutputArea fromServer = content.manifest().map(m -> m.screen().output()).orElse(null);
        window.place(placement(config, fromServer));
    }

    /** Flags and player.properties win; then the server's rectangle; then the whole chosen monitor. */
    static Placement placement(PlayerConfig config, OutputArea fromServer) {
        if (config.output() != null) {
            return Placement.area(config.output());
        }
        return fromServer != null ? Placement.area(fromServer) : Placement.monitor(config.monitor());
    }

    private static <T> T onFx(java.util.function.Supplier<T> code) {
        if (Platform.isFxApplicationThread()) {
            return code.get();
        }
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(code.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return Objects.requireNonNull(result.join());
    }
}
