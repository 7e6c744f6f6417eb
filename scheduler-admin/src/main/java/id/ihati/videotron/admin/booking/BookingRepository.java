package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Booking;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The working set of bookings. Methods taking a {@link Handle} run inside the caller's transaction. */
public final class BookingRepository {
    private static final String COLUMNS = "id, spec, status, created_by, created_at, updated_by, updated_at";
    private final Jdbi jdbi;

    public BookingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<BookingRecord> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<BookingRecord> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM booking WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Bookings with one of these statuses, newest change first. */
    public List<BookingRecord> withStatus(Collection<BookingStatus> statuses) {
        return jdbi.withHandle(h -> withStatus(h, statuses));
    }

    public List<BookingRecord> withStatus(Handle h, Collection<BookingStatus> statuses) {
        return h.createQuery("SELECT " + COLUMNS + " FROM booking WHERE status IN (<statuses>) "
                        + "ORDER BY updated_at DESC, id")
                .bindList("statuses", statuses.stream().map(Enum::name).toList())
                .map((rs, ctx) -> row(rs)).list();
    }

    public void insert(Handle h, Booking b, BookingStatus status, String actor, Instant at) {
        h.createUpdate("""
                        INSERT INTO booking (id, title, category, owner_org, date_from, date_to, priority, spec,
                            status, created_by, created_at, updated_by, updated_at)
                        VALUES (:id, :title, :category, :owner, :dateFrom, :dateTo, :priority, :spec,
                            :status, :actor, :at, :actor, :at)""")
                .bindMap(fields(b)).bind("status", status.name()).bind("actor", actor)
                .bind("at", Timestamp.from(at)).execute();
    }

    public void update(Handle h, Booking b, BookingStatus status, String actor, Instant at) {
        h.createUpdate("""
                        UPDATE booking SET title = :title, category = :category, owner_org = :owner,
                            date_from = :dateFrom, date_to = :dateTo, priority = :priority, spec = :spec,
                            status = :status, updated_by = :actor, updated_at = :at
                        WHERE id = :id""")
                .bindMap(fields(b)).bind("status", status.name()).bind("actor", actor)
                .bind("at", Timestamp.from(at)).execute();
    }

    public void setStatus(Handle h, String id, BookingStatus status, String actor, Instant at) {
        h.createUpdate("UPDATE booking SET status = :status, updated_by = :actor, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status.name()).bind("actor", actor)
                .bind("at", Timestamp.from(at)).execute();
    }

    /** Marks live bookings whose last day is before {@code today} as ended; returns how many. */
    public int endBefore(Handle h, LocalDate today, Instant at) {
        return h.createUpdate("""
                        UPDATE booking SET status = 'ENDED', updated_by = 'system', updated_at = :at
                        WHERE status IN ('PUBLISHED', 'WITHDRAWN') AND date_to < :today""")
                .bind("today", today).bind("at", Timestamp.from(at)).execute();
    }

    /** Marks live bookings whose first day has come as started; returns how many. */
    public int startBy(Handle h, LocalDate today) {
        return h.createUpdate("""
                        UPDATE booking SET started = TRUE
                        WHERE status IN ('PUBLISHED', 'WITHDRAWN') AND started = FALSE AND date_from <= :today""")
                .bind("today", today).execute();
    }

    private static java.util.Map<String, Object> fields(Booking b) {
        return java.util.Map.of("id", b.id(), "title", b.title(), "category", b.category().name(),
                "owner", b.ownerOrganisation(), "dateFrom", b.dateFrom(), "dateTo", b.dateTo(),
                "priority", b.priority(), "spec", ScheduleJson.write(b));
    }

    private static BookingRecord row(ResultSet rs) throws SQLException {
        return new BookingRecord(ScheduleJson.booking(rs.getString("spec")),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
