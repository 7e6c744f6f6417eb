package id.ihati.videotron.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player's Debian package: the kiosk session, its systemd user unit and the player, installed by dpkg. */
class PlayerPackageIT {
    private static final Path DEB = Commands.packages().resolve("ihati-player.deb");

    @Test
    void thePackageHoldsThePlayerTheKioskSessionAndTheUserUnit() {
        String files = Commands.ok("dpkg-deb", "-c", DEB.toString());
        assertThat(files).containsPattern("-rw-r--r-- root/root .* \\./usr/share/ihati-player/player-all\\.jar\n")
                .containsPattern("-rw-r--r-- root/root .* \\./usr/lib/systemd/user/ihati-player\\.service\n")
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/ihati-kiosk-session\n")
                .containsPattern("-rw-r--r-- root/root .* \\./usr/share/xsessions/ihati-kiosk\\.desktop\n")
                .contains("./usr/share/doc/ihati-player/player.properties.example");
        String info = Commands.ok("dpkg-deb", "-I", DEB.toString());
        assertThat(info).contains(" Package: ihati-player\n",
                " Depends: openjdk-17-jre | java17-runtime, libgtk-3-0, libavcodec59 | libavcodec60 | libavcodec58,");
        assertThat(info).as("OpenJFX 21 cannot use libavcodec 61 (Debian 13): never let apt pick it")
                .doesNotContain("libavcodec61");
    }

    @Test
    void installedTheSessionStartsTheUnitAndTheUnitRunsTheInstalledPlayer(@TempDir Path work) throws Exception {
        DebRoot root = DebRoot.create(work);
        assertThat(root.install(DEB)).contains("Setting up ihati-player (");
        Path unit = root.path("/usr/lib/systemd/user/ihati-player.service");
        String text = Files.readString(unit);
        String jar = text.replaceAll("(?s).*\nExecStart=.* -jar (\\S+) .*", "$1");
        assertThat(root.path(jar)).as("the unit's ExecStart names the installed jar").isRegularFile();

        Path runtime = Files.createDirectory(work.resolve("runtime"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // The unit names the jar only as java's argument, which verify does not look at; java and xset are the
        // host's. So it verifies as installed.
        var pb = new ProcessBuilder("systemd-analyze", "verify", "--user", unit.toString()).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
        assertThat(said).as("systemd-analyze verify said").isEmpty();

        String desktop = Files.readString(root.path("/usr/share/xsessions/ihati-kiosk.desktop"));
        assertThat(desktop).contains("\nExec=ihati-kiosk-session\n");
        assertThat(root.path("/usr/bin/ihati-kiosk-session")).isExecutable();
        assertThat(Files.readString(root.path("/usr/bin/ihati-kiosk-session")))
                .contains("systemctl --user restart ihati-player");

        // The installed player itself runs (its usage, without a display).
        String help = Commands.ok("java", "-jar", root.path(jar).toString(), "--help");
        assertThat(help).contains("--server");
    }
}
