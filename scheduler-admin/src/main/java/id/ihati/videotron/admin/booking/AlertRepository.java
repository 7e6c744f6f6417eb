package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Alert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Alerts: put up, cancelled, and moved through their states by the clock. */
public final class AlertRepository {
    private final Jdbi jdbi;

    public AlertRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Handle h, Alert a, AlertState state, String actor, Instant at) {
        h.createUpdate("""
                        INSERT INTO schedule_alert (id, title, media_id, targets, starts_at, ends_at, priority, state,
                            created_by, created_at)
                        VALUES (:id, :title, :media, :targets, :from, :until, :priority, :state, :actor, :at)""")
                .bind("id", a.id()).bind("title", a.title()).bind("media", a.mediaId())
                .bind("targets", ScheduleJson.write(a.targets())).bind("from", Timestamp.from(a.from()))
                .bind("until", a.until() == null ? null : Timestamp.from(a.until())).bind("priority", a.priority())
                .bind("state", state.name()).bind("actor", actor).bind("at", Timestamp.from(at)).execute();
    }

    /** Cancels a live alert; false if it was not live (already ended or cancelled). */
    public boolean cancel(Handle h, String id, String actor, Instant at) {
        return h.createUpdate("""
                        UPDATE schedule_alert SET state = 'CANCELLED', cancelled_by = :actor, cancelled_at = :at
                        WHERE id = :id AND state IN ('SCHEDULED', 'ACTIVE')""")
                .bind("id", id).bind("actor", actor).bind("at", Timestamp.from(at)).execute() == 1;
    }

    /** Moves SCHEDULED alerts whose start has come to ACTIVE, and live ones whose end has passed to ENDED. */
    public int advance(Handle h, Instant now) {
        Timestamp t = Timestamp.from(now);
        int ended = h.createUpdate("""
                        UPDATE schedule_alert SET state = 'ENDED'
                        WHERE state IN ('SCHEDULED', 'ACTIVE') AND ends_at IS NOT NULL AND ends_at <= :now""")
                .bind("now", t).execute();
        int started = h.createUpdate("""
                        UPDATE schedule_alert SET state = 'ACTIVE' WHERE state = 'SCHEDULED' AND starts_at <= :now""")
                .bind("now", t).execute();
        return ended + started;
    }

    public Optional<AlertRecord> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM schedule_alert WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** Alerts that have not ended by {@code now} and were not cancelled, by start. */
    public List<AlertRecord> live(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM schedule_alert WHERE cancelled_at IS NULL
                        AND (ends_at IS NULL OR ends_at > :now) ORDER BY starts_at, id""")
                .bind("now", Timestamp.from(now)).map((rs, ctx) -> row(rs)).list());
    }

    /** The most recent alerts of any state, newest first. */
    public List<AlertRecord> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM schedule_alert ORDER BY created_at DESC, id LIMIT :l")
                .bind("l", limit).map((rs, ctx) -> row(rs)).list());
    }

    private static AlertRecord row(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("ends_at");
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        var alert = new Alert(rs.getString("id"), rs.getString("title"), rs.getString("media_id"),
                ScheduleJson.targets(rs.getString("targets")), rs.getTimestamp("starts_at").toInstant(),
                until == null ? null : until.toInstant(), rs.getInt("priority"));
        return new AlertRecord(alert, AlertState.valueOf(rs.getString("state")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("cancelled_by"),
                cancelled == null ? null : cancelled.toInstant());
    }
}
