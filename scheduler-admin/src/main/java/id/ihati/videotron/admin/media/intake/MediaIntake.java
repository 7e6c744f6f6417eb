package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.media.ContentStore;
import id.ihati.videotron.admin.media.MediaFacts;
import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's shell: decides at upload what happens to a video ({@link #admit}), records it
 * ({@link #enqueue}), converts queued videos one at a time ({@link #runNext}, from {@link MediaIntakeJob}),
 * and tells pages where each video is ({@link #status}). The upload answers before any conversion starts.
 */
public final class MediaIntake {
    private static final Logger log = LoggerFactory.getLogger(MediaIntake.class);
    private final Jdbi jdbi;
    private final IntakeRepository repo;
    private final ContentStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Ffmpeg ffmpeg;
    private final Supplier<List<Panel>> panels;
    private final Optional<String> missing;
    private volatile Runnable wake = () -> { };

    public MediaIntake(Jdbi jdbi, ContentStore store, AuditLog audit, Clock clock, Ffmpeg ffmpeg,
                       Supplier<List<Panel>> panels) {
        this.jdbi = jdbi;
        this.repo = new IntakeRepository(jdbi);
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.ffmpeg = ffmpeg;
        this.panels = panels;
        this.missing = ffmpeg.missing();
        missing.ifPresentOrElse(
                why -> log.warn("ffmpeg/ffprobe are not usable ({}): videos that need converting (HEVC, VP9, AV1, "
                        + "MPEG-4 Part 2, 10-bit, 60 fps, 4K, rotated, MKV/WebM/MOV/3GP) are REFUSED at upload until "
                        + "the 'ffmpeg' package is installed; H.264 + AAC MP4s are accepted as they are", why),
                () -> log.info("ffmpeg found: uploaded videos are converted to H.264 + AAC for the players"));
    }

    /** The library's intake: the ffmpeg on the PATH, the registered screens' sizes and fit modes. */
    public static MediaIntake forLibrary(Jdbi jdbi, ContentStore store, AuditLog audit, Clock clock) {
        var screens = new id.ihati.videotron.admin.screen.ScreenRepository(jdbi);
        return new MediaIntake(jdbi, store, audit, clock, Ffmpeg.onPath(), () -> screens.profiles().stream()
                .map(p -> new Panel(p.name(), p.resolution(), p.fitMode())).toList());
    }

    /** Files the intake keeps: originals, posters, strips (for the purge's list of referenced files). */
    public static String referencedFilesSql() {
        return IntakeRepository.REFERENCED_FILES;
    }

    public boolean available() {
        return missing.isEmpty();
    }

    /** Called after an upload queued a video, so the job starts now rather than at its next tick. */
    public void onQueued(Runnable wake) {
        this.wake = wake;
    }

    /** What the upload path does with a staged file: its facts, and for videos the intake's plan. */
    public record Admission(MediaFacts facts, IntakePlan plan) {
        /** Whether the file is converted before it may be approved and served. */
        public boolean converts() {
            return plan instanceof IntakePlan.Convert;
        }

        public boolean queued() {
            return plan != null;
        }
    }

    /**
     * Decides what a staged upload is. Images and everything ffprobe cannot read go to {@code inspector} (the
     * library's checks by bytes, with their refusals). Videos are probed: those that play as they are pass the
     * inspector too (video-only copy as before); the rest are accepted for conversion. Without ffmpeg, only
     * what the inspector accepts is taken, and its refusals say that the server cannot convert.
     */
    public Admission admit(Path staged, Function<Path, MediaFacts> inspector) {
        boolean image = looksLikeImage(staged);
        if (image) {
            return new Admission(inspector.apply(staged), null);
        }
        if (!available()) {
            try {
                return new Admission(inspector.apply(staged), null);
            } catch (ValidationException e) {
                var problems = new ArrayList<>(e.problems());
                problems.add(Problem.of("file", "intake.ffmpegMissing"));
                throw new ValidationException(e.status(), problems);
            }
        }
        Optional<Probe> probe = ffmpeg.probe(staged);
        if (probe.isEmpty()) {
            return new Admission(inspector.apply(staged), null); // refuses: unknown or damaged
        }
        IntakePlan plan = IntakePlanner.decide(probe.get(), panels.get());
        if (plan instanceof IntakePlan.Refuse r) {
            inspector.apply(staged); // its own words when it has them (no video track, damaged)
            throw new ValidationException(422, List.of(Problem.of("file", r.key())));
        }
        if (plan instanceof IntakePlan.Convert c) {
            Probe p = probe.get();
            return new Admission(new MediaFacts(MediaKind.VIDEO, contentType(p), c.durationMillis(),
                    p.video().displaySize(), p.video().codec(), p.audio() != null), c);
        }
        return new Admission(inspector.apply(staged), plan);
    }

    /** Records an admitted video in the upload's transaction; {@link #wake} after it committed. */
    public void enqueue(Handle h, String mediaId, FileRef original, Admission a) {
        String reasons = a.plan() instanceof IntakePlan.Convert c
                ? c.reasons().stream().map(Enum::name).collect(Collectors.joining(",")) : "";
        repo.insert(h, mediaId, original, a.converts(), reasons, clock.instant());
    }

    public void wake() {
        wake.run();
    }

    /** The item that was uploaded as this original, if any (a converted item's file is another one). */
    public Optional<String> itemWithOriginal(Handle h, String sha256) {
        return repo.mediaWithOriginal(h, sha256);
    }

    /** Refuses approving a video whose conversion has not succeeded (yet). */
    public void requireApprovable(Handle h, String mediaId) {
        repo.find(h, mediaId).ifPresent(r -> {
            if (r.converts() && r.state() != IntakeState.DONE) {
                throw new ValidationException(409, List.of(Problem.of(null, r.state() == IntakeState.FAILED
                        ? "intake.approve.failed" : "intake.approve.notReady")));
            }
        });
    }

    // --- status ---

    public Optional<IntakeStatus> status(String mediaId) {
        return repo.find(mediaId).map(MediaIntake::view);
    }

    public Map<String, IntakeStatus> statuses(Collection<String> mediaIds) {
        return repo.find(mediaIds).stream().collect(Collectors.toMap(IntakeRepository.Row::mediaId, MediaIntake::view));
    }

    private static IntakeStatus view(IntakeRepository.Row r) {
        List<String> reasons = r.reasons().isEmpty() ? List.of() : Arrays.asList(r.reasons().split(","));
        boolean failed = r.state() == IntakeState.FAILED;
        return new IntakeStatus(r.mediaId(), r.state(), r.converts(), reasons, r.percent(),
                failed ? Messages.get(Messages.ID, "intake.failed") : null,
                failed ? Messages.get(Messages.EN, "intake.failed") : null,
                r.posterSha256() == null ? null : "/api/v1/media/" + r.posterSha256(),
                r.stripSha256() == null ? null : "/api/v1/media/" + r.stripSha256());
    }

    // --- the job's work ---

    /** Rows a stopped server left half-done go back to the queue; called when the job starts a run. */
    public void recoverInterrupted() {
        int n = repo.requeueInterrupted();
        if (n > 0) {
            log.info("Re-queued {} video conversions interrupted by a stop", n);
        }
    }

    /** Converts (or makes the poster of) the oldest queued video; false when none is queued. */
    public boolean runNext() {
        if (!available()) {
            return false;
        }
        Optional<IntakeRepository.Row> next = repo.claimNext(clock.instant());
        next.ifPresent(this::process);
        return next.isPresent();
    }

    private void process(IntakeRepository.Row row) {
        var temps = new ArrayList<Path>();
        try {
            Path original = store.file(row.originalSha256())
                    .orElseThrow(() -> new IllegalStateException("original " + row.originalSha256() + " is gone"));
            Path served = original;
            long durationMillis;
            if (row.converts()) {
                Probe probe = ffmpeg.probe(original).orElseThrow(() -> new Ffmpeg.ConversionFailed("probe", "unreadable"));
                IntakePlan plan = IntakePlanner.decide(probe, panels.get());
                if (!(plan instanceof IntakePlan.Convert convert)) {
                    throw new Ffmpeg.ConversionFailed("plan", plan.toString());
                }
                Path out = temp(temps, ".mp4");
                int[] last = {-1};
                ffmpeg.convert(original, out, convert, percent -> {
                    if (percent != last[0]) {
                        last[0] = percent;
                        repo.progress(row.mediaId(), percent);
                    }
                });
                served = out;
                durationMillis = ffmpeg.probe(out).map(Probe::durationMillis).orElse(convert.durationMillis());
                finishConverted(row, out, convert, durationMillis, temps);
            } else {
                durationMillis = ffmpeg.probe(original).map(Probe::durationMillis).orElse(1000L);
                finishPosterOnly(row, served, durationMillis, temps);
            }
        } catch (Ffmpeg.ConversionFailed e) {
            log.warn("Conversion of {} failed at {}: {}", row.mediaId(), e.step, e.detail);
            fail(row, e.step + ": " + e.detail);
        } catch (RuntimeException | IOException e) {
            log.error("Conversion of {} failed", row.mediaId(), e);
            fail(row, e.toString());
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    log.warn("Could not delete temporary file {}", t, e);
                }
            }
        }
    }

    private void finishConverted(IntakeRepository.Row row, Path out, IntakePlan.Convert plan, long durationMillis,
                                 List<Path> temps) throws IOException {
        Path videoOnlyTemp = null;
        if (plan.audio()) {
            videoOnlyTemp = temp(temps, ".mp4");
            ffmpeg.videoOnly(out, videoOnlyTemp);
        }
        FileRef[] pictures = pictures(out, durationMillis, temps);
        FileRef converted = store.commitTemp(out);
        FileRef videoOnly = videoOnlyTemp == null ? null : store.commitTemp(videoOnlyTemp);
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            if (!repo.useConverted(h, row.mediaId(), converted, durationMillis, plan.size().width(),
                    plan.size().height(), plan.audio(), videoOnly, now)) {
                return; // deleted while converting: the files become orphans and are purged
            }
            repo.finish(h, row.mediaId(), IntakeState.DONE, null, pictures[0].sha256(), pictures[1].sha256(), now);
            audit.record(h, "system", "media.convert", "media", row.mediaId(), "from " + row.originalSha256()
                    + " (" + row.reasons() + ") to " + converted.sha256() + ", " + plan.size() + " " + plan.fps()
                    + " fps" + (videoOnly != null ? ", video-only copy " + videoOnly.sha256() : ""));
        });
        log.info("Converted {} ({}) to {} at {}", row.mediaId(), row.reasons(), converted.sha256(), plan.size());
    }

    private void finishPosterOnly(IntakeRepository.Row row, Path file, long durationMillis, List<Path> temps)
            throws IOException {
        FileRef[] pictures = pictures(file, durationMillis, temps);
        jdbi.useTransaction(h -> repo.finish(h, row.mediaId(), IntakeState.DONE, null, pictures[0].sha256(),
                pictures[1].sha256(), clock.instant()));
    }

    private FileRef[] pictures(Path video, long durationMillis, List<Path> temps) throws IOException {
        Path poster = temp(temps, ".jpg");
        Path strip = temp(temps, ".jpg");
        ffmpeg.poster(video, poster, durationMillis);
        ffmpeg.strip(video, strip, durationMillis);
        return new FileRef[] {store.commitTemp(poster), store.commitTemp(strip)};
    }

    private void fail(IntakeRepository.Row row, String detail) {
        jdbi.useTransaction(h -> {
            repo.finish(h, row.mediaId(), IntakeState.FAILED, detail, null, null, clock.instant());
            audit.record(h, "system", "media.convertFailed", "media", row.mediaId(),
                    detail.length() > 300 ? detail.substring(0, 300) : detail);
        });
    }

    private Path temp(List<Path> temps, String suffix) throws IOException {
        Path p = store.newTemp(suffix);
        temps.add(p);
        return p;
    }

    // --- helpers ---

    private static String contentType(Probe p) {
        if (p.format().contains("webm") || p.format().contains("matroska")) {
            return "video/x-matroska";
        }
        if (p.brand() != null && p.brand().strip().equals("qt")) {
            return "video/quicktime";
        }
        if (p.brand() != null && p.brand().startsWith("3g")) {
            return "video/3gpp";
        }
        return p.format().contains("mp4") ? "video/mp4" : "application/octet-stream";
    }

    private static boolean looksLikeImage(Path file) {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return h.length >= 4 && ((h[0] & 0xFF) == 0x89 && h[1] == 'P' // PNG
                || (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 // JPEG
                || h[0] == 'G' && h[1] == 'I' && h[2] == 'F' || h[0] == 'B' && h[1] == 'M'
                || h.length >= 12 && h[0] == 'R' && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P');
    }
}
