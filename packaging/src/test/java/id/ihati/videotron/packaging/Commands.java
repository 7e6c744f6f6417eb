package id.ihati.videotron.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and keeps what it printed (standard output and error together). */
record Commands(int exit, String output) {

    static Commands run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("did not end within 120 s: " + command);
            }
            return new Commands(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Commands run(String... command) {
        return run(List.of(command));
    }

    /** Runs it and fails, with its output, unless it exits with 0; returns the output. */
    static String ok(String... command) {
        Commands c = run(command);
        if (c.exit != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + c.exit + ":\n" + c.output);
        }
        return c.output;
    }

    static Path packages() {
        return Path.of(System.getProperty("ihati.packages", "target"));
    }
}
