package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.schedule.FileRef;
import java.time.Instant;
import java.util.List;

/** An item as the JSON API shows it: its record plus the URLs to fetch its files. */
public record MediaView(String id, String kind, String title, String owner, String category, List<String> tags,
                        String status, String rejectReason, Instant validFrom, Instant validUntil,
                        int displaySeconds, long playMillis, FileRef file, String contentType, long durationMillis,
                        Integer width, Integer height, String videoCodec, boolean hasAudio, FileRef videoOnly,
                        String originalName, Slide slide, String createdBy, Instant createdAt, Instant updatedAt,
                        String decidedBy, Instant decidedAt, String fileUrl, String videoOnlyUrl) {

    static MediaView of(MediaItem m) {
        return new MediaView(m.id(), m.kind().name(), m.title(), m.owner(), m.category().name(), m.tags(),
                m.status().name(), m.rejectReason(), m.validFrom(), m.validUntil(), m.displaySeconds(),
                m.playMillis(), m.file(), m.contentType(), m.durationMillis(),
                m.pixels() == null ? null : m.pixels().width(), m.pixels() == null ? null : m.pixels().height(),
                m.videoCodec(), m.hasAudio(), m.videoOnly(), m.originalName(), m.slide(), m.createdBy(),
                m.createdAt(), m.updatedAt(), m.decidedBy(), m.decidedAt(),
                m.file() == null ? null : "/api/v1/media/" + m.file().sha256(),
                m.videoOnly() == null ? null : "/api/v1/media/" + m.videoOnly().sha256());
    }
}
