package id.ihati.videotron.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away root file system that dpkg installs into as into a machine's own: {@code dpkg --root} with its own
 * package database, the maintainer scripts run outside a chroot with {@code DPKG_ROOT} set
 * ({@code --force-script-chrootless}; the scripts of our packages honour it). The root has no Java and no systemd
 * of its own, hence {@code --force-depends}; nothing of the host is touched.
 */
final class DebRoot {
    final Path dir;

    private DebRoot(Path dir) {
        this.dir = dir;
    }

    static DebRoot create(Path parent) {
        try {
            Path dir = Files.createDirectories(parent.resolve("root"));
            for (String d : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers")) {
                Files.createDirectories(dir.resolve(d));
            }
            Files.createFile(dir.resolve("var/lib/dpkg/status"));
            Files.createFile(dir.resolve("var/lib/dpkg/available"));
            // The service's user must reach its files through every parent, as on a real root.
            for (Path p = dir; p != null && !p.equals(parent.getParent()); p = p.getParent()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new DebRoot(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code dpkg -i}: what dpkg printed. */
    String install(Path deb) {
        return Commands.ok("dpkg", "--root=" + dir, "--force-script-chrootless", "--force-depends",
                "--log=" + dir.resolve("var/log/dpkg.log"), "-i", deb.toString());
    }

    /** The installed version, from the root's package database. */
    String version(String pkg) {
        return Commands.ok("dpkg-query", "--admindir=" + dir.resolve("var/lib/dpkg"), "-W", "-f=${Version}", pkg);
    }

    Path path(String absolute) {
        return dir.resolve(absolute.substring(1));
    }

    /** uid:gid of a user in the root's /etc/passwd. */
    Optional<int[]> user(String name) {
        try {
            return Files.readAllLines(path("/etc/passwd")).stream().map(l -> l.split(":"))
                    .filter(f -> f[0].equals(name))
                    .map(f -> new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])}).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deb with a higher version: the same files, the control file's version with {@code suffix} appended. */
    static Path withHigherVersion(Path deb, String suffix, Path work) {
        Path tree = work.resolve("repack");
        Commands.ok("dpkg-deb", "-R", deb.toString(), tree.toString());
        try {
            Path control = tree.resolve("DEBIAN/control");
            String text = Files.readString(control).replaceFirst("(?m)^(Version: .*)$", "$1" + suffix);
            Files.writeString(control, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path out = work.resolve("newer.deb");
        Commands.ok("dpkg-deb", "--root-owner-group", "-Znone", "-b", tree.toString(), out.toString());
        return out;
    }
}
