package id.ihati.videotron.admin.testing;

import id.ihati.videotron.admin.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin server as an operator runs it: the real {@link Main} in its own JVM (this test JVM's class path), its
 * output in a log file. {@link #kill()} is {@code kill -9} (on Linux {@link Process#destroyForcibly()} sends
 * SIGKILL): no shutdown hook, no flush, as on a power cut of the application.
 */
public final class ChildServer implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("I-Hati Videotron admin: (http://\\S+)/");
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private ChildServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code Main} with these arguments and waits until it says where it listens (at most 90 s). */
    public static ChildServer start(Path log, List<String> args) {
        return start(log, List.of("-Xmx512m"), args);
    }

    /** The same with these JVM options (the fleet benchmark gives it the heap the packaged service has). */
    public static ChildServer start(Path log, List<String> jvmOptions, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = STARTED.matcher(Files.readString(log));
                if (m.find()) {
                    return new ChildServer(p, log, m.group(1));
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("the server exited with " + p.exitValue() + ":\n"
                            + Files.readString(log));
                }
                p.waitFor(50, TimeUnit.MILLISECONDS);
            }
            p.destroyForcibly();
            throw new IllegalStateException("the server did not start within 90 s:\n" + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The server's process id (for its resident size and CPU time in /proc). */
    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A normal stop (SIGTERM: the shutdown hook closes the server). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
