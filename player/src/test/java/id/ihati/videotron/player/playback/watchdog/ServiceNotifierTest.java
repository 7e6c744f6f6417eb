package id.ihati.videotron.player.playback.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** sd_notify against a real Unix datagram socket that plays systemd's part. */
class ServiceNotifierTest {

    @Test
    void startUpAndAlivePingsReachTheNotifySocketAtMostEveryHalfWatchdogPeriod() throws Exception {
        String name = "@ihati-notify-" + UUID.randomUUID();
        try (var systemd = UnixDatagram.bound(name)) {
            var notifier = ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name, "WATCHDOG_USEC", "60000000"),
                    42, Runnable::run);
            assertThat(notifier.watched()).isTrue();

            notifier.ready();
            for (int i = 0; i < 100; i++) {
                notifier.alive();   // a beat a second would be 100 s; the first one pings, the rest wait 30 s
            }

            List<String> got = drain(systemd);
            assertThat(got).hasSize(2);
            assertThat(got.get(0)).startsWith("READY=1\nMAINPID=" + ProcessHandle.current().pid());
            assertThat(got.get(1)).isEqualTo("WATCHDOG=1");
        }
    }

    @Test
    void withoutSystemdOrWithAWatchdogForAnotherProcessNothingIsPinged() {
        assertThat(ServiceNotifier.fromEnvironment(Map.of(), 42, Runnable::run).watched()).isFalse();
        assertThat(ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "60000000",
                "WATCHDOG_PID", "7"), 42, Runnable::run).watched()).isFalse();
        assertThat(ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "60000000",
                "WATCHDOG_PID", "42"), 42, Runnable::run).watched()).isTrue();
        assertThat(ServiceNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "@x", "WATCHDOG_USEC", "-5"), 42,
                Runnable::run).watched()).isFalse();
    }

    @Test
    void anUnreachableSocketIsLoggedNotThrown() {
        var notifier = new ServiceNotifier(Optional.of("@nobody-listens-" + UUID.randomUUID()),
                Optional.of(Duration.ofMillis(1)), Runnable::run);
        notifier.ready();
        notifier.alive();   // no exception: the player plays on; systemd's watchdog, if any, will act
    }

    static List<String> drain(UnixDatagram socket) throws IOException {
        var got = new ArrayList<String>();
        for (Optional<String> m = socket.poll(); m.isPresent(); m = socket.poll()) {
            got.add(m.get());
        }
        return got;
    }
}
