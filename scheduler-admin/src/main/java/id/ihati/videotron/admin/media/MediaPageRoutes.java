package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaRequests.META_FIELDS;
import static id.ihati.videotron.admin.media.MediaRequests.SLIDE_AND_META_FIELDS;
import static id.ihati.videotron.admin.media.MediaRequests.SLIDE_FIELDS;
import static id.ihati.videotron.admin.media.MediaRequests.formFields;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The library's pages ({@code /media…}): list, detail, upload and slide forms, decisions, edits. */
final class MediaPageRoutes implements Routes {
    private static final int PAGE_SIZE = 48;

    private final Templates templates;
    private final Catalog catalog;
    private final Slides slides;
    private final Approvals approvals;
    private final Edits edits;
    private final MediaRequests requests;
    private final long maxUploadBytes;

    MediaPageRoutes(Templates templates, Catalog catalog, Slides slides, Approvals approvals, Edits edits,
                    MediaRequests requests, long maxUploadBytes) {
        this.templates = templates;
        this.catalog = catalog;
        this.slides = slides;
        this.approvals = approvals;
        this.edits = edits;
        this.requests = requests;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void register(RoutesConfig r) {
        r.before("/media", requests::parseUpload);
        r.get("/media", this::listPage, MediaRoutes.READ);
        r.get("/media/new", ctx -> uploadPage(ctx, Map.of(), List.of()), MediaRoutes.ADD);
        r.post("/media", this::uploadFromPage, MediaRoutes.ADD);
        r.get("/media/slides/new", ctx -> slidePage(ctx, null, defaultsForSlide(ctx), List.of()), MediaRoutes.ADD);
        r.post("/media/slides", this::createSlideFromPage, MediaRoutes.ADD);
        r.get("/media/slides/preview.png", this::previewPng, MediaRoutes.ADD);
        r.get("/media/{id}", ctx -> detail(ctx, Pages.context(ctx), catalog.get(ctx.pathParam("id"))),
                MediaRoutes.READ);
        r.get("/media/{id}/edit", this::editPage, MediaRoutes.ADD);
        r.post("/media/{id}", this::updateFromPage, MediaRoutes.ADD);
        r.post("/media/{id}/approve", ctx -> decideFromPage(ctx, true), MediaRoutes.DECIDE);
        r.post("/media/{id}/reject", ctx -> decideFromPage(ctx, false), MediaRoutes.DECIDE);
        r.post("/media/{id}/delete", this::deleteFromPage, MediaRoutes.ADD);
        r.get("/media/{id}/slide.png", this::slidePng, MediaRoutes.READ);
    }

    /**
     * Saves what a form sent and goes to the item with a flash message; a refusal shows the form again with
     * its problems, except "forbidden" and "not found", which are no problem of the form.
     */
    private static void submit(Context ctx, Supplier<MediaItem> save, String flash,
                               Consumer<List<Problem>> formAgain) {
        MediaItem item;
        try {
            item = save.get();
        } catch (ValidationException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            ctx.status(e.status());
            formAgain.accept(e.problems());
            return;
        }
        Pages.redirectWithFlash(ctx, "/media/" + item.id(), flash != null ? flash
                : item.status() == MediaStatus.APPROVED ? "media.flash.addedApproved" : "media.flash.added");
    }

    // --- adding ---

    private void uploadFromPage(Context ctx) {
        submit(ctx, () -> requests.upload(ctx), null,
                problems -> uploadPage(ctx, formFields(ctx, META_FIELDS), problems));
    }

    private void createSlideFromPage(Context ctx) {
        Map<String, String> f = formFields(ctx, SLIDE_AND_META_FIELDS);
        submit(ctx, () -> requests.saveSlide(ctx, f, null), null, problems -> slidePage(ctx, null, f, problems));
    }

    private void previewPng(Context ctx) {
        Map<String, String> f = new HashMap<>();
        for (String k : SLIDE_FIELDS) {
            f.put(k, ctx.queryParam(k));
        }
        if (f.get("slideTitle") == null || f.get("slideTitle").isBlank()) {
            // An empty editor still shows how the slide will look.
            f.put("slideTitle", Messages.get(Pages.locale(ctx), "slide.placeholder"));
        }
        byte[] png = slides.preview(MediaRequests.slideFrom(f), MediaRequests.size(ctx));
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(png);
    }

    private void slidePng(Context ctx) {
        MediaItem m = catalog.get(ctx.pathParam("id"));
        if (m.kind() != MediaKind.SLIDE) {
            throw new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
        }
        FileRef r = slides.rendition(m, MediaRequests.size(ctx));
        ctx.redirect("/api/v1/media/" + r.sha256());
    }

    // --- list and detail ---

    private void listPage(Context ctx) {
        int page = Params.intClamped(ctx.queryParam("page"), 0, 0, Integer.MAX_VALUE);
        MediaRepository.Filter f = MediaRequests.filter(ctx);
        List<MediaItem> items = catalog.list(f, PAGE_SIZE + 1, page * PAGE_SIZE);
        var params = new HashMap<String, Object>();
        params.put("items", items.size() > PAGE_SIZE ? items.subList(0, PAGE_SIZE) : items);
        params.put("filter", f);
        params.put("tags", catalog.tags());
        params.put("pageNo", page);
        params.put("more", items.size() > PAGE_SIZE);
        params.put("query", query(f));
        templates.render(ctx, "media/list.jte", Pages.context(ctx), params);
    }

    /** The filter as a query string prefix ("status=PENDING&"), so paging keeps it. */
    private static String query(MediaRepository.Filter f) {
        var q = new StringBuilder();
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("q", f.text());
        values.put("status", f.status());
        values.put("kind", f.kind());
        values.put("tag", f.tag());
        values.put("category", f.category());
        values.forEach((k, v) -> {
            if (v != null) {
                q.append(k).append('=').append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)).append('&');
            }
        });
        return q.toString();
    }

    private void detail(Context ctx, PageContext page, MediaItem m) {
        User u = Access.requireUser(ctx);
        var params = new HashMap<String, Object>();
        params.put("m", m);
        params.put("canDecide", MediaRules.canDecide(u, m));
        params.put("canEdit", MediaRules.canEdit(u, m));
        params.put("canDelete", MediaRules.canDelete(u, m));
        params.put("sizes", MediaRoutes.PREVIEW_SIZES);
        templates.render(ctx, "media/detail.jte", page, params);
    }

    private void decideFromPage(Context ctx, boolean approve) {
        String id = ctx.pathParam("id");
        User u = Access.requireUser(ctx);
        try {
            if (approve) {
                approvals.approve(u, id);
            } else {
                approvals.reject(u, id, ctx.formParam("reason"));
            }
            Pages.redirectWithFlash(ctx, "/media/" + id, approve ? "media.flash.approved" : "media.flash.rejected");
        } catch (ValidationException e) {
            if (e.status() != 422) {
                throw e;
            }
            ctx.status(422);
            detail(ctx, Pages.context(ctx).withProblems(e.problems()), catalog.get(id));
        }
    }

    private void deleteFromPage(Context ctx) {
        edits.delete(Access.requireUser(ctx), ctx.pathParam("id"));
        Pages.redirectWithFlash(ctx, "/media", "media.flash.deleted");
    }

    // --- editing ---

    private void editPage(Context ctx) {
        MediaItem m = catalog.get(ctx.pathParam("id"));
        if (!MediaRules.canEdit(Access.requireUser(ctx), m)) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        editForm(ctx, m, valuesOf(m), List.of());
    }

    private void updateFromPage(Context ctx) {
        MediaItem m = catalog.get(ctx.pathParam("id"));
        boolean slide = m.kind() == MediaKind.SLIDE;
        Map<String, String> f = formFields(ctx, slide ? SLIDE_AND_META_FIELDS : META_FIELDS);
        submit(ctx, () -> slide ? requests.saveSlide(ctx, f, m.id())
                        : edits.update(Access.requireUser(ctx), m.id(), f, null), "media.flash.saved",
                problems -> editForm(ctx, m, f, problems));
    }

    private void editForm(Context ctx, MediaItem m, Map<String, String> values, List<Problem> problems) {
        if (m.kind() == MediaKind.SLIDE) {
            slidePage(ctx, m, values, problems);
        } else {
            User u = Access.requireUser(ctx);
            templates.render(ctx, "media/edit.jte", Pages.context(ctx).withProblems(problems),
                    Map.of("m", m, "v", values, "categories", categoriesFor(u, m)));
        }
    }

    static Map<String, String> valuesOf(MediaItem m) {
        var f = new HashMap<>(Additions.fieldsOf(new Metadata(m.title(), m.owner(), m.category(), m.tags(),
                m.validFrom(), m.validUntil(), m.displaySeconds()), false));
        f.put("tags", String.join(", ", m.tags()));
        if (m.slide() != null) {
            f.put("slideTitle", m.slide().title());
            f.put("text", m.slide().text());
            f.put("background", m.slide().background());
            f.put("foreground", m.slide().foreground());
            f.put("qrUrl", m.slide().qrUrl() == null ? "" : m.slide().qrUrl());
        }
        return f;
    }

    private void uploadPage(Context ctx, Map<String, String> values, List<Problem> problems) {
        User u = Access.requireUser(ctx);
        var v = new HashMap<>(values);
        v.putIfAbsent("owner", u.organisation());
        v.putIfAbsent("displaySeconds", Integer.toString(Metadata.DEFAULT_DISPLAY_SECONDS));
        templates.render(ctx, "media/upload.jte", Pages.context(ctx).withProblems(problems),
                Map.of("v", v, "categories", MediaRules.categoriesFor(u.role()), "maxMb",
                        maxUploadBytes / (1024 * 1024), "canDecide", canDecideAny(u)));
    }

    private Map<String, String> defaultsForSlide(Context ctx) {
        User u = Access.requireUser(ctx);
        var v = new HashMap<String, String>();
        Slide.Palette p = MediaRules.categoriesFor(u.role()).get(0) == Category.CITY ? Slide.Palette.CITY_BLUE
                : Slide.Palette.HEALTH_GREEN;
        v.put("background", p.background);
        v.put("foreground", p.foreground);
        v.put("owner", u.organisation());
        v.put("displaySeconds", Integer.toString(Metadata.DEFAULT_DISPLAY_SECONDS));
        return v;
    }

    private void slidePage(Context ctx, MediaItem m, Map<String, String> values, List<Problem> problems) {
        User u = Access.requireUser(ctx);
        var params = new HashMap<String, Object>();
        params.put("v", values);
        params.put("m", m);
        params.put("categories", m == null ? MediaRules.categoriesFor(u.role()) : categoriesFor(u, m));
        params.put("palette", List.of(Slide.Palette.values()));
        params.put("sizes", MediaRoutes.PREVIEW_SIZES);
        params.put("canDecide", m == null && canDecideAny(u));
        templates.render(ctx, "media/slide.jte", Pages.context(ctx).withProblems(problems), params);
    }

    private static List<Category> categoriesFor(User u, MediaItem m) {
        List<Category> allowed = MediaRules.categoriesFor(u.role());
        return allowed.contains(m.category()) ? allowed : MediaRequests.concat(allowed, List.of(m.category()));
    }

    private static boolean canDecideAny(User u) {
        return MediaRules.categoriesFor(u.role()).stream().anyMatch(c -> MediaRules.canDecide(u, c));
    }
}
