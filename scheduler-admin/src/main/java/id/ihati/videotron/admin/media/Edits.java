package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.MediaKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Changing an item's metadata (and a slide's content), and deleting items. */
public final class Edits {
    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public Edits(Jdbi jdbi, MediaRepository repo, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Changes an item's metadata (and a slide's content). A change by someone who may not decide on it sends
     * an approved or rejected item back to PENDING; a slide's old renditions are dropped.
     */
    public MediaItem update(User actor, String id, Map<String, String> fields, Slide slide) {
        return jdbi.inTransaction(h -> {
            MediaItem m = repo.find(h, id).orElseThrow(Refusals::notFound);
            if (!MediaRules.canEdit(actor, m)) {
                throw Refusals.forbidden("error.forbidden");
            }
            if ((slide != null) != (m.kind() == MediaKind.SLIDE)) {
                throw new IllegalArgumentException("slide content only for slides");
            }
            var problems = new ArrayList<Problem>();
            Metadata meta = Additions.metadataOrProblems(actor, fields, slide == null ? m.title() : slide.title(),
                    clock.instant(), problems);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            boolean keepDecision = MediaRules.canDecide(actor, meta.category());
            MediaStatus status = keepDecision ? m.status() : MediaStatus.PENDING;
            Instant now = clock.instant();
            MediaItem changed = m.revised(meta.title(), meta.owner(), meta.category(), meta.tags(), status,
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
            MediaItem m = repo.find(h, id).orElseThrow(Refusals::notFound);
            if (!MediaRules.canDelete(actor, m)) {
                throw Refusals.forbidden("media.mayNotDelete");
            }
            repo.delete(h, id);
            audit.record(h, actor.username(), "media.delete", "media", id, m.kind() + " \"" + m.title() + "\"");
        });
    }
}
