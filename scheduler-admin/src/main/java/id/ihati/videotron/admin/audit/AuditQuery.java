package id.ihati.videotron.admin.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A filter over the audit log: by actor, by action, and by office-time dates (inclusive). Any part may be
 * null. {@code page} counts from 1.
 */
public record AuditQuery(String actor, String action, LocalDate from, LocalDate to, int page) {
    public static final int PAGE_SIZE = 50;

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action.strip();
        page = Math.max(1, page);
    }

    Instant fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The end is exclusive: the start of the day after {@code to}. */
    Instant toInstant(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }
}
