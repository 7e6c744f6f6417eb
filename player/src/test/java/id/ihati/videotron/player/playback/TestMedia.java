package id.ihati.videotron.player.playback;

import id.ihati.videotron.player.playback.ContentSource;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The files in test-media/ as manifest media, a content source serving them, and plays made by hand. Media ids
 * are the file names without extension ("pb-red"); a video's length and whether it has sound are read from the
 * file (ffprobe), and "x-audio.mp4" has "x.mp4", when there is one, as its video-only copy.
 */
final class TestMedia {
    static final Path DIR = findDir();
    static final String SCREEN = "scr-test";

    private TestMedia() {
    }

    private static Path findDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-media"))) {
                return p.resolve("test-media");
            }
        }
        throw new IllegalStateException("test-media/ not found");
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Media media(String file) {
        Path p = DIR.resolve(file);
        String id = file.substring(0, file.lastIndexOf('.'));
        boolean video = file.endsWith(".mp4") || file.endsWith(".webm");
        var probe = video ? probe(p) : new Probe(5000, false);
        String silentCopy = file.replace("-audio.mp4", ".mp4");
        FileRef videoOnly = probe.audio() && !silentCopy.equals(file) && Files.exists(DIR.resolve(silentCopy))
                ? ref(silentCopy) : null;
        try {
            return new Media(id, video ? MediaKind.VIDEO : MediaKind.IMAGE, sha256(p), Files.size(p),
                    probe.millis(), new Resolution(160, 80), id, "test", List.of(), null, null, probe.audio(),
                    videoOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What ffprobe reads from a video file: its length (the container's) and whether it has a sound track. */
    record Probe(long millis, boolean audio) {
    }

    private static final Map<Path, Probe> PROBED = new ConcurrentHashMap<>();

    static Probe probe(Path file) {
        return PROBED.computeIfAbsent(file, f -> {
            String out = ffprobe("-show_entries", "format=duration:stream=codec_type", "-of", "default=nw=1",
                    f.toString());
            long millis = out.lines().filter(l -> l.startsWith("duration="))
                    .mapToLong(l -> Math.round(Double.parseDouble(l.substring(9)) * 1000)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("ffprobe found no duration in " + f + ": " + out));
            return new Probe(millis, out.lines().anyMatch(l -> l.equals("codec_type=audio")));
        });
    }

    private static String ffprobe(String... args) {
        var cmd = new ArrayList<String>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(List.of(args));
        try {
            var proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (proc.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe (Debian package ffmpeg) is needed to read the test media", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static FileRef ref(String file) {
        Path p = DIR.resolve(file);
        try {
            return new FileRef(sha256(p), Files.size(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScreenProfile screen(FitMode fit, boolean audio) {
        return new ScreenProfile(SCREEN, "Layar uji", null, null, new Resolution(320, 160), 60, 3,
                ScreenProfile.alwaysOn(), Map.of(), fit, audio, null, null);
    }

    /** A manifest naming every given file, with {@code filler} as filler. */
    static Manifest manifest(ScreenProfile screen, String filler, String... files) {
        var media = new ArrayList<Media>();
        for (String f : files) {
            media.add(media(f));
        }
        Instant now = Instant.now();
        return new Manifest(1, screen, now.minusSeconds(60), now.plus(Duration.ofDays(7)), 1, null, media,
                List.of(), List.of(), new Filler(List.of(filler)), "test-" + now.toEpochMilli());
    }

    /** Plays back to back from {@code start}: pairs of media id and length in milliseconds. */
    static List<PlannedPlay> plays(Instant start, Object... idAndMillis) {
        var plays = new ArrayList<PlannedPlay>();
        Instant t = start;
        for (int i = 0; i < idAndMillis.length; i += 2) {
            Instant end = t.plusMillis(((Number) idAndMillis[i + 1]).longValue());
            plays.add(new PlannedPlay(t, end, SCREEN, (String) idAndMillis[i], Category.HEALTH, "b-" + i / 2,
                    LocalDate.of(2026, 11, 25), 0, i / 2, 1));
            t = end;
        }
        return plays;
    }

    /** Serves a manifest that tests can swap, and every file of test-media/ by its SHA-256. */
    static final class Content implements ContentSource {
        private final Map<String, Path> files = new HashMap<>();
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        private volatile Manifest manifest;
        private volatile Manifest fallback;

        Content(Manifest manifest) {
            this.manifest = manifest;
            try (var list = Files.list(DIR)) {
                list.forEach(p -> files.put(sha256(p), p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Serves one more file, e.g. a clip converted in the test. */
        Content add(Path file) {
            files.put(sha256(file), file);
            return this;
        }

        void set(Manifest m) {
            set(m, null);
        }

        /** A plan still downloading, over the plan before it. */
        void set(Manifest m, Manifest under) {
            manifest = m;
            fallback = under;
            listeners.forEach(Runnable::run);
        }

        @Override
        public Optional<Manifest> fallback() {
            return Optional.ofNullable(fallback);
        }

        @Override
        public Optional<Manifest> manifest() {
            return Optional.ofNullable(manifest);
        }

        @Override
        public Optional<Path> verifiedFile(String sha256) {
            return Optional.ofNullable(files.get(sha256));
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }
    }
}
