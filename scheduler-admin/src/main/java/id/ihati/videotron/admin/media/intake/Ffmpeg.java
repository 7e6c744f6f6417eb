package id.ihati.videotron.admin.media.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's ffmpeg and ffprobe, run as child processes. The arguments of the normalising conversion
 * live here, once: the server, its tests and the player's playback test all convert with {@link #convertArgs}.
 */
public final class Ffmpeg {
    /** EBU R128: one programme loudness for every item, so sound-on screens do not jump between clips. */
    public static final double TARGET_LUFS = -23;
    public static final double TRUE_PEAK = -1;
    public static final double LOUDNESS_RANGE = 11;
    private static final Pattern MEASURED = Pattern.compile("\"(input_i|input_tp|input_lra|input_thresh|target_offset)\"\\s*:\\s*\"([^\"]+)\"");
    private final String ffmpeg;
    private final String ffprobe;
    private final int threads;

    public Ffmpeg(String ffmpeg, String ffprobe, int threads) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.threads = threads;
    }

    /** The ffmpeg and ffprobe on the PATH, using every core (conversions run one at a time). */
    public static Ffmpeg onPath() {
        return new Ffmpeg("ffmpeg", "ffprobe", Runtime.getRuntime().availableProcessors());
    }

    /** Whether both programs run; a reason to show when not. */
    public Optional<String> missing() {
        for (String program : List.of(ffmpeg, ffprobe)) {
            try {
                Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    return Optional.of(program + " -version failed");
                }
            } catch (IOException e) {
                return Optional.of(program + " not found (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.empty();
    }

    /** Probes a file; empty when ffprobe cannot read it as media. */
    public Optional<Probe> probe(Path file) {
        var r = run(List.of(ffprobe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                file.toString()), Duration.ofMinutes(1), null);
        if (r.exit() != 0 || r.stdout().isBlank()) {
            return Optional.empty();
        }
        Probe p = Probe.parse(r.stdout());
        return p.video() == null && p.audio() == null && p.durationMillis() == 0 ? Optional.empty() : Optional.of(p);
    }

    /** Loudness of the first audio stream as loudnorm measures it (first pass); empty for silence or errors. */
    public Optional<Loudness> measureLoudness(Path in, long durationMillis) {
        var r = run(List.of(ffmpeg, "-hide_banner", "-nostdin", "-i", in.toString(), "-map", "0:a:0", "-vn",
                "-af", loudnorm() + ":print_format=json", "-f", "null", "-"), timeout(durationMillis), null);
        if (r.exit() != 0) {
            throw new ConversionFailed("loudness", r.stderrTail());
        }
        return Loudness.parse(r.stderr());
    }

    /** Measured loudness; the second loudnorm pass corrects to the target linearly from it. */
    public record Loudness(double i, double tp, double lra, double thresh, double offset) {
        static Optional<Loudness> parse(String stderr) {
            var values = new java.util.HashMap<String, Double>();
            Matcher m = MEASURED.matcher(stderr);
            while (m.find()) {
                try {
                    values.put(m.group(1), Double.parseDouble(m.group(2)));
                } catch (NumberFormatException e) {
                    return Optional.empty(); // "-inf": silence, nothing to normalise
                }
            }
            if (values.size() < 5 || values.values().stream().anyMatch(d -> !Double.isFinite(d))) {
                return Optional.empty();
            }
            return Optional.of(new Loudness(values.get("input_i"), values.get("input_tp"), values.get("input_lra"),
                    values.get("input_thresh"), values.get("target_offset")));
        }
    }

    private static String loudnorm() {
        return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f", TARGET_LUFS, TRUE_PEAK, LOUDNESS_RANGE);
    }

    /**
     * The arguments that turn {@code in} into the normalised MP4 {@code out} (after the program name): H.264 High
     * 4.0, 8-bit 4:2:0, constant frame rate, AAC-LC stereo 48 kHz at the loudness target (two-pass when
     * {@code measured} is given, one-pass otherwise), moov first, metadata (phone GPS, device names) dropped.
     * ffmpeg applies rotation metadata before the filters, so the size is the upright one.
     */
    public static List<String> convertArgs(Path in, Path out, IntakePlan.Convert plan, Loudness measured, int threads) {
        var a = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-v", "error", "-i", in.toString(),
                "-map", "0:v:0"));
        if (plan.audio()) {
            a.addAll(List.of("-map", "0:a:0"));
        }
        a.addAll(List.of("-vf", String.format(Locale.ROOT, "scale=%d:%d:flags=bicubic,setsar=1,fps=%d,format=yuv420p",
                        plan.size().width(), plan.size().height(), plan.fps()),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-profile:v", "high", "-level:v", "4.0",
                "-maxrate", "8M", "-bufsize", "16M", "-g", Integer.toString(plan.fps() * 2),
                "-fps_mode", "cfr", "-r", Integer.toString(plan.fps())));
        if (plan.audio()) {
            String norm = measured == null ? loudnorm() : loudnorm() + String.format(Locale.ROOT,
                    ":measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true",
                    measured.i(), measured.tp(), measured.lra(), measured.thresh(), measured.offset());
            // loudnorm works at 192 kHz internally: resample to 48 kHz after it.
            a.addAll(List.of("-af", norm + ",aresample=48000", "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                    "-ar", "48000"));
        } else {
            a.add("-an");
        }
        a.addAll(List.of("-sn", "-dn", "-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
                "-threads", Integer.toString(Math.max(1, threads)), "-f", "mp4", out.toString()));
        return a;
    }

    /**
     * Converts as {@link #convertArgs} says, two-pass loudness when the file has sound, reporting percent done
     * (from ffmpeg's {@code -progress}) to {@code progress}.
     */
    public void convert(Path in, Path out, IntakePlan.Convert plan, IntConsumer progress) {
        Loudness measured = plan.audio() ? measureLoudness(in, plan.durationMillis()).orElse(null) : null;
        var cmd = new ArrayList<String>();
        cmd.add(ffmpeg);
        cmd.addAll(convertArgs(in, out, plan, measured, threads));
        cmd.addAll(cmd.size() - 3, List.of("-progress", "pipe:1", "-nostats"));
        var r = run(cmd, timeout(plan.durationMillis()), line -> {
            if (line.startsWith("out_time_us=") && plan.durationMillis() > 0) {
                try {
                    long us = Long.parseLong(line.substring("out_time_us=".length()).strip());
                    progress.accept((int) Math.max(0, Math.min(99, us / 10 / plan.durationMillis())));
                } catch (NumberFormatException e) {
                    // "N/A" before the first frame
                }
            }
        });
        if (r.exit() != 0) {
            throw new ConversionFailed("convert", r.stderrTail());
        }
    }

    /** The video stream alone, copied (no re-encode): what screens with sound off play. */
    public void videoOnly(Path in, Path out) {
        check("video-only", List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error", "-i", in.toString(),
                "-map", "0:v:0", "-c", "copy", "-an", "-movflags", "+faststart", "-f", "mp4", out.toString()));
    }

    /** A poster frame (JPEG, 320 px wide) from a tenth into the clip, past black lead-ins. */
    public void poster(Path in, Path out, long durationMillis) {
        String at = String.format(Locale.ROOT, "%.3f", durationMillis / 10000.0);
        check("poster", List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error", "-ss", at, "-i",
                in.toString(), "-frames:v", "1", "-vf", "scale=320:-2", "-q:v", "4", "-f", "image2", out.toString()));
    }

    /** Five frames spread over the clip in one JPEG, 120 px high each. */
    public void strip(Path in, Path out, long durationMillis) {
        double every = Math.max(0.04, durationMillis / 1000.0 / 5);
        check("strip", List.of(ffmpeg, "-hide_banner", "-nostdin", "-y", "-v", "error", "-i", in.toString(),
                "-vf", String.format(Locale.ROOT, "fps=1/%.3f,scale=-2:120,tile=5x1", every), "-frames:v", "1",
                "-q:v", "5", "-f", "image2", out.toString()));
    }

    private void check(String what, List<String> cmd) {
        var r = run(cmd, Duration.ofMinutes(10), null);
        if (r.exit() != 0) {
            throw new ConversionFailed(what, r.stderrTail());
        }
    }

    /** At least ten minutes; slow machines get twenty times the clip's length. */
    private static Duration timeout(long durationMillis) {
        return Duration.ofMillis(Math.max(600_000, durationMillis * 20));
    }

    /** ffmpeg gave up; {@code detail} is the end of what it printed. */
    public static final class ConversionFailed extends RuntimeException {
        public final String step;
        public final String detail;

        ConversionFailed(String step, String detail) {
            super(step + ": " + detail);
            this.step = step;
            this.detail = detail;
        }
    }

    private record Result(int exit, String stdout, String stderr) {
        String stderrTail() {
            String s = stderr.strip();
            return s.length() > 600 ? s.substring(s.length() - 600) : s;
        }
    }

    /** Runs a program at low priority (requests stay responsive), stdout line by line, stderr to a file. */
    private static Result run(List<String> cmd, Duration timeout, java.util.function.Consumer<String> lines) {
        var full = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            full.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        full.addAll(cmd);
        Path err = null;
        try {
            err = Files.createTempFile("ffmpeg-", ".err");
            Process p = new ProcessBuilder(full).redirectError(err.toFile()).start();
            var out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (lines != null) {
                            lines.accept(line);
                        } else {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process ended or was killed; its exit code says what happened
                }
            }, "ffmpeg-out");
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                reader.join();
                return new Result(-1, "", "timed out after " + timeout.toSeconds() + " s");
            }
            reader.join();
            return new Result(p.exitValue(), out.toString(), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException e) {
                    // a temp file left behind is harmless; the OS cleans /tmp
                }
            }
        }
    }
}
