package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.media.intake.Ffmpeg;
import id.ihati.videotron.admin.media.intake.IntakePlan;
import id.ihati.videotron.admin.media.intake.IntakePlanner;
import id.ihati.videotron.admin.media.intake.Panel;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Media intake figures (issue 13): conversion speed of a phone clip (1080p30 HEVC + AAC) and of a 4K HEVC clip
 * with the server's own arguments and core budget, and the request time of a large upload (conversion
 * excluded: the upload answers before it starts). Run by {@code bin/bench-media-intake}; needs an idle machine
 * for figures worth writing down.
 */
public final class MediaIntakeBenchmark {
    public static void main(String[] args) throws Exception {
        int phoneSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int fourKSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int uploadMb = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path dir = Files.createTempDirectory("intake-bench");
        var ffmpeg = new Ffmpeg("ffmpeg", "ffprobe", threads);
        List<Panel> screens = List.of(new Panel("1080p", new Resolution(1920, 1080), FitMode.CONTAIN));
        System.out.printf(Locale.ROOT, "machine: %d cores, ffmpeg threads %d%n",
                Runtime.getRuntime().availableProcessors(), threads);

        Path phone = clip(dir, "phone.mp4", "1920x1080", phoneSeconds);
        convert(ffmpeg, phone, screens, phoneSeconds, "phone clip 1080p30 HEVC+AAC");
        Path fourK = clip(dir, "fourk.mp4", "3840x2160", fourKSeconds);
        convert(ffmpeg, fourK, screens, fourKSeconds, "4K30 HEVC+AAC");

        Path big = dir.resolve("big.mkv");
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi",
                "-i", "anoisesrc=a=0.1", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-c:a", "pcm_s16le",
                "-fs", uploadMb + "M", big.toString());
        try (var admin = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(),
                c -> c.withMaxUploadBytes((uploadMb + 50L) * 1024 * 1024))) {
            admin.server().jobs().quartz().standby(); // the upload alone, no conversion alongside
            var c = admin.session(Role.CONTRIBUTOR);
            var body = new Multipart().fields(MediaFixtures.meta("Besar", "HEALTH", ""))
                    .file("file", "besar.mkv", "video/x-matroska", Files.readAllBytes(big));
            byte[] bytes = body.build();
            long t0 = System.nanoTime();
            var r = c.send(HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media"))
                    .header("Content-Type", body.contentType()).header("Accept", "application/json").header("X-CSRF-Token", c.csrf())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "upload %.1f MB: HTTP %d in %.0f ms (target < 2000 ms)%n",
                    bytes.length / 1048576.0, r.statusCode(), ms);
        }
    }

    private static Path clip(Path dir, String name, String size, int seconds) throws Exception {
        Path out = dir.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=30:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:v", "libx265", "-preset",
                "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac", out.toString());
        return out;
    }

    private static void convert(Ffmpeg ffmpeg, Path in, List<Panel> screens, int seconds, String what) {
        var plan = (IntakePlan.Convert) IntakePlanner.decide(ffmpeg.probe(in).orElseThrow(), screens);
        Path out = in.resolveSibling(in.getFileName() + ".out.mp4");
        long t0 = System.nanoTime();
        ffmpeg.convert(in, out, plan, p -> { });
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s, %d s → %s %d fps: %.1f s, %.2f× real time (target ≥ 1.00×)%n",
                what, seconds, plan.size(), plan.fps(), s, seconds / s);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
