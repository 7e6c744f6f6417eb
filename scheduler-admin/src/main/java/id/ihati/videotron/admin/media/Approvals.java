package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.media.intake.MediaIntake;
import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.ValidationException;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Deciding on items: approving them for the screens, or rejecting them with a reason the uploader reads. */
public final class Approvals {
    private final Jdbi jdbi;
    private final MediaRepository repo;
    private final AuditLog audit;
    private final Clock clock;
    private final MediaIntake intake;

    public Approvals(Jdbi jdbi, MediaRepository repo, AuditLog audit, Clock clock, MediaIntake intake) {
        this.intake = intake;
        this.jdbi = jdbi;
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

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
            MediaItem m = repo.find(h, id).orElseThrow(Refusals::notFound);
            if (!MediaRules.canDecide(actor, m)) {
                throw Refusals.forbidden("media.mayNotDecide");
            }
            if (to == MediaStatus.APPROVED) {
                intake.requireApprovable(h, id); // only converted videos are approved
            }
            Instant now = clock.instant();
            MediaItem changed = m.revised(m.title(), m.owner(), m.category(), m.tags(), to, reason, m.validFrom(),
                    m.validUntil(), m.displaySeconds(), m.slide(), now, actor.username(), now);
            repo.update(h, changed);
            audit.record(h, actor.username(), to == MediaStatus.APPROVED ? "media.approve" : "media.reject",
                    "media", id, reason);
            return changed;
        });
    }
}
