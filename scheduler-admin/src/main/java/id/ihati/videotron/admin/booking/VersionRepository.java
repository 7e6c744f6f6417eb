package id.ihati.videotron.admin.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The published schedule versions: append-only. */
public final class VersionRepository {
    private final Jdbi jdbi;

    public VersionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest version number, 0 when nothing was published. */
    public long latestNumber() {
        return jdbi.withHandle(VersionRepository::latestNumber);
    }

    static long latestNumber(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM schedule_version").mapTo(Long.class).one();
    }

    public Optional<ScheduleVersion> find(long version) {
        return jdbi.withHandle(h -> find(h, version));
    }

    public Optional<ScheduleVersion> find(Handle h, long version) {
        return h.createQuery("SELECT * FROM schedule_version WHERE version = :v").bind("v", version)
                .map((rs, ctx) -> row(rs, true)).findOne();
    }

    /** Versions newest first, without their snapshots (for lists). */
    public List<ScheduleVersion> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT version, published_at, published_by, note, rollback_of, displacement_reason
                        FROM schedule_version
                        ORDER BY version DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> row(rs, false)).list());
    }

    /**
     * Appends a version. Two concurrent publishes of the same number collide on the primary key; the loser's
     * transaction fails and nothing of it is kept.
     */
    public void insert(Handle h, long version, Instant at, String actor, String note, Long rollbackOf,
                       Snapshot snapshot, String displacementReason) {
        h.createUpdate("""
                        INSERT INTO schedule_version (version, published_at, published_by, note, rollback_of, snapshot,
                            displacement_reason)
                        VALUES (:v, :at, :by, :note, :rollbackOf, :snapshot, :reason)""")
                .bind("v", version).bind("at", Timestamp.from(at)).bind("by", actor).bind("note", note)
                .bind("rollbackOf", rollbackOf).bind("snapshot", ScheduleJson.write(snapshot))
                .bind("reason", displacementReason).execute();
    }

    /**
     * For each of {@code bookingIds}, the versions (ascending) whose schedule held it, among the newest
     * {@code limit} versions: so an archived or ended booking can still be traced to where it played.
     */
    public java.util.Map<String, List<Long>> versionsHolding(java.util.Collection<String> bookingIds, int limit) {
        var out = new java.util.LinkedHashMap<String, List<Long>>();
        bookingIds.forEach(id -> out.put(id, new java.util.ArrayList<>()));
        if (bookingIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT version, snapshot FROM schedule_version ORDER BY version DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> java.util.Map.entry(rs.getLong("version"),
                        ScheduleJson.read(rs.getString("snapshot"), Snapshot.class)))
                .forEach(e -> e.getValue().bookings().forEach(b -> {
                    var list = out.get(b.id());
                    if (list != null) {
                        list.add(0, e.getKey());
                    }
                })));
        return out;
    }

    private static ScheduleVersion row(ResultSet rs, boolean withSnapshot) throws SQLException {
        long rb = rs.getLong("rollback_of");
        Long rollbackOf = rs.wasNull() ? null : rb;
        return new ScheduleVersion(rs.getLong("version"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"), rs.getString("note"), rollbackOf,
                withSnapshot ? ScheduleJson.read(rs.getString("snapshot"), Snapshot.class) : null,
                rs.getString("displacement_reason"));
    }
}
