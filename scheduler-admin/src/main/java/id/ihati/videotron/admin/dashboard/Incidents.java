package id.ihati.videotron.admin.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code incident} table. An incident is opened once: the table's unique key allows one open incident per
 * screen, kind and subject, so a second opening (a second node, a second run) changes nothing.
 */
public final class Incidents {
    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final String COLUMNS = "id, screen_id, kind, subject, detail, opened_at, closed_at";
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
        if (isOpen(screenId, kind, subject)) {
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
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Incident(rs.getLong("id"), rs.getString("screen_id"), Incident.Kind.valueOf(rs.getString("kind")),
                rs.getString("subject"), rs.getString("detail"), rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
