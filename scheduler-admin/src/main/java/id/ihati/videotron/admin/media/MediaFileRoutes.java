package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.FileRef;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The media file endpoint ({@code GET /api/v1/media/{sha256}}) players and previews use: Range requests,
 * immutable caching of approved files only.
 */
final class MediaFileRoutes implements Routes {
    private final Catalog catalog;
    private final MediaRoutes.DeviceFiles deviceFiles;

    MediaFileRoutes(Catalog catalog, MediaRoutes.DeviceFiles deviceFiles) {
        this.catalog = catalog;
        this.deviceFiles = deviceFiles;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/media/{sha256}", this::serveFile, MediaRoutes.FILES);
    }

    /**
     * Serves a stored file by SHA-256. Signed-in staff get any file of the library (for previews); a device only
     * approved files of its own screen's manifests.
     */
    private void serveFile(Context ctx) throws IOException {
        String sha = ctx.pathParam("sha256");
        if (!FileRef.isSha256(sha)) {
            throw new ValidationException(400, List.of(Problem.of("sha256", "media.badSha256")));
        }
        String type = catalog.contentType(sha).orElse(null);
        Path file = catalog.file(sha).orElse(null);
        // Every refusal is the same 404, so a player cannot learn which other files exist.
        boolean device = Access.user(ctx).isEmpty();
        boolean approved = catalog.approvedFile(sha);
        if (type == null || file == null || (device && !(approved
                && deviceFiles.mayFetch(Access.screenId(ctx), sha)))) {
            throw new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
        }
        // Only an approved file (one a device may be served) may sit in shared caches for good; a pending or
        // rejected one is for signed-in staff only and must not outlive its decision in any cache.
        ctx.header("Cache-Control", approved ? MediaRoutes.PUBLIC_CACHE : MediaRoutes.PRIVATE_CACHE);
        ctx.header("X-Content-Type-Options", "nosniff");
        FileResponse.write(ctx, file, type, "\"" + sha + "\"");
    }
}
