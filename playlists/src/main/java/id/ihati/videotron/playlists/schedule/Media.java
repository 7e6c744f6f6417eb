package id.ihati.videotron.playlists.schedule;

import java.time.Instant;
import java.util.List;

/**
 * A file that can be shown: a video, an image, or a slide rendered by the server.
 *
 * @param sha256         hex SHA-256 of the file; players fetch and verify by it
 * @param durationMillis natural length of a video; for images and slides the time it is shown (≥ 1 ms)
 * @param hasAudio       true when a video carries an audio track
 * @param videoOnly      the same video remuxed without its audio track, or {@code null}; players whose
 *                       screen is silent, or whose sound device is missing, play this copy
 * @param validFrom      first instant it may be shown, or {@code null} for no limit
 * @param validUntil     instant from which it may no longer be shown (exclusive), or {@code null}
 */
public record Media(
        String id,
        MediaKind kind,
        String sha256,
        long size,
        long durationMillis,
        Resolution pixels,
        String title,
        String owner,
        List<String> tags,
        Instant validFrom,
        Instant validUntil,
        boolean hasAudio,
        FileRef videoOnly) {

    public Media {
        Checks.notBlank(id, "media id");
        Checks.notNull(kind, "media kind");
        FileRef.checkSha256(sha256);
        if (size <= 0) {
            throw new IllegalArgumentException("media size must be positive, was " + size);
        }
        if (durationMillis <= 0) {
            throw new IllegalArgumentException("media duration must be positive, was " + durationMillis + " ms");
        }
        Checks.notBlank(title, "media title");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("media validity ends before it starts");
        }
        if (videoOnly != null && kind != MediaKind.VIDEO) {
            throw new IllegalArgumentException("only a video can have a video-only copy");
        }
    }

    /**
     * The files a player fetches for this item: its own and, for a video with sound, the video-only copy (a
     * silent screen plays that copy, and so does a player that lost its sound device).
     */
    public List<FileRef> files() {
        FileRef own = new FileRef(sha256, size);
        return videoOnly == null ? List.of(own) : List.of(own, videoOnly);
    }

    /** True when the media may be shown at the given instant. */
    public boolean validAt(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
    }
}
