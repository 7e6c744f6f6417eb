package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.playlists.schedule.Resolution;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The library's routes, registered with the server's other routes: its pages ({@link MediaPageRoutes}), its
 * JSON API ({@link MediaApiRoutes}) and the file endpoint players and previews use ({@link MediaFileRoutes}).
 */
public final class MediaRoutes implements Routes {
    static final Role[] READ = Role.SIGNED_IN;
    static final Role[] ADD = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR};
    static final Role[] DECIDE = {Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    static final Role[] FILES = {Role.DEVICE, Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR,
            Role.REVIEWER};
    static final List<Resolution> PREVIEW_SIZES = List.of(new Resolution(960, 480), new Resolution(384, 192),
            new Resolution(1920, 1080), new Resolution(1280, 720), new Resolution(480, 240), new Resolution(576, 864));
    /** Approved files: named by content, so they never change; shared caches and devices may keep them. */
    static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
    /** Pending and rejected files: staff only, kept in no cache (a shared office PC keeps nothing on disk). */
    static final String PRIVATE_CACHE = "private, no-store";

    /** Whether a screen's device may fetch a file: the player feature knows which files its manifests name. */
    @FunctionalInterface
    public interface DeviceFiles {
        boolean mayFetch(String screenId, String sha256);
    }

    private final List<Routes> parts;

    /**
     * @param tmpDir         where upload parts are spooled (the content store's {@code tmp}, so a file is moved,
     *                       not copied, into the store)
     * @param maxUploadBytes the largest file accepted
     */
    public MediaRoutes(MediaLibrary library, Templates templates, Clock clock, Path tmpDir, long maxUploadBytes,
                       DeviceFiles deviceFiles) {
        var requests = new MediaRequests(library.uploads(), library.slides(), library.edits(), clock, tmpDir,
                maxUploadBytes);
        this.parts = List.of(
                new MediaPageRoutes(templates, library.catalog(), library.slides(), library.approvals(),
                        library.edits(), requests, maxUploadBytes),
                new MediaApiRoutes(library.catalog(), library.approvals(), requests),
                new MediaFileRoutes(library.catalog(), deviceFiles));
    }

    @Override
    public void register(RoutesConfig routes) {
        parts.forEach(p -> p.register(routes));
    }
}
