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

    /** One page of entries matching the query, newest first, with the total for the pager. */
    public record Page(List<Entry> entries, long total, AuditQuery query) {
        public int pages() {
            return (int) Math.max(1, (total + AuditQuery.PAGE_SIZE - 1) / AuditQuery.PAGE_SIZE);
        }
    }

    public Page search(AuditQuery q, java.time.ZoneId zone) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var binds = new java.util.LinkedHashMap<String, Object>();
        if (q.actor() != null) {
            where.append(" AND LOWER(actor) = LOWER(:actor)");
            binds.put("actor", q.actor());
        }
        if (q.action() != null) {
            where.append(" AND action = :action");
            binds.put("action", q.action());
        }
        if (q.from() != null) {
            where.append(" AND at >= :from");
            binds.put("from", Timestamp.from(q.fromInstant(zone)));
        }
        if (q.to() != null) {
            where.append(" AND at < :to");
            binds.put("to", Timestamp.from(q.toInstant(zone)));
        }
        return jdbi.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM audit_log" + where);
            binds.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            var select = h.createQuery("SELECT id, at, actor, action, subject_type, subject_id, detail FROM audit_log"
                    + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
            binds.forEach(select::bind);
            List<Entry> entries = select.bind("limit", AuditQuery.PAGE_SIZE).bind("offset", q.offset())
                    .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                            rs.getString("subject_id"), rs.getString("detail")))
                    .list();
            return new Page(entries, total, q);
        });
    }

    /** Every action recorded so far, for the filter's choices. */
    public List<String> actions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action")
                .mapTo(String.class).list());
    }
}
