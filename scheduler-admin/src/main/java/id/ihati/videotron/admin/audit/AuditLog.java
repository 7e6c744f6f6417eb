package id.ihati.videotron.admin.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Records and lists who changed what. */
public final class AuditLog {

    /** One audit entry. {@code actor} is a username, or "system" / "device:&lt;screen&gt;". */
    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                        String detail) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records an entry inside the caller's transaction, so the change and its record commit together. */
    public void record(Handle h, String actor, String action, String subjectType, String subjectId, String detail) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail)
                        VALUES (:at, :actor, :action, :type, :id, :detail)""")
                .bind("at", Timestamp.from(clock.instant())).bind("actor", actor).bind("action", action)
                .bind("type", subjectType).bind("id", subjectId)
                .bind("detail", detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000))
                .execute();
    }

    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        jdbi.useTransaction(h -> record(h, actor, action, subjectType, subjectId, detail));
    }

    /** The newest entries first. */
    public List<Entry> latest(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, at, actor, action, subject_type, subject_id, detail FROM audit_log
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("detail")))
                .list());
    }
}
