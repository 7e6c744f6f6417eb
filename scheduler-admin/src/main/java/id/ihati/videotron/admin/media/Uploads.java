package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.intake.MediaIntake;
import id.ihati.videotron.admin.web.BidiControls;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding uploaded files to the library: streamed to a temporary file while hashing, recognised by their bytes,
 * refused when players cannot play them, a video with sound given a video-only copy, then stored with its row
 * and audit entry in one transaction. On any refusal or failure no file and no row remain.
 */
public final class Uploads {
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final ContentStore store;
    private final MediaInspector inspector = new MediaInspector();
    private final AuditLog audit;
    private final Clock clock;
    private final long maxUploadBytes;
    // Videos are probed, converted and given posters by media.intake (issue 13).
    private final MediaIntake intake;

    public Uploads(Jdbi jdbi, MediaRepository repo, ContentStore store, AuditLog audit, Clock clock,
                   long maxUploadBytes, MediaIntake intake) {
        this.intake = intake;
        this.jdbi = jdbi;
        this.repo = repo;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Adds an uploaded file.
     *
     * @param fields       the form's metadata fields (see {@link Metadata#parse}) plus optional {@code approveNow}
     * @param originalName the browser's file name, used only for display after {@link #cleanName}
     */
    public MediaItem upload(User actor, InputStream content, String originalName, Map<String, String> fields) {
        Additions.requireCanAdd(actor);
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
            Metadata meta = Additions.metadataOrProblems(actor, fields, stem(name), clock.instant(), problems);
            MediaIntake.Admission admission = admitOrProblems(staged, problems);
            MediaFacts facts = admission == null ? null : admission.facts();
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            // The same original uploaded again is a duplicate of its converted item too.
            Optional<MediaItem> existing = jdbi.withHandle(h -> repo.findBySha256(h, staged.sha256())
                    .or(() -> intake.itemWithOriginal(h, staged.sha256()).flatMap(id -> repo.find(h, id))));
            if (existing.isPresent()) {
                throw duplicate(existing.get());
            }
            // A converted video gets its video-only copy from the conversion.
            if (facts.kind() == MediaKind.VIDEO && facts.hasAudio() && !admission.converts()) {
                videoOnlyTemp = videoOnlyCopy(staged, name);
            }
            boolean fileWasStored = store.file(staged.sha256()).isPresent();
            store.commit(staged);
            committed = true;
            FileRef videoOnly = null;
            if (videoOnlyTemp != null) {
                videoOnly = store.commitTemp(videoOnlyTemp);
                videoOnlyTemp = null;
            }
            // A video is approved only once it is converted.
            MediaItem item = insert(actor, meta, facts, staged, videoOnly, name,
                    Additions.approveNow(actor, fields, meta.category()) && !admission.converts(), fileWasStored,
                    admission);
            log.info("{} added {} {} ({})", actor.username(), item.kind(), item.id(), item.status());
            if (admission.queued()) {
                intake.wake(); // after the commit, so the job finds the row
            }
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload " + name, e);
        } finally {
            if (!committed) {
                store.discard(staged);
            }
            deleteTemp(videoOnlyTemp);
        }
    }

    /** The file's facts from its bytes and the intake's plan, or {@code null} with the reasons added to {@code problems}. */
    private MediaIntake.Admission admitOrProblems(ContentStore.Staged staged, List<Problem> problems) {
        if (staged.size() == 0) {
            problems.add(Problem.of("file", "media.fileRequired"));
            return null;
        }
        try {
            return intake.admit(staged.temp(), inspector::inspect);
        } catch (ValidationException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** A temporary copy of a video without its audio track: what a screen without sound plays. */
    private Path videoOnlyCopy(ContentStore.Staged staged, String name) throws IOException {
        Path temp = store.newTemp(".mp4");
        try {
            Mp4File.writeVideoOnly(staged.temp(), temp);
            return temp;
        } catch (Mp4File.Broken e) {
            deleteTemp(temp);
            log.info("Refused {}: its video track cannot be copied: {}", name, e.getMessage());
            throw MediaInspector.refuse("media.refuse.corrupt");
        }
    }

    private MediaItem insert(User actor, Metadata meta, MediaFacts facts, ContentStore.Staged staged,
                             FileRef videoOnly, String name, boolean approve, boolean fileWasStored,
                             MediaIntake.Admission admission) {
        Instant now = clock.instant();
        MediaItem item = new MediaItem(Additions.newId(), facts.kind(), meta.title(), meta.owner(), meta.category(),
                meta.tags(), approve ? MediaStatus.APPROVED : MediaStatus.PENDING, null, meta.validFrom(),
                meta.validUntil(), meta.displaySeconds(), new FileRef(staged.sha256(), staged.size()),
                facts.contentType(), facts.durationMillis(), facts.pixels(), facts.videoCodec(),
                facts.hasAudio(), videoOnly, name, null, actor.username(), actor.role().name(), now, now,
                approve ? actor.username() : null, approve ? now : null);
        try {
            jdbi.useTransaction(h -> {
                repo.insert(h, item);
                if (admission.queued()) {
                    intake.enqueue(h, item.id(), item.file(), admission);
                }
                audit.record(h, actor.username(), "media.upload", "media", item.id(),
                        item.kind() + " " + staged.sha256() + " " + staged.size() + " bytes, \"" + item.title()
                                + "\"" + (videoOnly != null ? ", video-only copy " + videoOnly.sha256() : ""));
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
        return item;
    }

    private static void deleteTemp(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Could not delete temporary file {}", temp, e);
        }
    }

    /**
     * Imports a file from disk as approved content, as the {@code --demo} seeding and scripts need: the same
     * checks as an upload, audited as done by {@code actor} (use an editor who may decide on the category).
     * An already imported file returns the existing item.
     */
    public MediaItem importApproved(User actor, Path file, Metadata meta) {
        try (InputStream in = Files.newInputStream(file)) {
            return upload(actor, in, file.getFileName().toString(), Additions.fieldsOf(meta, true));
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

    /** The answer to a file over the size limit, whether the store or the multipart parser noticed. */
    public ValidationException tooLarge() {
        return new ValidationException(413, List.of(Problem.of("file", "media.tooLarge",
                maxUploadBytes / (1024 * 1024))));
    }

    private static ValidationException duplicate(MediaItem existing) {
        return new ValidationException(409, List.of(Problem.of("file", "media.duplicate", existing.title(),
                existing.id())));
    }

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

    /**
     * A file name fit to show: the last path segment only, no control characters (NUL included), at most 120
     * characters (keeping the extension). It is never used to build a path.
     */
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
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
