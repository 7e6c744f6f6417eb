package id.ihati.videotron.admin.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed test files in {@code test-media/} and small helpers to run ffprobe/ffmpeg on results. */
final class TestMedia {
    static final Path DIR = Path.of("..", "test-media").toAbsolutePath().normalize();

    private TestMedia() {
    }

    static Path file(String name) {
        Path p = DIR.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing test file " + p);
        }
        return p;
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command and returns its exit code and output (stdout and stderr together). */
    record Run(int exit, String output) {
    }

    static Run run(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return new Run(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ffprobe's codec_type of each stream, e.g. ["video", "audio"]. */
    static List<String> streams(Path file) {
        Run r = run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                file.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException("ffprobe failed: " + r.output());
        }
        return r.output().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The video stream's duration in seconds, as ffprobe reads it. */
    static double videoDuration(Path file) {
        Run r = run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration",
                "-of", "csv=p=0", file.toString());
        return Double.parseDouble(r.output().strip());
    }

    /** True when ffmpeg decodes every frame without an error. */
    static boolean decodes(Path file) {
        Run r = run("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-");
        return r.exit() == 0 && r.output().isBlank();
    }
}
