package id.ihati.videotron.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin server started the way its systemd unit starts it, from a root that dpkg installed: the unit's
 * {@code ExecStart} with each absolute path that the package installed taken from the root, the unit's
 * {@code Environment}, as the unit's {@code User} (its uid and gid from the root's /etc/passwd, through setpriv).
 * Tests do not run under systemd: this is as close as a test gets without it.
 */
final class InstalledServer implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("I-Hati Videotron admin: (http://\\S+)/");
    private final Process process;
    private final Path log;
    final String baseUrl;

    private InstalledServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    static InstalledServer start(DebRoot root, Path log) throws IOException, InterruptedException {
        String unit = Files.readString(root.path("/lib/systemd/system/ihati-admin.service"));
        int[] ids = root.user(value(unit, "User")).orElseThrow(() -> new AssertionError("no user " + value(unit, "User")));
        var command = new ArrayList<>(List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups"));
        for (String arg : value(unit, "ExecStart").split(" ")) {
            command.add(arg.startsWith("/") && Files.exists(root.path(arg)) ? root.path(arg).toString() : arg);
        }
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(root.path(value(unit, "WorkingDirectory")).toFile());
        String env = value(unit, "Environment").replaceAll("^\"|\"$", "");
        pb.environment().put(env.substring(0, env.indexOf('=')), env.substring(env.indexOf('=') + 1));
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = STARTED.matcher(Files.readString(log));
            if (m.find()) {
                return new InstalledServer(p, log, m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("the installed server exited with " + p.exitValue() + ":\n"
                        + Files.readString(log));
            }
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly();
        throw new AssertionError("the installed server did not start within 120 s:\n" + Files.readString(log));
    }

    /** The value of a unit's key (the last one, as systemd takes it for these keys). */
    static String value(String unit, String key) {
        return Arrays.stream(unit.split("\n")).filter(l -> l.startsWith(key + "="))
                .reduce((a, b) -> b).map(l -> l.substring(key.length() + 1))
                .orElseThrow(() -> new AssertionError("the unit has no " + key));
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What systemd does at {@code systemctl stop}: SIGTERM, and the exit status it then sees. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("did not stop within 60 s (TimeoutStopSec):\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
