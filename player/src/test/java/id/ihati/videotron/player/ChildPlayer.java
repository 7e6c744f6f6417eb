package id.ihati.videotron.player;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The real player ({@link Main}) in a child JVM, for the end-to-end tests that must own its process (to kill
 * it, or to see what it draws), and a look at what the X server shows.
 */
public final class ChildPlayer {
    private ChildPlayer() {
    }

    /**
     * Starts the player against {@code server} with its data in {@code dataDir}, display power commands off,
     * its output in {@code log}. DISPLAY and PulseAudio's address come from this JVM's environment.
     */
    public static Process start(String server, Path dataDir, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "-Dprism.order=sw",
                Main.class.getName(), "--server", server, "--data-dir", dataDir.toString(),
                "--display-power", "off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** One frame of the display's top-left {@code width}×{@code height} pixels, as PNG bytes (ffmpeg x11grab). */
    public static byte[] grabPng(int width, int height) {
        try {
            var ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-f", "x11grab", "-video_size",
                    width + "x" + height, "-i", System.getenv("DISPLAY") + "+0,0", "-frames:v", "1", "-f",
                    "image2pipe", "-vcodec", "png", "-").start();
            byte[] png = ffmpeg.getInputStream().readAllBytes();
            String errors = new String(ffmpeg.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ffmpeg.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg x11grab failed: " + errors);
            }
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
