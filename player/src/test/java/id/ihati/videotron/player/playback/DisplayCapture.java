package id.ihati.videotron.player.playback;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * What the X server shows in a rectangle of the display, recorded at 60 fps by ffmpeg's x11grab in a process of
 * its own (as an LED sending card reads the output), independent of the JavaFX scene graph and its thread. The
 * recording is lossless (FFV1) with the time of each grab; {@link #frames()} reads it back.
 */
final class DisplayCapture implements AutoCloseable {
    private final Process ffmpeg;
    private final Path file;
    private final int width;
    private final int height;
    private final StringBuilder log = new StringBuilder();

    /** Reads what matters from one grab, so that a long recording's pixels need not be held. */
    interface FrameReader<T> {
        /**
         * @param micros when it was grabbed (microseconds since the epoch, the system clock)
         * @param crc    a checksum of its pixels: equal for identical grabs
         * @param pixels its pixels, row by row, 3 bytes (R, G, B) each; only valid during the call
         */
        T read(long micros, long crc, Pixels pixels);
    }

    /** One grab's pixels. */
    record Pixels(byte[] rgb, int width) {
        /** The colour at (x, y), as 0xRRGGBB. */
        int at(int x, int y) {
            int i = (y * width + x) * 3;
            return (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
        }
    }

    private DisplayCapture(Process ffmpeg, Path file, int width, int height) {
        this.ffmpeg = ffmpeg;
        this.file = file;
        this.width = width;
        this.height = height;
    }

    /**
     * Starts recording the rectangle of $DISPLAY into {@code file} and returns once frames arrive. The file is NUT:
     * it keeps each grab's wall-clock time in microseconds (x11grab stamps grabs with the system clock).
     */
    static DisplayCapture start(Path file, int x, int y, int width, int height) {
        String display = System.getenv("DISPLAY");
        var cmd = List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "x11grab", "-draw_mouse", "0", "-framerate", "60", "-video_size", width + "x" + height,
                "-i", display + "+" + x + "," + y,
                // Every grab as grabbed, with its own time: no frame dropped or doubled to make a constant rate.
                "-fps_mode", "passthrough", "-copyts", "-enc_time_base", "-1", "-c:v", "ffv1", "-progress", "pipe:1", "-stats_period", "0.1",
                file.toString());
        try {
            var p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
            var capture = new DisplayCapture(p, file, width, height);
            capture.awaitFirstFrames();
            return capture;
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg (Debian package ffmpeg) is needed to capture the display", e);
        }
    }

    /** Reads ffmpeg's progress lines until it reports grabbed frames; the rest is drained in the background. */
    private void awaitFirstFrames() throws IOException {
        var in = new BufferedReader(new InputStreamReader(ffmpeg.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            log.append(line).append('\n');
            if (line.startsWith("frame=") && !line.equals("frame=0")) {
                break;
            }
        }
        if (line == null) {
            throw new IllegalStateException("ffmpeg x11grab stopped: " + log);
        }
        var drain = new Thread(() -> {
            try {
                while (in.readLine() != null) {
                    // progress lines: not needed any more
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "x11grab-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Stops recording (ffmpeg finishes the file). */
    @Override
    public void close() {
        if (!ffmpeg.isAlive()) {
            return;
        }
        ffmpeg.destroy();   // SIGTERM: ffmpeg ends the recording cleanly
        try {
            if (!ffmpeg.waitFor(20, TimeUnit.SECONDS)) {
                ffmpeg.destroyForcibly();
                throw new IllegalStateException("ffmpeg x11grab did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every grab of the recording, in order, as {@code reader} reads it. Call after {@link #close()}. */
    <T> List<T> frames(FrameReader<T> reader) {
        List<Long> micros = grabTimes();
        var frames = new ArrayList<T>(micros.size());
        var cmd = List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-fps_mode", "passthrough", "-enc_time_base", "-1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        try {
            var p = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (var in = new DataInputStream(p.getInputStream())) {
                byte[] rgb = new byte[width * height * 3];
                var pixels = new Pixels(rgb, width);
                for (long t : micros) {
                    in.readFully(rgb);
                    var crc = new CRC32();
                    crc.update(rgb);
                    frames.add(reader.read(t, crc.getValue(), pixels));
                }
            } catch (EOFException e) {
                throw new IllegalStateException("the recording has fewer frames than timestamps", e);
            }
            p.waitFor();
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The time of each grab, from the container (exact: a double would round microseconds since 1970). */
    private List<Long> grabTimes() {
        var cmd = List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", file.toString());
        try {
            var p = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> new BigDecimal(s).movePointRight(6).longValue()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the recording. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file() {
        return file;
    }
}
