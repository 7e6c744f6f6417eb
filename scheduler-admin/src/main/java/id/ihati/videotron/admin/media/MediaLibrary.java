package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.intake.MediaIntake;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.media.slide.SlideRenderer;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content library's rules: adding uploads and slides, deciding on them, changing and deleting them,
 * handing them to screens, and purging files nobody refers to. Every change is audited in its transaction.
 */
public final class MediaLibrary implements MediaCatalog {
    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    private static final Pattern ID = Pattern.compile("m-[a-z0-9]{10}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** Largest size a slide is rendered at: bigger than any LED wall, small enough to render quickly. */
    public static final int MAX_RENDER_SIDE = 3840;

    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final ContentStore store;
    private final MediaInspector inspector = new MediaInspector();
    private final SlideRenderer renderer = new SlideRenderer();
    private final AuditLog audit;
    private final Clock clock;
    private final long maxUploadBytes;
    private final SecureRandom random = new SecureRandom();
    // [intake hook] videos are probed, converted and given posters by media.intake (issue 13)
    private final MediaIntake intake;

    public MediaLibrary(Path dataDir, long maxUploadBytes, Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repo = new MediaRepository(jdbi);
        this.store = new ContentStore(dataDir);
        this.audit = audit;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
        this.intake = MediaIntake.forLibrary(jdbi, store, audit, clock); // [intake hook]
    }

    /** [intake hook] The video intake (conversion queue, posters, status). */
    public MediaIntake intake() {
        return intake;
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    public ContentStore store() {
        return store;
    }

    public MediaRepository repository() {
        return repo;
    }

    // --- reading ---

    public Optional<MediaItem> find(String id) {
        return isId(id) ? repo.find(id) : Optional.empty();
    }

    public MediaItem get(String id) {
        return find(id).orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "media.notFound"))));
    }

    public List<MediaItem> list(MediaRepository.Filter filter, int limit, int offset) {
        return repo.list(filter, limit, offset);
    }

    public List<String> tags() {
        return repo.tags();
    }

    // --- adding ---

    /**
     * Adds an uploaded file: streams it to a temporary file while hashing, decides its type from its bytes,
     * refuses what players cannot play, keeps a video-only copy of a video with sound, and stores the row. On
     * any refusal or failure no file and no row remain.
     *
     * @param fields       the form's metadata fields (see {@link Metadata#parse}) plus optional {@code approveNow}
     * @param originalName the browser's file name, used only for display after {@link #cleanName}
     */
    public MediaItem upload(User actor, InputStream content, String originalName, java.util.Map<String, String> fields) {
        requireCanAdd(actor);
        String name = cleanName(originalName);
        ContentStore.Staged staged;
        try {
            staged = store.write(content, maxUploadBytes);
        } catch (ContentStore.TooLarge e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new ValidationException(400, List.of(Problem.of("file", "media.uploadBroken")));
        }
        Path videoOnlyTemp = null;
        boolean committed = false;
        try {
            var problems = new ArrayList<Problem>(fileNameProblems(originalName));
            Metadata meta = null;
            try {
                meta = Metadata.parse(fields, stem(name), actor.organisation(), clock.instant());
                checkCategory(actor, meta.category(), problems);
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
            MediaFacts facts = null;
            MediaIntake.Admission admission = null; // [intake hook]
            if (staged.size() == 0) {
                problems.add(Problem.of("file", "media.fileRequired"));
            } else {
                try {
                    admission = intake.admit(staged.temp(), inspector::inspect); // [intake hook]
                    facts = admission.facts();
                } catch (ValidationException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Optional<MediaItem> existing = jdbi.withHandle(h -> repo.findBySha256(h, staged.sha256())
                    .or(() -> intake.itemWithOriginal(h, staged.sha256()).flatMap(id -> repo.find(h, id)))); // [intake hook]
            if (existing.isPresent()) {
                throw duplicate(existing.get());
            }
            FileRef videoOnly = null;
            if (facts.kind() == MediaKind.VIDEO && facts.hasAudio() && !admission.converts()) { // [intake hook]
                videoOnlyTemp = store.newTemp(".mp4");
                try {
                    Mp4File.writeVideoOnly(staged.temp(), videoOnlyTemp);
                } catch (Mp4File.Broken e) {
                    log.info("Refused {}: its video track cannot be copied: {}", name, e.getMessage());
                    throw MediaInspector.refuse("media.refuse.corrupt");
                }
            }
            boolean fileWasStored = store.file(staged.sha256()).isPresent();
            store.commit(staged);
            committed = true;
            if (videoOnlyTemp != null) {
                videoOnly = store.commitTemp(videoOnlyTemp);
                videoOnlyTemp = null;
            }
            Instant now = clock.instant();
            boolean approve = "true".equals(fields.get("approveNow")) && MediaRules.canDecide(actor, meta.category())
                    && !admission.converts(); // [intake hook] approved only once converted
            FileRef copy = videoOnly;
            MediaIntake.Admission admitted = admission;
            MediaItem item = new MediaItem(newId(), facts.kind(), meta.title(), meta.owner(), meta.category(),
                    meta.tags(), approve ? MediaStatus.APPROVED : MediaStatus.PENDING, null, meta.validFrom(),
                    meta.validUntil(), meta.displaySeconds(), new FileRef(staged.sha256(), staged.size()),
                    facts.contentType(), facts.durationMillis(), facts.pixels(), facts.videoCodec(),
                    facts.hasAudio(), videoOnly, name, null, actor.username(), actor.role().name(), now, now,
                    approve ? actor.username() : null, approve ? now : null);
            try {
                jdbi.useTransaction(h -> {
                    repo.insert(h, item);
                    if (admitted.queued()) {
                        intake.enqueue(h, item.id(), item.file(), admitted); // [intake hook]
                    }
                    audit.record(h, actor.username(), "media.upload", "media", item.id(),
                            item.kind() + " " + staged.sha256() + " " + staged.size() + " bytes, \"" + item.title()
                                    + "\"" + (copy != null ? ", video-only copy " + copy.sha256() : ""));
                    if (approve) {
                        audit.record(h, actor.username(), "media.approve", "media", item.id(), "on upload");
                    }
                });
            } catch (RuntimeException e) {
                if (!fileWasStored) {
                    store.delete(staged.sha256());
                }
                throw e;
            }
            log.info("{} added {} {} ({})", actor.username(), item.kind(), item.id(), item.status());
            if (admitted.queued()) {
                intake.wake(); // [intake hook] after the commit, so the job finds the row
            }
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload " + name, e);
        } finally {
            if (!committed) {
                store.discard(staged);
            }
            if (videoOnlyTemp != null) {
                try {
                    Files.deleteIfExists(videoOnlyTemp);
                } catch (IOException e) {
                    log.warn("Could not delete temporary file {}", videoOnlyTemp, e);
                }
            }
        }
    }

    /** Adds a slide written in the form; renditions are made when a screen or preview asks for them. */
    public MediaItem createSlide(User actor, Slide slide, java.util.Map<String, String> fields) {
        requireCanAdd(actor);
        var problems = new ArrayList<Problem>();
        Metadata meta = metadataOrProblems(actor, fields, slide.title(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        boolean approve = "true".equals(fields.get("approveNow")) && MediaRules.canDecide(actor, meta.category());
        MediaItem item = new MediaItem(newId(), MediaKind.SLIDE, meta.title(), meta.owner(), meta.category(),
                meta.tags(), approve ? MediaStatus.APPROVED : MediaStatus.PENDING, null, meta.validFrom(),
                meta.validUntil(), meta.displaySeconds(), null, "image/png", 0, null, null, false, null, null,
                slide, actor.username(), actor.role().name(), now, now, approve ? actor.username() : null,
                approve ? now : null);
        jdbi.useTransaction(h -> {
            repo.insert(h, item);
            audit.record(h, actor.username(), "media.slide", "media", item.id(), "\"" + slide.title() + "\""
                    + (slide.qrUrl() == null ? "" : " QR " + slide.qrUrl()));
            if (approve) {
                audit.record(h, actor.username(), "media.approve", "media", item.id(), "on creation");
            }
        });
        return item;
    }

    // --- changing ---

    /** Approves a pending or rejected item. */
    public MediaItem approve(User actor, String id) {
        return decide(actor, id, MediaStatus.APPROVED, null);
    }

    /** Rejects an item with a reason the uploader will read. */
    public MediaItem reject(User actor, String id, String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw ValidationException.of("reason", "media.reasonRequired");
        }
        if (r.length() > 1000) {
            throw ValidationException.of("reason", "media.tooLong", 1000);
        }
        return decide(actor, id, MediaStatus.REJECTED, r);
    }

    private MediaItem decide(User actor, String id, MediaStatus to, String reason) {
        return jdbi.inTransaction(h -> {
            MediaItem m = repo.find(h, id).orElseThrow(this::notFound);
            if (!MediaRules.canDecide(actor, m)) {
                throw forbidden("media.mayNotDecide");
            }
            if (to == MediaStatus.APPROVED) {
                intake.requireApprovable(h, id); // [intake hook] only converted videos are approved
            }
            Instant now = clock.instant();
            MediaItem changed = with(m, m.title(), m.owner(), m.category(), m.tags(), to, reason, m.validFrom(),
                    m.validUntil(), m.displaySeconds(), m.slide(), now, actor.username(), now);
            repo.update(h, changed);
            audit.record(h, actor.username(), to == MediaStatus.APPROVED ? "media.approve" : "media.reject",
                    "media", id, reason);
            return changed;
        });
    }

    /**
     * Changes an item's metadata (and a slide's content). A change by someone who may not decide on it sends
     * an approved or rejected item back to PENDING; a slide's old renditions are dropped.
     */
    public MediaItem update(User actor, String id, java.util.Map<String, String> fields, Slide slide) {
        return jdbi.inTransaction(h -> {
            MediaItem m = repo.find(h, id).orElseThrow(this::notFound);
            if (!MediaRules.canEdit(actor, m)) {
                throw forbidden("error.forbidden");
            }
            if ((slide != null) != (m.kind() == MediaKind.SLIDE)) {
                throw new IllegalArgumentException("slide content only for slides");
            }
            var problems = new ArrayList<Problem>();
            Metadata meta = metadataOrProblems(actor, fields, slide == null ? m.title() : slide.title(), problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            boolean keepDecision = MediaRules.canDecide(actor, meta.category());
            MediaStatus status = keepDecision ? m.status() : MediaStatus.PENDING;
            Instant now = clock.instant();
            MediaItem changed = with(m, meta.title(), meta.owner(), meta.category(), meta.tags(), status,
                    status == MediaStatus.REJECTED ? m.rejectReason() : null, meta.validFrom(), meta.validUntil(),
                    meta.displaySeconds(), slide == null ? m.slide() : slide, now,
                    status == m.status() ? m.decidedBy() : null, status == m.status() ? m.decidedAt() : null);
            repo.update(h, changed);
            if (slide != null && !slide.equals(m.slide())) {
                repo.deleteRenditions(h, id);
            }
            audit.record(h, actor.username(), "media.update", "media", id,
                    m.status() == status ? "\"" + meta.title() + "\"" : "\"" + meta.title() + "\", back to " + status);
            return changed;
        });
    }

    /** Deletes an item; its files stay until the purge job finds them unreferenced after the grace period. */
    public void delete(User actor, String id) {
        jdbi.useTransaction(h -> {
            MediaItem m = repo.find(h, id).orElseThrow(this::notFound);
            if (!MediaRules.canDelete(actor, m)) {
                throw forbidden("media.mayNotDelete");
            }
            repo.delete(h, id);
            audit.record(h, actor.username(), "media.delete", "media", id, m.kind() + " \"" + m.title() + "\"");
        });
    }

    // --- slides ---

    /** A slide's rendition at a size, rendered and stored the first time it is asked for. */
    public FileRef rendition(MediaItem slide, Resolution size) {
        if (slide.kind() != MediaKind.SLIDE) {
            throw new IllegalArgumentException(slide.id() + " is not a slide");
        }
        checkRenderSize(size);
        Optional<MediaRepository.Rendition> cached = repo.rendition(slide.id(), size);
        if (cached.isPresent() && store.file(cached.get().file().sha256()).isPresent()) {
            return cached.get().file();
        }
        FileRef file = store.put(renderer.png(slide.slide(), size));
        repo.insertRendition(new MediaRepository.Rendition(slide.id(), size, file), clock.instant());
        return repo.rendition(slide.id(), size).map(MediaRepository.Rendition::file).orElse(file);
    }

    /** A preview of a slide not saved yet. */
    public byte[] preview(Slide slide, Resolution size) {
        checkRenderSize(size);
        return renderer.png(slide, size);
    }

    public static void checkRenderSize(Resolution size) {
        if (size.width() > MAX_RENDER_SIDE || size.height() > MAX_RENDER_SIDE) {
            throw ValidationException.of("size", "slide.sizeTooLarge", MAX_RENDER_SIDE);
        }
    }

    // --- MediaCatalog ---

    @Override
    public Optional<Media> forScreen(String mediaId, ScreenProfile screen) {
        Instant now = clock.instant();
        return find(mediaId).filter(m -> m.bookableAt(now)).map(m -> switch (m.kind()) {
            case SLIDE -> {
                FileRef r = rendition(m, screen.resolution());
                yield media(m, r.sha256(), r.size(), screen.resolution(), null);
            }
            case IMAGE, VIDEO -> media(m, m.file().sha256(), m.file().size(), m.pixels(), m.videoOnly());
        });
    }

    private static Media media(MediaItem m, String sha, long size, Resolution pixels, FileRef videoOnly) {
        return new Media(m.id(), m.kind(), sha, size, m.playMillis(), pixels, m.title(), m.owner(), m.tags(),
                m.validFrom(), m.validUntil(), m.hasAudio(), videoOnly);
    }

    @Override
    public Optional<Path> file(String sha256) {
        return store.file(sha256);
    }

    /** Whether a device may fetch this file: part of an approved item. */
    public boolean approvedFile(String sha256) {
        return repo.approvedFile(sha256);
    }

    @Override
    public List<MediaSummary> approved(Category category) {
        Instant now = clock.instant();
        return repo.list(new MediaRepository.Filter(null, MediaStatus.APPROVED, null, null, category), 1000, 0)
                .stream().filter(m -> m.bookableAt(now)).map(MediaSummary::of).toList();
    }

    @Override
    public Optional<MediaSummary> summary(String mediaId) {
        return find(mediaId).map(MediaSummary::of);
    }

    @Override
    public boolean bookable(String mediaId) {
        Instant now = clock.instant();
        return find(mediaId).map(m -> m.bookableAt(now)).orElse(false);
    }

    // --- seeding ---

    /**
     * Imports a file from disk as approved content, as the {@code --demo} seeding and scripts need: the same
     * checks as an upload, audited as done by {@code actor} (use an editor who may decide on the category).
     * An already imported file returns the existing item.
     */
    public MediaItem importApproved(User actor, Path file, Metadata meta) {
        try (InputStream in = Files.newInputStream(file)) {
            return upload(actor, in, file.getFileName().toString(), fieldsOf(meta, true));
        } catch (ValidationException e) {
            String sha = sha256Of(file);
            Optional<MediaItem> existing = jdbi.withHandle(h -> repo.findBySha256(h, sha));
            if (existing.isPresent()) {
                return existing.get();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Creates an approved slide, for seeding. */
    public MediaItem importSlide(User actor, Slide slide, Metadata meta) {
        return createSlide(actor, slide, fieldsOf(meta, true));
    }

    static java.util.Map<String, String> fieldsOf(Metadata meta, boolean approveNow) {
        var f = new java.util.HashMap<String, String>();
        f.put("title", meta.title());
        f.put("owner", meta.owner());
        f.put("category", meta.category().name());
        f.put("tags", String.join(",", meta.tags()));
        f.put("validFrom", Metadata.wibInput(meta.validFrom()));
        f.put("validUntil", Metadata.wibInput(meta.validUntil()));
        f.put("displaySeconds", Integer.toString(meta.displaySeconds()));
        f.put("approveNow", Boolean.toString(approveNow));
        return f;
    }

    // --- purging ---

    /** What one purge run did. */
    public record PurgeResult(int marked, int deleted, int kept) {
    }

    /**
     * Deletes stored files that no row has referred to for at least {@code grace}, and temporary files older
     * than the grace period (left by a crash mid-upload). A file is first marked as unreferenced with the
     * current time; it is deleted by a later run once the mark is old enough and it is still unreferenced.
     * A file referenced again loses its mark.
     */
    public PurgeResult purge(Duration grace) {
        Instant now = clock.instant();
        List<String> stored = store.list();
        var deleted = new ArrayList<String>();
        int[] counts = new int[2];
        jdbi.useTransaction(h -> {
            Set<String> referenced = repo.referencedFiles(h);
            var orphans = repo.orphans(h);
            for (String sha : orphans.keySet()) {
                if (referenced.contains(sha) || !stored.contains(sha)) {
                    repo.unmarkOrphan(h, sha);
                }
            }
            for (String sha : stored) {
                if (referenced.contains(sha)) {
                    continue;
                }
                Instant since = orphans.get(sha);
                if (since == null) {
                    repo.markOrphan(h, sha, now);
                    counts[0]++;
                } else if (!since.plus(grace).isAfter(now)) {
                    repo.unmarkOrphan(h, sha);
                    deleted.add(sha);
                } else {
                    counts[1]++;
                }
            }
            if (!deleted.isEmpty()) {
                audit.record(h, "system", "media.purge", "media", null, deleted.size() + " files: "
                        + String.join(", ", deleted));
            }
        });
        // Deleted after the commit: a failed transaction must not lose a file a row might still need.
        deleted.forEach(store::delete);
        purgeTemp(now.minus(grace));
        if (!deleted.isEmpty()) {
            log.info("Purged {} unreferenced media files", deleted.size());
        }
        return new PurgeResult(counts[0], deleted.size(), counts[1]);
    }

    private void purgeTemp(Instant olderThan) {
        try (var files = Files.list(store.tmpDir())) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p) && !Files.getLastModifiedTime(p).toInstant().isAfter(olderThan)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + store.tmpDir(), e);
        }
    }

    // --- helpers ---

    private Metadata metadataOrProblems(User actor, java.util.Map<String, String> fields, String defaultTitle,
                                        List<Problem> problems) {
        try {
            Metadata meta = Metadata.parse(fields, defaultTitle, actor.organisation(), clock.instant());
            checkCategory(actor, meta.category(), problems);
            return meta;
        } catch (ValidationException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static void checkCategory(User actor, Category category, List<Problem> problems) {
        if (category != null && !MediaRules.categoriesFor(actor.role()).contains(category)) {
            problems.add(Problem.of("category", "media.categoryNotAllowed"));
        }
    }

    private static void requireCanAdd(User actor) {
        if (!MediaRules.canAdd(actor)) {
            throw forbidden("error.forbidden");
        }
    }

    private static ValidationException forbidden(String key) {
        return new ValidationException(403, List.of(Problem.of(null, key)));
    }

    private ValidationException notFound() {
        return new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
    }

    public ValidationException tooLarge() {
        return new ValidationException(413, List.of(Problem.of("file", "media.tooLarge",
                maxUploadBytes / (1024 * 1024))));
    }

    private static ValidationException duplicate(MediaItem existing) {
        return new ValidationException(409, List.of(Problem.of("file", "media.duplicate", existing.title(),
                existing.id())));
    }

    private static MediaItem with(MediaItem m, String title, String owner, Category category, List<String> tags,
                                  MediaStatus status, String reason, Instant from, Instant until, int seconds,
                                  Slide slide, Instant updated, String decidedBy, Instant decidedAt) {
        return new MediaItem(m.id(), m.kind(), title, owner, category, tags, status, reason, from, until, seconds,
                m.file(), m.contentType(), m.durationMillis(), m.pixels(), m.videoCodec(), m.hasAudio(),
                m.videoOnly(), m.originalName(), slide, m.createdBy(), m.createdRole(), m.createdAt(), updated,
                decidedBy, decidedAt);
    }

    private String newId() {
        var sb = new StringBuilder("m-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * A file name fit to show: the last path segment only, no control characters (NUL included), at most 120
     * characters (keeping the extension). It is never used to build a path.
     */
    /**
     * A file name with control characters (a NUL byte, a line break) or bidi controls is refused on field
     * {@code file}, with that reason: such a name is a disguise or a broken client, not a cut-off upload.
     */
    static List<Problem> fileNameProblems(String raw) {
        var problems = new ArrayList<Problem>();
        if (raw != null && raw.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(Problem.of("file", "media.fileNameControls"));
        }
        BidiControls.refuse("file", raw, problems);
        return problems;
    }

    public static String cleanName(String raw) {
        if (raw == null) {
            return "upload";
        }
        String s = raw.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        s = s.codePoints().filter(c -> !Character.isISOControl(c)
                        && !BidiControls.isBidiControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (s.length() > 120) {
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            s = s.substring(0, 120 - ext.length()) + ext;
        }
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "upload" : s;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        String s = (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
        return s.isEmpty() || name.equals("upload") ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String sha256Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var sha = ContentStore.sha256();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
