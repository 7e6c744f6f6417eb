package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.web.JsonBody;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The library's JSON API for staff ({@code /api/v1/media…}); an unknown field is refused, never ignored. */
final class MediaApiRoutes implements Routes {
    private final Catalog catalog;
    private final Approvals approvals;
    private final MediaRequests requests;

    MediaApiRoutes(Catalog catalog, Approvals approvals, MediaRequests requests) {
        this.catalog = catalog;
        this.approvals = approvals;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig r) {
        r.before("/api/v1/media", requests::parseUpload);
        r.get("/api/v1/media", this::list, MediaRoutes.READ);
        r.post("/api/v1/media", ctx -> ctx.status(201).json(MediaView.of(requests.upload(ctx))), MediaRoutes.ADD);
        r.post("/api/v1/media/slides", this::createSlide, MediaRoutes.ADD);
        r.get("/api/v1/media/items/{id}", ctx -> ctx.json(MediaView.of(catalog.get(ctx.pathParam("id")))),
                MediaRoutes.READ);
        r.post("/api/v1/media/items/{id}/approve", this::approve, MediaRoutes.DECIDE);
        r.post("/api/v1/media/items/{id}/reject", this::reject, MediaRoutes.DECIDE);
    }

    private void list(Context ctx) {
        int limit = Params.intClamped(ctx.queryParam("limit"), 100, 1, 500);
        int offset = Params.intClamped(ctx.queryParam("offset"), 0, 0, Integer.MAX_VALUE);
        ctx.json(Map.of("items", catalog.list(MediaRequests.filter(ctx), limit, offset).stream()
                .map(MediaView::of).toList()));
    }

    private void createSlide(Context ctx) {
        Map<String, String> f = new HashMap<>(JsonBody.flatObject(ctx.bodyAsBytes(),
                MediaRequests.SLIDE_AND_META_FIELDS));
        ctx.status(201).json(MediaView.of(requests.saveSlide(ctx, f, null)));
    }

    private void approve(Context ctx) {
        if (ctx.bodyAsBytes().length > 0) {
            JsonBody.flatObject(ctx.bodyAsBytes(), List.of()); // takes no fields: any field is refused by name
        }
        ctx.json(MediaView.of(approvals.approve(Access.requireUser(ctx), ctx.pathParam("id"))));
    }

    private void reject(Context ctx) {
        String reason = JsonBody.flatObject(ctx.bodyAsBytes(), List.of("reason")).get("reason");
        ctx.json(MediaView.of(approvals.reject(Access.requireUser(ctx), ctx.pathParam("id"), reason)));
    }
}
