package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item of the content library as stored.
 *
 * @param file           the uploaded file (videos, images); {@code null} for slides, whose files are renditions
 * @param durationMillis a video's natural length
 * @param displaySeconds how long an image or slide is shown
 * @param videoOnly      a video's copy without its audio track, when it has one
 * @param slide          a slide's content; {@code null} for uploads
 * @param createdRole    the role of the uploader when uploading (decides who may approve)
 */
public record MediaItem(
        String id, MediaKind kind, String title, String owner, Category category, List<String> tags,
        MediaStatus status, String rejectReason, Instant validFrom, Instant validUntil, int displaySeconds,
        FileRef file, String contentType, long durationMillis, Resolution pixels, String videoCodec,
        boolean hasAudio, FileRef videoOnly, String originalName, Slide slide,
        String createdBy, String createdRole, Instant createdAt, Instant updatedAt, String decidedBy,
        Instant decidedAt) {

    public MediaItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if ((kind == MediaKind.SLIDE) != (slide != null)) {
            throw new IllegalArgumentException("a slide, and only a slide, has slide content");
        }
    }

    /** How long one play lasts: a video's length, else the display time. */
    public long playMillis() {
        return kind == MediaKind.VIDEO ? durationMillis : displaySeconds * 1000L;
    }

    /** True when approved and {@code t} lies in the validity period. */
    public boolean playableAt(Instant t) {
        return status == MediaStatus.APPROVED && (validFrom == null || !t.isBefore(validFrom))
                && (validUntil == null || t.isBefore(validUntil));
    }

    /** This item with new metadata and decision; its file, facts and creation stay as they were. */
    MediaItem revised(String title, String owner, Category category, List<String> tags, MediaStatus status,
                      String reason, Instant from, Instant until, int seconds, Slide slide, Instant updated,
                      String decidedBy, Instant decidedAt) {
        return new MediaItem(id, kind, title, owner, category, tags, status, reason, from, until, seconds, file,
                contentType, durationMillis, pixels, videoCodec, hasAudio, videoOnly, originalName, slide, createdBy,
                createdRole, createdAt, updated, decidedBy, decidedAt);
    }

    /** True when approved and not yet expired at {@code t} (it may start later). */
    public boolean bookableAt(Instant t) {
        return status == MediaStatus.APPROVED && (validUntil == null || t.isBefore(validUntil));
    }
}
