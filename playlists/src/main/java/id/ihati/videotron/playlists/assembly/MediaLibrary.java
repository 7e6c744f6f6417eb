package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.util.Optional;

/** Media as one screen gets them: empty when the item is unknown, not approved or expired. */
@FunctionalInterface
public interface MediaLibrary {
    Optional<Media> forScreen(String mediaId, ScreenProfile screen);
}
