package id.ihati.videotron.player.playback.watchdog;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (a unit with {@code Type=notify} and {@code WatchdogSec=}) that the player has started and is still
 * alive, as {@code sd_notify(3)} does: datagrams to {@code $NOTIFY_SOCKET}. The pings come from the {@link Watchdog}'s
 * beat on the JavaFX thread, so a hung JVM or a stuck FX thread stops them and systemd restarts the player — which
 * covers hangs the in-process watchdog cannot act on. Without {@code NOTIFY_SOCKET} (not under systemd) it does
 * nothing.
 */
public final class ServiceNotifier {
    private static final Logger log = LoggerFactory.getLogger(ServiceNotifier.class);

    private final Optional<String> socket;
    private final Optional<Duration> pingEvery;
    private final Executor executor;
    private final AtomicLong lastPingNanos = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private volatile boolean failing;

    /**
     * @param socket    systemd's notification socket, if started by systemd
     * @param pingEvery how often to ping its watchdog (half of {@code WatchdogSec}), if it has one
     * @param executor  where the datagrams are sent from (never the FX thread)
     */
    public ServiceNotifier(Optional<String> socket, Optional<Duration> pingEvery, Executor executor) {
        this.socket = socket;
        this.pingEvery = pingEvery;
        this.executor = executor;
    }

    /**
     * Reads {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} as {@code sd_watchdog_enabled(3)} does: a watchdog meant
     * for another process ({@code WATCHDOG_PID}) is not this one's.
     */
    public static ServiceNotifier fromEnvironment(Map<String, String> env, long pid, Executor executor) {
        Optional<String> socket = Optional.ofNullable(env.get("NOTIFY_SOCKET")).filter(s -> !s.isBlank());
        Optional<Duration> every = Optional.ofNullable(env.get("WATCHDOG_USEC"))
                .filter(v -> v.matches("[1-9][0-9]{0,17}"))
                .filter(v -> env.get("WATCHDOG_PID") == null || env.get("WATCHDOG_PID").equals(Long.toString(pid)))
                .map(v -> Duration.ofNanos(Long.parseLong(v) * 1_000 / 2));
        return new ServiceNotifier(socket, every, executor);
    }

    /** Whether systemd watches this process with a watchdog. */
    public boolean watched() {
        return socket.isPresent() && pingEvery.isPresent();
    }

    /** Playback has started: systemd's start-up of the unit is complete. */
    public void ready() {
        socket.ifPresent(s -> executor.execute(() -> send(s, "READY=1\nMAINPID=" + ProcessHandle.current().pid())));
    }

    /** The player is alive (the FX thread answered); pings systemd's watchdog at most every half period. */
    public void alive() {
        if (!watched()) {
            return;
        }
        long now = System.nanoTime();
        long last = lastPingNanos.get();
        if (now - last >= pingEvery.get().toNanos() && lastPingNanos.compareAndSet(last, now)) {
            executor.execute(() -> send(socket.get(), "WATCHDOG=1"));
        }
    }

    /** Shutting down on purpose: not a crash for systemd to wonder about. */
    public void stopping() {
        socket.ifPresent(s -> send(s, "STOPPING=1"));
    }

    private void send(String to, String message) {
        try (UnixDatagram out = UnixDatagram.open()) {
            out.send(to, message);
            if (failing) {
                log.info("notifying systemd works again");
            }
            failing = false;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                log.warn("cannot notify systemd at {} (its watchdog may restart the player): {}", to, e.toString());
            }
            failing = true;
        }
    }
}
