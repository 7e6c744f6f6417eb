package id.ihati.videotron.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The player's systemd unit as systemd reads it: tests here do not run under systemd, so {@code systemd-analyze
 * verify} (package systemd, which bin/run-tests installs) is the check that it would load without a warning.
 */
class UnitFileTest {
    private static final Path UNIT = Path.of("dist/ihati-player.service");

    @Test
    void theUnitLoadsWithoutAWarningAndIsWatchedBySystemd(@TempDir Path runtime) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assertThat(analyze).as("systemd-analyze is missing: install the Debian package systemd (bin/run-tests does)")
                .isExecutable();
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        var pb = new ProcessBuilder(analyze.toString(), "verify", "--user", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());   // the user manager's, which verify needs
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("systemd-analyze verify said").isEmpty();
        assertThat(p.exitValue()).isZero();

        String unit = read();
        assertThat(unit).contains("\nType=notify\n", "\nWatchdogSec=30\n", "\nRestart=always\n");
    }

    private static String read() throws IOException {
        return Files.readString(UNIT);
    }
}
