package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.playlists.schedule.FileRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code media_intake} table, and the one update of {@code media} a finished conversion makes. */
final class IntakeRepository {
    private final Jdbi jdbi;

    IntakeRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Row(String mediaId, String originalSha256, long originalSize, boolean converts, String reasons,
               IntakeState state, int percent, String failureDetail, String posterSha256, String stripSha256,
               Instant queuedAt) {
    }

    private static final String COLUMNS = "media_id, original_sha256, original_size, converts, reasons, state, percent, "
            + "failure_detail, poster_sha256, strip_sha256, queued_at";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("media_id"), rs.getString("original_sha256"), rs.getLong("original_size"),
                rs.getBoolean("converts"), rs.getString("reasons"), IntakeState.valueOf(rs.getString("state")),
                rs.getInt("percent"), rs.getString("failure_detail"), rs.getString("poster_sha256"),
                rs.getString("strip_sha256"), rs.getTimestamp("queued_at").toInstant());
    }

    void insert(Handle h, String mediaId, FileRef original, boolean converts, String reasons, Instant now) {
        h.createUpdate("INSERT INTO media_intake (" + COLUMNS + ") VALUES (:id, :sha, :size, :converts, :reasons, "
                        + "'QUEUED', 0, NULL, NULL, NULL, :now)")
                .bind("id", mediaId).bind("sha", original.sha256()).bind("size", original.size())
                .bind("converts", converts).bind("reasons", reasons).bind("now", java.sql.Timestamp.from(now))
                .execute();
    }

    Optional<Row> find(Handle h, String mediaId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM media_intake WHERE media_id = :id").bind("id", mediaId)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    Optional<Row> find(String mediaId) {
        return jdbi.withHandle(h -> find(h, mediaId));
    }

    List<Row> find(Collection<String> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media_intake WHERE media_id IN (<ids>)")
                .bindList("ids", List.copyOf(mediaIds)).map((rs, ctx) -> row(rs)).list());
    }

    Optional<String> mediaWithOriginal(Handle h, String sha256) {
        return h.createQuery("SELECT media_id FROM media_intake WHERE original_sha256 = :sha")
                .bind("sha", sha256).mapTo(String.class).findFirst();
    }

    /** Takes the oldest queued row for this run; empty when none is left (or another node took it first). */
    Optional<Row> claimNext(Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Row> next = h.createQuery("SELECT " + COLUMNS + " FROM media_intake WHERE state = 'QUEUED' "
                    + "ORDER BY queued_at, media_id LIMIT 1").map((rs, ctx) -> row(rs)).findOne();
            if (next.isEmpty()) {
                return next;
            }
            int n = h.createUpdate("UPDATE media_intake SET state = 'RUNNING', percent = 0, started_at = :now "
                            + "WHERE media_id = :id AND state = 'QUEUED'")
                    .bind("id", next.get().mediaId()).bind("now", java.sql.Timestamp.from(now)).execute();
            return n == 1 ? next : Optional.<Row>empty();
        });
    }

    /** Rows left RUNNING by a stopped or killed server go back to the queue (the job runs one at a time). */
    int requeueInterrupted() {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE media_intake SET state = 'QUEUED', percent = 0 "
                + "WHERE state = 'RUNNING'").execute());
    }

    void progress(String mediaId, int percent) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media_intake SET percent = :p WHERE media_id = :id AND state = 'RUNNING'")
                .bind("p", percent).bind("id", mediaId).execute());
    }

    void finish(Handle h, String mediaId, IntakeState state, String detail, String poster, String strip, Instant now) {
        h.createUpdate("UPDATE media_intake SET state = :state, percent = :p, failure_detail = :detail, "
                        + "poster_sha256 = :poster, strip_sha256 = :strip, finished_at = :now WHERE media_id = :id")
                .bind("state", state.name()).bind("p", state == IntakeState.DONE ? 100 : 0)
                .bind("detail", detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .bind("poster", poster).bind("strip", strip).bind("now", java.sql.Timestamp.from(now))
                .bind("id", mediaId).execute();
    }

    /** Points the item at its converted file; false when the item was deleted meanwhile. */
    boolean useConverted(Handle h, String mediaId, FileRef converted, long durationMillis, int width, int height,
                         boolean hasAudio, FileRef videoOnly, Instant now) {
        return h.createUpdate("""
                        UPDATE media SET sha256 = :sha, size_bytes = :size, content_type = 'video/mp4',
                          duration_ms = :ms, width = :w, height = :h, video_codec = 'avc1', has_audio = :audio,
                          video_only_sha256 = :vo, video_only_size = :vosize, updated_at = :now WHERE id = :id""")
                .bind("sha", converted.sha256()).bind("size", converted.size()).bind("ms", durationMillis)
                .bind("w", width).bind("h", height).bind("audio", hasAudio)
                .bind("vo", videoOnly == null ? null : videoOnly.sha256())
                .bind("vosize", videoOnly == null ? null : videoOnly.size())
                .bind("now", java.sql.Timestamp.from(now)).bind("id", mediaId).execute() == 1;
    }

    /** Files this table keeps alive (the purge must not delete them). */
    static final String REFERENCED_FILES = """
            SELECT original_sha256 FROM media_intake
            UNION SELECT poster_sha256 FROM media_intake WHERE poster_sha256 IS NOT NULL
            UNION SELECT strip_sha256 FROM media_intake WHERE strip_sha256 IS NOT NULL""";
}
