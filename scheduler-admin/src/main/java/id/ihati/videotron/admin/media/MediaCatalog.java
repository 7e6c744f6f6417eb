package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.file.Path;
import java.util.Optional;

/** What the rest of the server needs from the content library. */
public interface MediaCatalog {

    /**
     * The media item as this screen gets it (a slide rendered at the screen's resolution; a video with its
     * video-only copy), only if it is approved; empty if unknown, pending or rejected.
     */
    Optional<Media> forScreen(String mediaId, ScreenProfile screen);

    /** The stored file with this SHA-256, if the library has it. */
    Optional<Path> file(String sha256);

    MediaCatalog NONE = new MediaCatalog() {
        @Override
        public Optional<Media> forScreen(String mediaId, ScreenProfile screen) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> file(String sha256) {
            return Optional.empty();
        }
    };
}
