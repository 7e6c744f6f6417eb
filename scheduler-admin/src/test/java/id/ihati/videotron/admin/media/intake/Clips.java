package id.ihati.videotron.admin.media.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small real clips made with ffmpeg inside the tests, as phones and editing apps write them, and ffprobe checks. */
public final class Clips {
    private Clips() {
    }

    /** An input a contributor might upload: a name, the ffmpeg output arguments, and the file name. */
    public record Kind(String name, String file, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String SIZE = "320x180";

    /** The phone and editor outputs the intake must accept (1.5 s each, small). */
    public static List<Kind> phoneAndEditorOutputs() {
        return List.of(
                new Kind("HEVC with AAC (iPhone)", "iphone.mp4", List.of("-c:v", "libx265", "-x265-params",
                        "log-level=error", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2")),
                new Kind("VP9 + Opus in WebM", "clip.webm", List.of("-c:v", "libvpx-vp9", "-b:v", "200k",
                        "-deadline", "realtime", "-c:a", "libopus")),
                new Kind("60 fps H.264", "sixty.mp4", List.of("-r", "60", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                        "-c:a", "aac")),
                new Kind("10-bit H.264 (High 10), mono", "tenbit.mp4", List.of("-c:v", "libx264", "-pix_fmt",
                        "yuv420p10le", "-c:a", "aac", "-ac", "1")),
                new Kind("variable frame rate, 5.1 sound", "vfr.mp4", List.of("-vf",
                        "select='lt(n\\,15)+not(mod(n\\,3))'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt",
                        "yuv420p", "-c:a", "aac", "-ac", "6")),
                new Kind("MPEG-4 Part 2 in 3GP, mono 16 kHz", "old-phone.3gp", List.of("-c:v", "mpeg4", "-q:v", "8",
                        "-c:a", "aac", "-ac", "1", "-ar", "16000")),
                new Kind("AV1 in MP4 (newer phones)", "av1.mp4", List.of("-c:v", "libaom-av1", "-cpu-used", "8",
                        "-crf", "50", "-pix_fmt", "yuv420p", "-c:a", "aac")),
                new Kind("H.264 4:4:4 in MKV, no audio, odd size", "odd.mkv", List.of("-vf", "scale=317:179", "-c:v",
                        "libx264", "-pix_fmt", "yuv444p", "-an")));
    }

    /** Makes {@code kind} in {@code dir}: test pattern and a tone, {@code seconds} long. */
    public static Path make(Path dir, Kind kind, double seconds) {
        Path out = dir.resolve(kind.file());
        var cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + SIZE + ":rate=30:duration=" + seconds, "-f", "lavfi", "-i",
                "sine=frequency=440:duration=" + seconds, "-shortest"));
        cmd.addAll(kind.args());
        cmd.add(out.toString());
        run(cmd);
        return out;
    }

    /** A portrait phone clip: stored 320×180 landscape with rotation metadata of 90°, H.264 + AAC. */
    public static Path portrait(Path dir) {
        Path landscape = dir.resolve("stored-landscape.mp4");
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=1.5",
                "-f", "lavfi", "-i", "sine=duration=1.5", "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-c:a", "aac", landscape.toString()));
        Path out = dir.resolve("portrait.mp4");
        run(List.of("ffmpeg", "-v", "error", "-y", "-i", landscape.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", out.toString()));
        return out;
    }

    /** A clip whose tone is at {@code db} dBFS, for loudness checks. */
    public static Path tone(Path dir, String name, int db, double seconds) {
        Path out = dir.resolve(name);
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=1000:duration=" + seconds, "-shortest", "-af", "volume=" + db + "dB",
                "-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-c:a", "libopus", "-f", "matroska",
                out.toString()));
        return out;
    }

    /** ffprobe's streams and format of a file. */
    public static JsonNode probe(Path file) {
        String json = run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()));
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (s.path("codec_type").asText().equals(type)) {
                return s;
            }
        }
        return null;
    }

    /** Integrated loudness (LUFS) of a file's audio, measured by ffmpeg's ebur128 filter. */
    public static double integratedLoudness(Path file) {
        String log = runErr(List.of("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(), "-map", "0:a:0",
                "-af", "ebur128", "-f", "null", "-"));
        var m = java.util.regex.Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }

    /** Offset of a top-level MP4 box, -1 when absent. */
    public static long boxOffset(Path mp4, String type) {
        try (var ch = Files.newByteChannel(mp4)) {
            long pos = 0;
            var head = java.nio.ByteBuffer.allocate(16);
            while (pos < ch.size()) {
                head.clear();
                ch.position(pos);
                ch.read(head);
                long size = Integer.toUnsignedLong(head.getInt(0));
                String t = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (t.equals(type)) {
                    return pos;
                }
                if (size == 1) {
                    size = head.getLong(8);
                }
                if (size < 8) {
                    return -1;
                }
                pos += size;
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(List<String> cmd) {
        return exec(cmd, false);
    }

    static String runErr(List<String> cmd) {
        return exec(cmd, true);
    }

    private static String exec(List<String> cmd, boolean stderr) {
        try {
            Path errFile = Files.createTempFile("clips-", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out: " + cmd);
                }
                String err = Files.readString(errFile);
                if (p.exitValue() != 0) {
                    throw new AssertionError(cmd + " failed: " + err);
                }
                return stderr ? err : out;
            } finally {
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
