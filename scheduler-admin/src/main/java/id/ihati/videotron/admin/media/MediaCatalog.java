package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the rest of the server needs from the content library. */
public interface MediaCatalog {

    /**
     * The media item as this screen gets it (a slide rendered at the screen's resolution; a video with its
     * video-only copy), only if it is approved and not expired; empty if unknown, pending, rejected or expired.
     * Its validity travels in the record, so an item valid from tomorrow is returned and the resolver starts it
     * on time.
     */
    Optional<Media> forScreen(String mediaId, ScreenProfile screen);

    /** The stored file with this SHA-256, if the library has it. */
    Optional<Path> file(String sha256);

    /** Approved, not yet expired items of a category, newest first: the booking form's choices. */
    default List<MediaSummary> approved(Category category) {
        return List.of();
    }

    /** One item's summary, whatever its status; empty if unknown. */
    default Optional<MediaSummary> summary(String mediaId) {
        return Optional.empty();
    }

    /** Whether an item may be booked now: approved and not expired. */
    default boolean bookable(String mediaId) {
        return false;
    }
}
