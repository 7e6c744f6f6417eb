package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** The library's rows. Plain SQL that runs on H2 and PostgreSQL; returns records. */
public final class MediaRepository {
    private final Jdbi jdbi;

    public MediaRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A filter for the list; {@code null} fields do not filter. */
    public record Filter(String text, MediaStatus status, MediaKind kind, String tag, Category category) {
        public static final Filter ALL = new Filter(null, null, null, null, null);
    }

    /** A slide's rendition at one size. */
    public record Rendition(String mediaId, Resolution size, FileRef file) {
    }

    public Optional<MediaItem> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<MediaItem> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM media WHERE id = :id").bind("id", id).map(MediaRepository::item)
                .findOne();
    }

    public Optional<MediaItem> findBySha256(Handle h, String sha256) {
        return h.createQuery("SELECT * FROM media WHERE sha256 = :sha").bind("sha", sha256)
                .map(MediaRepository::item).findOne();
    }

    public List<MediaItem> list(Filter f, int limit, int offset) {
        var sql = new StringBuilder("SELECT * FROM media WHERE 1 = 1");
        if (f.text() != null) {
            sql.append(" AND (LOWER(title) LIKE :text OR LOWER(owner_org) LIKE :text)");
        }
        if (f.status() != null) {
            sql.append(" AND status = :status");
        }
        if (f.kind() != null) {
            sql.append(" AND kind = :kind");
        }
        if (f.tag() != null) {
            sql.append(" AND tags LIKE :tag");
        }
        if (f.category() != null) {
            sql.append(" AND category = :category");
        }
        // Pending first: that is what editors come here to do.
        sql.append(" ORDER BY CASE status WHEN 'PENDING' THEN 0 ELSE 1 END, updated_at DESC, id"
                + " LIMIT :limit OFFSET :offset");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            if (f.text() != null) {
                q.bind("text", "%" + likeEscape(f.text().toLowerCase(java.util.Locale.ROOT)) + "%");
            }
            if (f.status() != null) {
                q.bind("status", f.status().name());
            }
            if (f.kind() != null) {
                q.bind("kind", f.kind().name());
            }
            if (f.tag() != null) {
                q.bind("tag", "%," + likeEscape(f.tag()) + ",%");
            }
            if (f.category() != null) {
                q.bind("category", f.category().name());
            }
            return q.map(MediaRepository::item).list();
        });
    }

    /** Every tag in use, sorted: the filter's choices. */
    public List<String> tags() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT tags FROM media").mapTo(String.class).list())
                .stream().flatMap(t -> splitTags(t).stream()).distinct().sorted().toList();
    }

    public void insert(Handle h, MediaItem m) {
        Update u = h.createUpdate("""
                INSERT INTO media (id, kind, title, owner_org, category, tags, status, reject_reason, valid_from,
                    valid_until, display_seconds, sha256, size_bytes, content_type, duration_ms, width, height,
                    video_codec, has_audio, video_only_sha256, video_only_size, original_name, slide_title,
                    slide_text, slide_background, slide_foreground, slide_qr_url, created_by, created_role,
                    created_at, updated_at, decided_by, decided_at)
                VALUES (:id, :kind, :title, :owner, :category, :tags, :status, :rejectReason, :validFrom,
                    :validUntil, :displaySeconds, :sha256, :size, :contentType, :durationMs, :width, :height,
                    :videoCodec, :hasAudio, :videoOnlySha, :videoOnlySize, :originalName, :slideTitle,
                    :slideText, :slideBackground, :slideForeground, :slideQr, :createdBy, :createdRole,
                    :createdAt, :updatedAt, :decidedBy, :decidedAt)""");
        bindAll(u, m).execute();
    }

    /** Overwrites every mutable column of the row. */
    public void update(Handle h, MediaItem m) {
        Update u = h.createUpdate("""
                UPDATE media SET title = :title, owner_org = :owner, category = :category, tags = :tags,
                    status = :status, reject_reason = :rejectReason, valid_from = :validFrom,
                    valid_until = :validUntil, display_seconds = :displaySeconds, slide_title = :slideTitle,
                    slide_text = :slideText, slide_background = :slideBackground,
                    slide_foreground = :slideForeground, slide_qr_url = :slideQr, updated_at = :updatedAt,
                    decided_by = :decidedBy, decided_at = :decidedAt
                WHERE id = :id""");
        bindAll(u, m).execute();
    }

    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM media WHERE id = :id").bind("id", id).execute();
    }

    public Optional<Rendition> rendition(String mediaId, Resolution size) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sha256, size_bytes FROM slide_rendition
                        WHERE media_id = :id AND width = :w AND height = :h""")
                .bind("id", mediaId).bind("w", size.width()).bind("h", size.height())
                .map((rs, ctx) -> new Rendition(mediaId, size,
                        new FileRef(rs.getString("sha256"), rs.getLong("size_bytes"))))
                .findOne());
    }

    /** Records a rendition unless another request recorded the same one first. */
    public void insertRendition(Rendition r, Instant at) {
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("""
                            SELECT COUNT(*) FROM slide_rendition WHERE media_id = :id AND width = :w AND height = :h""")
                    .bind("id", r.mediaId()).bind("w", r.size().width()).bind("h", r.size().height())
                    .mapTo(Integer.class).one() > 0;
            if (!exists) {
                h.createUpdate("""
                                INSERT INTO slide_rendition (media_id, width, height, sha256, size_bytes, created_at)
                                VALUES (:id, :w, :h, :sha, :size, :at)""")
                        .bind("id", r.mediaId()).bind("w", r.size().width()).bind("h", r.size().height())
                        .bind("sha", r.file().sha256()).bind("size", r.file().size())
                        .bind("at", Timestamp.from(at)).execute();
            }
        });
    }

    public void deleteRenditions(Handle h, String mediaId) {
        h.createUpdate("DELETE FROM slide_rendition WHERE media_id = :id").bind("id", mediaId).execute();
    }

    /** Every SHA-256 a row refers to: uploads, video-only copies and slide renditions. */
    public Set<String> referencedFiles(Handle h) {
        return Set.copyOf(h.createQuery("""
                        SELECT sha256 FROM media WHERE sha256 IS NOT NULL
                        UNION SELECT video_only_sha256 FROM media WHERE video_only_sha256 IS NOT NULL
                        UNION SELECT sha256 FROM slide_rendition
                        UNION\s""" + id.ihati.videotron.admin.media.intake.MediaIntake.referencedFilesSql()) // [intake hook]
                .mapTo(String.class).list());
    }

    /**
     * Whether a device may fetch this file: it belongs to an approved item (the upload, its video-only copy,
     * or a rendition of an approved slide).
     */
    public boolean approvedFile(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM media m WHERE m.status = 'APPROVED'
                          AND (m.sha256 = :sha OR m.video_only_sha256 = :sha
                               OR EXISTS (SELECT 1 FROM slide_rendition r WHERE r.media_id = m.id AND r.sha256 = :sha))""")
                .bind("sha", sha256).mapTo(Integer.class).one() > 0);
    }

    /** The content type of a referenced file: an upload's own, else MP4 (video-only copy) or PNG (rendition). */
    public Optional<String> contentType(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT content_type FROM media WHERE sha256 = :sha
                        UNION ALL SELECT 'video/mp4' FROM media WHERE video_only_sha256 = :sha
                        UNION ALL SELECT 'image/png' FROM slide_rendition WHERE sha256 = :sha
                        UNION ALL SELECT 'image/jpeg' FROM media_intake
                          WHERE poster_sha256 = :sha OR strip_sha256 = :sha""") // [intake hook] posters, strips
                .bind("sha", sha256).mapTo(String.class).list().stream().findFirst());
    }

    // --- orphans, for the purge job ---

    public java.util.Map<String, Instant> orphans(Handle h) {
        var map = new java.util.HashMap<String, Instant>();
        h.createQuery("SELECT sha256, since FROM media_orphan")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("sha256"), rs.getTimestamp("since").toInstant()))
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    public void markOrphan(Handle h, String sha256, Instant since) {
        h.createUpdate("INSERT INTO media_orphan (sha256, since) VALUES (:sha, :since)")
                .bind("sha", sha256).bind("since", Timestamp.from(since)).execute();
    }

    public void unmarkOrphan(Handle h, String sha256) {
        h.createUpdate("DELETE FROM media_orphan WHERE sha256 = :sha").bind("sha", sha256).execute();
    }

    // --- mapping ---

    private static Update bindAll(Update u, MediaItem m) {
        Slide s = m.slide();
        return u.bind("id", m.id()).bind("kind", m.kind().name()).bind("title", m.title())
                .bind("owner", m.owner()).bind("category", m.category().name()).bind("tags", joinTags(m.tags()))
                .bind("status", m.status().name()).bind("rejectReason", m.rejectReason())
                .bind("validFrom", ts(m.validFrom())).bind("validUntil", ts(m.validUntil()))
                .bind("displaySeconds", m.displaySeconds())
                .bind("sha256", m.file() == null ? null : m.file().sha256())
                .bind("size", m.file() == null ? null : m.file().size())
                .bind("contentType", m.contentType()).bind("durationMs", m.durationMillis())
                .bind("width", m.pixels() == null ? null : m.pixels().width())
                .bind("height", m.pixels() == null ? null : m.pixels().height())
                .bind("videoCodec", m.videoCodec()).bind("hasAudio", m.hasAudio())
                .bind("videoOnlySha", m.videoOnly() == null ? null : m.videoOnly().sha256())
                .bind("videoOnlySize", m.videoOnly() == null ? null : m.videoOnly().size())
                .bind("originalName", m.originalName())
                .bind("slideTitle", s == null ? null : s.title()).bind("slideText", s == null ? null : s.text())
                .bind("slideBackground", s == null ? null : s.background())
                .bind("slideForeground", s == null ? null : s.foreground())
                .bind("slideQr", s == null ? null : s.qrUrl())
                .bind("createdBy", m.createdBy()).bind("createdRole", m.createdRole())
                .bind("createdAt", ts(m.createdAt())).bind("updatedAt", ts(m.updatedAt()))
                .bind("decidedBy", m.decidedBy()).bind("decidedAt", ts(m.decidedAt()));
    }

    private static MediaItem item(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        MediaKind kind = MediaKind.valueOf(rs.getString("kind"));
        String sha = rs.getString("sha256");
        String vo = rs.getString("video_only_sha256");
        int w = rs.getInt("width");
        boolean hasPixels = !rs.wasNull();
        int hgt = rs.getInt("height");
        Slide slide = kind == MediaKind.SLIDE ? new Slide(rs.getString("slide_title"), rs.getString("slide_text"),
                rs.getString("slide_background"), rs.getString("slide_foreground"), rs.getString("slide_qr_url"))
                : null;
        return new MediaItem(rs.getString("id"), kind, rs.getString("title"), rs.getString("owner_org"),
                Category.valueOf(rs.getString("category")), splitTags(rs.getString("tags")),
                MediaStatus.valueOf(rs.getString("status")), rs.getString("reject_reason"),
                instant(rs, "valid_from"), instant(rs, "valid_until"), rs.getInt("display_seconds"),
                sha == null ? null : new FileRef(sha, rs.getLong("size_bytes")), rs.getString("content_type"),
                rs.getLong("duration_ms"), hasPixels && w > 0 && hgt > 0 ? new Resolution(w, hgt) : null,
                rs.getString("video_codec"), rs.getBoolean("has_audio"),
                vo == null ? null : new FileRef(vo, rs.getLong("video_only_size")), rs.getString("original_name"),
                slide, rs.getString("created_by"), rs.getString("created_role"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static String joinTags(List<String> tags) {
        return tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
    }

    static List<String> splitTags(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(",")).filter(t -> !t.isBlank()).toList();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
