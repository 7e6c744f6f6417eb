package id.ihati.videotron.admin.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code incident} table. An incident is opened once: the table's unique key allows one open incident per
 * screen, kind and subject, so a second opening (a second node, a second run) changes nothing. Staff may
 * acknowledge an open incident and close it by hand, each with a note. A media error is an event: a failure from
 * before such a closing does not open it again. The other kinds are conditions the watch measures each round
 * (offline, disk, held plays): if it persists the incident opens again, so the delivery reports keep the screen's
 * whole offline time; for those, acknowledging is the way to say someone is on it.
 */
public final class Incidents {
    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final String COLUMNS = "id, screen_id, kind, subject, detail, began_at, opened_at, closed_at, "
            + "acknowledged_at, acknowledged_by, acknowledge_note, closed_by, close_note";
    private final Jdbi jdbi;

    public Incidents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Opens the incident unless it is open already; true when this call opened it. */
    public boolean open(String screenId, Incident.Kind kind, String subject, String detail, Instant at) {
        return open(screenId, kind, subject, detail, null, at);
    }

    /**
     * Opens the incident unless it is open already; {@code began} is when the trouble began if that was before
     * it was detected {@code at} (an offline screen: its last heartbeat), else {@code null}.
     */
    public boolean open(String screenId, Incident.Kind kind, String subject, String detail, Instant began,
                        Instant at) {
        if (isOpen(screenId, kind, subject) || (kind == Incident.Kind.MEDIA_ERROR && began != null
                && closedByHandSince(screenId, kind, subject, began))) {
            return false;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO incident (screen_id, kind, subject, detail, began_at, opened_at, open_flag)
                            VALUES (:s, :k, :subj, :d, :began, :at, 1)""")
                    .bind("s", screenId).bind("k", kind.name()).bind("subj", subject)
                    .bind("d", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
                    .bind("began", began == null ? null : Timestamp.from(began))
                    .bind("at", Timestamp.from(at)).execute());
        } catch (UnableToExecuteStatementException e) {
            if (isOpen(screenId, kind, subject)) {
                return false; // opened at the same moment elsewhere: the unique key kept it single
            }
            throw e;
        }
        log.warn("Incident opened: screen {} {} {} ({})", screenId, kind, subject, detail);
        return true;
    }

    /** Closes the open incident, if any; true when one was closed. */
    public boolean close(String screenId, Incident.Kind kind, String subject, Instant at) {
        int n = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE incident SET closed_at = :at, open_flag = NULL
                        WHERE screen_id = :s AND kind = :k AND subject = :subj AND open_flag = 1""")
                .bind("at", Timestamp.from(at)).bind("s", screenId).bind("k", kind.name()).bind("subj", subject)
                .execute());
        if (n > 0) {
            log.info("Incident closed: screen {} {} {}", screenId, kind, subject);
        }
        return n > 0;
    }

    /** True when someone closed this incident by hand at or after {@code since}: they knew of that failure. */
    private boolean closedByHandSince(String screenId, Incident.Kind kind, String subject, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM incident WHERE screen_id = :s AND kind = :k AND subject = :subj
                        AND closed_by IS NOT NULL AND closed_at >= :since""")
                .bind("s", screenId).bind("k", kind.name()).bind("subj", subject).bind("since", Timestamp.from(since))
                .mapTo(Integer.class).one() > 0);
    }

    public Optional<Incident> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incident WHERE id = :id")
                .bind("id", id).map(Incidents::map).findOne());
    }

    /** Records that {@code by} is on the open incident {@code id}; false when it is closed (or unknown). */
    public boolean acknowledge(Handle h, long id, String by, String note, Instant at) {
        return h.createUpdate("""
                        UPDATE incident SET acknowledged_at = :at, acknowledged_by = :by, acknowledge_note = :note
                        WHERE id = :id AND open_flag = 1""")
                .bind("at", Timestamp.from(at)).bind("by", by).bind("note", note).bind("id", id).execute() > 0;
    }

    /** Closes the open incident {@code id} by hand; false when it is closed already (or unknown). */
    public boolean closeByHand(Handle h, long id, String by, String note, Instant at) {
        boolean closed = h.createUpdate("""
                        UPDATE incident SET closed_at = :at, open_flag = NULL, closed_by = :by, close_note = :note
                        WHERE id = :id AND open_flag = 1""")
                .bind("at", Timestamp.from(at)).bind("by", by).bind("note", note).bind("id", id).execute() > 0;
        if (closed) {
            log.info("Incident {} closed by {}", id, by);
        }
        return closed;
    }

    public boolean isOpen(String screenId, Incident.Kind kind, String subject) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM incident WHERE screen_id = :s AND kind = :k AND subject = :subj
                        AND open_flag = 1""")
                .bind("s", screenId).bind("k", kind.name()).bind("subj", subject).mapTo(Integer.class).one() > 0);
    }

    /** Open incidents, oldest first. */
    public List<Incident> open() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incident WHERE open_flag = 1 "
                        + "ORDER BY opened_at, id").map(Incidents::map).list());
    }

    public List<Incident> openFor(String screenId, Incident.Kind kind) {
        return open().stream().filter(i -> i.screenId().equals(screenId) && i.kind() == kind).toList();
    }

    /** A screen's incidents, newest first. */
    public List<Incident> of(String screenId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM incident WHERE screen_id = :s "
                        + "ORDER BY opened_at DESC, id DESC LIMIT :n")
                .bind("s", screenId).bind("n", limit).map(Incidents::map).list());
    }

    private static Incident map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Incident(rs.getLong("id"), rs.getString("screen_id"), Incident.Kind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("detail"), instant(rs, "began_at"), instant(rs, "opened_at"),
                instant(rs, "closed_at"), note(rs, "acknowledged_at", "acknowledged_by", "acknowledge_note"),
                note(rs, "closed_at", "closed_by", "close_note"));
    }

    private static Incident.Note note(java.sql.ResultSet rs, String at, String by, String text)
            throws java.sql.SQLException {
        String who = rs.getString(by);
        return who == null ? null : new Incident.Note(instant(rs, at), who, rs.getString(text));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
