package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.media.slide.SlideRenderer;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slides written in the form: adding them, and their renditions, rendered and stored the first time a screen
 * or a preview asks for a size.
 */
public final class Slides {
    /** Largest size a slide is rendered at: bigger than any LED wall, small enough to render quickly. */
    public static final int MAX_RENDER_SIDE = 3840;

    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final ContentStore store;
    private final SlideRenderer renderer = new SlideRenderer();
    private final AuditLog audit;
    private final Clock clock;

    public Slides(Jdbi jdbi, MediaRepository repo, ContentStore store, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repo = repo;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a slide written in the form; renditions are made when a screen or preview asks for them. */
    public MediaItem create(User actor, Slide slide, Map<String, String> fields) {
        Additions.requireCanAdd(actor);
        var problems = new ArrayList<Problem>();
        Metadata meta = Additions.metadataOrProblems(actor, fields, slide.title(), clock.instant(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant();
        boolean approve = Additions.approveNow(actor, fields, meta.category());
        MediaItem item = new MediaItem(Additions.newId(), MediaKind.SLIDE, meta.title(), meta.owner(),
                meta.category(), meta.tags(), approve ? MediaStatus.APPROVED : MediaStatus.PENDING, null,
                meta.validFrom(), meta.validUntil(), meta.displaySeconds(), null, "image/png", 0, null, null, false,
                null, null, slide, actor.username(), actor.role().name(), now, now,
                approve ? actor.username() : null, approve ? now : null);
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

    /** Creates an approved slide, for seeding. */
    public MediaItem importApproved(User actor, Slide slide, Metadata meta) {
        return create(actor, slide, Additions.fieldsOf(meta, true));
    }

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
}
