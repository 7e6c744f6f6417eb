package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.Shortfall;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The displacements each version caused (append-only, like the versions), with the version's reason. */
public final class DisplacementRepository {
    private static final String SELECT = """
            SELECT d.*, v.published_at, v.published_by, v.displacement_reason
            FROM schedule_displacement d JOIN schedule_version v ON v.version = d.version
            """;
    private final Jdbi jdbi;

    public DisplacementRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void insert(Handle h, long version, List<Displacement> displacements) {
        for (Displacement d : displacements) {
            h.createUpdate("""
                            INSERT INTO schedule_displacement (version, booking_id, title, category, owner_org,
                                owner_user, lost_on, requested, planned, lost, reason)
                            VALUES (:v, :id, :title, :category, :org, :user, :day, :requested, :planned, :lost,
                                :reason)""")
                    .bind("v", version).bind("id", d.bookingId()).bind("title", d.title())
                    .bind("category", d.category().name()).bind("org", d.ownerOrganisation())
                    .bind("user", d.ownerUser()).bind("day", d.day()).bind("requested", d.requested())
                    .bind("planned", d.planned()).bind("lost", d.lost()).bind("reason", d.reason().name())
                    .execute();
        }
    }

    /** The bookings {@code version} displaced, most plays lost first. */
    public List<Displacement.Notice> ofVersion(long version) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE d.version = :v ORDER BY d.lost DESC, d.title")
                .bind("v", version).map((rs, ctx) -> row(rs)).list());
    }

    /** Every time {@code bookingId} was displaced, newest version first. */
    public List<Displacement.Notice> ofBooking(String bookingId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE d.booking_id = :id ORDER BY d.version DESC")
                .bind("id", bookingId).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Displacements of bookings created by {@code username}, newest version first, at most {@code limit}: for
     * the owner's booking pages, the versions list and dashboard notices.
     */
    public List<Displacement.Notice> ownedBy(String username, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE d.owner_user = :u ORDER BY d.version DESC, d.title LIMIT :limit")
                .bind("u", username).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    /** Displacements of the newest {@code limit} versions that caused any, for the versions list. */
    public List<Displacement.Notice> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " ORDER BY d.version DESC, d.title LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    private static Displacement.Notice row(ResultSet rs) throws SQLException {
        var d = new Displacement(rs.getString("booking_id"), rs.getString("title"),
                Category.valueOf(rs.getString("category")), rs.getString("owner_org"), rs.getString("owner_user"),
                rs.getDate("lost_on").toLocalDate(), rs.getInt("requested"), rs.getInt("planned"), rs.getInt("lost"),
                Shortfall.Reason.valueOf(rs.getString("reason")));
        return new Displacement.Notice(rs.getLong("version"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"), rs.getString("displacement_reason"), d);
    }
}
