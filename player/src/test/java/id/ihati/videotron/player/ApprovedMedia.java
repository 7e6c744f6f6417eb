package id.ihati.videotron.player;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.playlists.schedule.Category;
import java.nio.file.Path;
import java.util.List;

/**
 * A file of the project's test-media put into the real admin server's library as approved by the account of
 * {@code role} (no upload form, no review): what the player's tests against the server play.
 */
public final class ApprovedMedia {
    /** The project's test media folder, seen from the player module. */
    public static final Path FILES = Path.of("..", "test-media");

    private ApprovedMedia() {
    }

    public static MediaItem add(TestAdmin admin, Role role, String file, String title, String owner,
                                Category category, int displaySeconds) {
        User by = admin.services().users.findByUsername(admin.username(role)).orElseThrow();
        return ((MediaLibrary) admin.services().media).importApproved(by, FILES.resolve(file),
                new Metadata(title, owner, category, List.of(), null, null, displaySeconds));
    }
}
