package id.ihati.videotron.player;

import id.ihati.videotron.player.playback.watchdog.ServiceNotifier;
import id.ihati.videotron.player.playback.watchdog.Watchdog;
import id.ihati.videotron.player.sync.Heartbeat;
import id.ihati.videotron.player.sync.SyncAgent;
import id.ihati.videotron.player.sync.SyncSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import id.ihati.videotron.player.time.ServerClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the player: {@code java -jar player-0.1.0-SNAPSHOT-all.jar --server URL --data-dir DIR}. A plain class,
 * not a JavaFX {@code Application}, so the fat jar starts without a module path. Configuration errors are
 * printed and end the process with status 2; there are never dialogs.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(PlayerConfig.USAGE);
            return;
        }
        PlayerConfig config;
        try {
            config = PlayerConfig.load(args, defaultDataDir());
        } catch (PlayerConfig.Invalid e) {
            e.problems().forEach(p -> System.err.println("player: " + p));
            System.err.println(PlayerConfig.USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(config.dataDir());
        // One JavaFX pixel must be one desktop pixel: the LED sending card reads exact desktop pixels.
        if (System.getProperty("glass.gtk.uiScale") == null) {
            System.setProperty("glass.gtk.uiScale", "1");
        }
        log.info("I-Hati Videotron player {} for {} with data in {}", VERSION, config.server(), config.dataDir());

        // Sync measures with the PC's own clock; playback (and so proof of play) runs on the server's time.
        var clock = Clock.systemUTC();
        var serverClock = new ServerClock(clock);
        ScheduledExecutorService syncThreads = Executors.newScheduledThreadPool(4, daemons("sync"));
        ScheduledExecutorService playbackThread = Executors.newSingleThreadScheduledExecutor(daemons("playback"));
        // JavaFX's start (toolkit, X connection) and the sync half's construction (journal, cache, stored plan)
        // need nothing of each other and both partly wait on disk or the X server: side by side, a restart
        // reaches its first picture sooner.
        var javaFx = CompletableFuture.runAsync(Main::startJavaFx, ownThread("javafx-start"));
        var sync = new SyncAgent(
                SyncSettings.of(config.server(), config.dataDir(), config.cacheBudgetBytes(), VERSION, hostname()),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), syncThreads, clock);

        sync.onClockSample(serverClock::sample);

        javaFx.join();
        var player = Player.open(config, sync.contentSource(), sync.playReporter(), serverClock, playbackThread,
                Watchdog::exitProcess,
                ServiceNotifier.fromEnvironment(System.getenv(), ProcessHandle.current().pid(), syncThreads));
        sync.onPairingCode(code -> player.showPairingCode(code.code(), code.expiresAt()));
        sync.onPaired(player::paired);
        sync.setNowPlaying(player::nowPlaying);
        sync.setScreenshotter(player::screenshot);
        sync.setPictureFault(() -> player.pictureFault().map(f -> new Heartbeat.PictureFault(f.state().name(),
                f.mediaId(), f.since())));
        player.onPictureChange(sync::reportSoon);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            player.stop();
            sync.close();
        }, "player-shutdown"));
        player.start();   // plays the stored plan at once, even offline
        sync.start();
    }

    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".local", "share", "ihati-player");
    }

    private static void startJavaFx() {
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);   // the window is never closed by hand; only the process ends it
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JavaFX started", e);
        }
    }

    /**
     * Runs one task on a thread of its own. Not a daemon: the JavaFX thread inherits that from the thread that
     * starts the toolkit, and a daemon JavaFX thread let the process end as soon as main() returned.
     */
    private static java.util.concurrent.Executor ownThread(String name) {
        return task -> new Thread(task, name).start();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static ThreadFactory daemons(String name) {
        var n = new AtomicInteger();
        return r -> {
            var t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
