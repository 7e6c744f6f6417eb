package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.web.JsonBody;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The library's pages ({@code /media…}), its JSON API ({@code /api/v1/media…}) and the media file endpoint the
 * players and previews use ({@code GET /api/v1/media/{sha256}}).
 */
public final class MediaRoutes implements Routes {
    static final Role[] READ = Role.SIGNED_IN;
    static final Role[] ADD = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR};
    static final Role[] DECIDE = {Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    static final Role[] FILES = {Role.DEVICE, Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR,
            Role.REVIEWER};
    static final List<Resolution> PREVIEW_SIZES = List.of(new Resolution(960, 480), new Resolution(384, 192),
            new Resolution(1920, 1080), new Resolution(1280, 720), new Resolution(480, 240), new Resolution(576, 864));
    private static final String MULTIPART_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final int PAGE_SIZE = 48;
    /** Approved files: named by content, so they never change; shared caches and devices may keep them. */
    static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
    /** Pending and rejected files: staff only, kept in no cache (a shared office PC keeps nothing on disk). */
    static final String PRIVATE_CACHE = "private, no-store";
    private static final List<String> META_FIELDS = List.of("title", "owner", "category", "tags", "validFrom",
            "validUntil", "displaySeconds", "approveNow");
    private static final List<String> SLIDE_FIELDS = List.of("slideTitle", "text", "background", "foreground",
            "qrUrl");

    private final MediaLibrary library;
    private final Templates templates;
    private final Clock clock;
    private final long maxUploadBytes;
    /** Whether a screen's manifests named a file lately (the player feature answers; media does not know it). */
    private final BiPredicate<String, String> screenMayFetch;
    private final MultipartConfigElement multipart;

    /** @param tmpDir where uploads are written while they arrive */
    public MediaRoutes(MediaLibrary library, Templates templates, Clock clock, Path tmpDir, long maxUploadBytes,
                       BiPredicate<String, String> screenMayFetch) {
        this.library = library;
        this.templates = templates;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
        this.screenMayFetch = screenMayFetch;
        // Like the app's multipart settings, but every part goes to disk at once: no file is held in memory.
        this.multipart = new MultipartConfigElement(tmpDir.toString(), maxUploadBytes, maxUploadBytes + 1024 * 1024,
                0);
    }

    @Override
    public void register(RoutesConfig r) {
        r.before("/media", this::parseUpload);
        r.before("/api/v1/media", this::parseUpload);

        r.get("/media", this::listPage, READ);
        r.get("/media/new", ctx -> uploadPage(ctx, Map.of(), List.of()), ADD);
        r.post("/media", this::uploadFromPage, ADD);
        r.get("/media/slides/new", ctx -> slidePage(ctx, null, defaultsForSlide(ctx), List.of()), ADD);
        r.post("/media/slides", this::createSlideFromPage, ADD);
        r.get("/media/slides/preview.png", this::previewPng, ADD);
        r.get("/media/{id}", this::detailPage, READ);
        r.get("/media/{id}/edit", this::editPage, ADD);
        r.post("/media/{id}", this::updateFromPage, ADD);
        r.post("/media/{id}/approve", ctx -> decideFromPage(ctx, true), DECIDE);
        r.post("/media/{id}/reject", ctx -> decideFromPage(ctx, false), DECIDE);
        r.post("/media/{id}/delete", this::deleteFromPage, ADD);
        r.get("/media/{id}/slide.png", this::slidePng, READ);

        r.get("/api/v1/media", this::apiList, READ);
        r.post("/api/v1/media", this::apiUpload, ADD);
        r.post("/api/v1/media/slides", this::apiCreateSlide, ADD);
        r.get("/api/v1/media/items/{id}", ctx -> ctx.json(MediaView.of(library.get(ctx.pathParam("id")))), READ);
        r.post("/api/v1/media/items/{id}/approve", ctx -> {
            if (ctx.bodyAsBytes().length > 0) {
                JsonBody.flatObject(ctx.bodyAsBytes(), List.of()); // takes no fields: any field is refused by name
            }
            ctx.json(MediaView.of(library.approve(Access.requireUser(ctx), ctx.pathParam("id"))));
        }, DECIDE);
        r.post("/api/v1/media/items/{id}/reject", this::apiReject, DECIDE);
        r.get("/api/v1/media/{sha256}", this::serveFile, FILES);
    }

    // --- uploads ---

    /**
     * Parses an upload before the access check reads its CSRF field, with every part spooled to disk, and turns
     * an oversized or cut-off body into a clear answer instead of a server error.
     */
    private void parseUpload(Context ctx) {
        if (!"POST".equals(ctx.method().name()) || !ctx.isMultipartFormData()) {
            return;
        }
        ctx.attribute(MULTIPART_ATTRIBUTE, multipart);
        try {
            ctx.formParamMap();
            ctx.uploadedFiles();
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            throw uploadFailure(e);
        }
    }

    private ValidationException uploadFailure(Exception e) {
        if (e instanceof ValidationException v) {
            return v;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("max") && (m.contains("size") || m.contains("length") || m.contains("exceed"))
                    || m.contains("too large") || m.contains("413")) {
                return library.tooLarge();
            }
            // Jetty's multipart parser stops at a control byte in a part's headers ("invalid byte 0x00"); in
            // practice that is the file name, and the person needs that reason, not "the upload was cut off".
            if (m.contains("invalid byte")) {
                return new ValidationException(List.of(Problem.of("file", "media.fileNameControls")));
            }
        }
        return new ValidationException(400, List.of(Problem.of("file", "media.uploadBroken")));
    }

    private MediaItem upload(Context ctx) {
        User user = Access.requireUser(ctx);
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            throw uploadFailure(e);
        }
        if (file == null) {
            var problems = new java.util.ArrayList<Problem>();
            problems.add(Problem.of("file", "media.fileRequired"));
            try {
                Metadata.parse(fields(ctx, META_FIELDS), null, user.organisation(), clock.instant());
            } catch (ValidationException e) {
                problems.addAll(e.problems().stream().filter(p -> !"title".equals(p.field())).toList());
            }
            throw new ValidationException(problems);
        }
        try (InputStream in = file.content()) {
            return library.upload(user, in, file.filename(), fields(ctx, META_FIELDS));
        } catch (IOException e) {
            throw uploadFailure(e);
        }
    }

    private void uploadFromPage(Context ctx) {
        try {
            MediaItem item = upload(ctx);
            Pages.redirectWithFlash(ctx, "/media/" + item.id(), item.status() == MediaStatus.APPROVED
                    ? "media.flash.addedApproved" : "media.flash.added");
        } catch (ValidationException e) {
            if (e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            uploadPage(ctx, fields(ctx, META_FIELDS), e.problems());
        }
    }

    private void apiUpload(Context ctx) {
        ctx.status(201).json(MediaView.of(upload(ctx)));
    }

    // --- slides ---

    private Slide slideFrom(Map<String, String> f) {
        return Slide.parse(f.get("slideTitle"), f.get("text"), f.get("background"), f.get("foreground"),
                f.get("qrUrl"));
    }

    /** Slide and metadata problems together, so the form shows all of them at once. */
    private Slide slideOrProblems(Map<String, String> f, List<Problem> problems) {
        try {
            return slideFrom(f);
        } catch (ValidationException e) {
            e.problems().forEach(p -> problems.add(new Problem("title".equals(p.field()) ? "slideTitle" : p.field(),
                    p.message(), p.messageEn())));
            return null;
        }
    }

    private MediaItem saveSlide(Context ctx, Map<String, String> f, String id) {
        User user = Access.requireUser(ctx);
        var problems = new java.util.ArrayList<Problem>();
        Slide slide = slideOrProblems(f, problems);
        if (!problems.isEmpty()) {
            // Report metadata problems too, without saving anything.
            try {
                Metadata.parse(f, "x", user.organisation(), clock.instant());
            } catch (ValidationException e) {
                problems.addAll(e.problems());
            }
            throw new ValidationException(problems);
        }
        return id == null ? library.createSlide(user, slide, f) : library.update(user, id, f, slide);
    }

    private void createSlideFromPage(Context ctx) {
        Map<String, String> f = fields(ctx, concat(META_FIELDS, SLIDE_FIELDS));
        try {
            MediaItem item = saveSlide(ctx, f, null);
            Pages.redirectWithFlash(ctx, "/media/" + item.id(), item.status() == MediaStatus.APPROVED
                    ? "media.flash.addedApproved" : "media.flash.added");
        } catch (ValidationException e) {
            if (e.status() == 403) {
                throw e;
            }
            ctx.status(e.status());
            slidePage(ctx, null, f, e.problems());
        }
    }

    private void apiCreateSlide(Context ctx) {
        // Staff-facing JSON: an unknown field is refused (a typo must not be lost silently).
        Map<String, String> f = new HashMap<>(JsonBody.flatObject(ctx.bodyAsBytes(),
                concat(META_FIELDS, SLIDE_FIELDS)));
        ctx.status(201).json(MediaView.of(saveSlide(ctx, f, null)));
    }

    private void previewPng(Context ctx) {
        Map<String, String> f = new HashMap<>();
        for (String k : SLIDE_FIELDS) {
            f.put(k, ctx.queryParam(k));
        }
        if (f.get("slideTitle") == null || f.get("slideTitle").isBlank()) {
            // An empty editor still shows how the slide will look.
            f.put("slideTitle", id.ihati.videotron.admin.web.Messages.get(Pages.locale(ctx), "slide.placeholder"));
        }
        Slide slide = slideFrom(f);
        byte[] png = library.preview(slide, size(ctx));
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(png);
    }

    private void slidePng(Context ctx) {
        MediaItem m = library.get(ctx.pathParam("id"));
        if (m.kind() != MediaKind.SLIDE) {
            throw new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
        }
        FileRef r = library.rendition(m, size(ctx));
        ctx.redirect("/api/v1/media/" + r.sha256());
    }

    private static Resolution size(Context ctx) {
        int w = intParam(ctx.queryParam("w"), 960);
        int h = intParam(ctx.queryParam("h"), 480);
        if (w < 16 || h < 16 || w > MediaLibrary.MAX_RENDER_SIDE || h > MediaLibrary.MAX_RENDER_SIDE) {
            throw new ValidationException(400, List.of(Problem.of("size", "slide.sizeInvalid", 16,
                    MediaLibrary.MAX_RENDER_SIDE)));
        }
        return new Resolution(w, h);
    }

    private static int intParam(String s, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // --- the file endpoint ---

    /**
     * Serves a stored file by SHA-256 with Range support and immutable caching. Signed-in staff get any file of
     * the library (for previews); a device only approved files of its own screen's manifests
     * ({@link id.ihati.videotron.admin.player.ManifestService#mayFetch}).
     */
    private void serveFile(Context ctx) throws IOException {
        String sha = ctx.pathParam("sha256");
        if (!FileRef.isSha256(sha)) {
            throw new ValidationException(400, List.of(Problem.of("sha256", "media.badSha256")));
        }
        String type = library.repository().contentType(sha).orElse(null);
        Path file = library.file(sha).orElse(null);
        // Staff preview anything; a player gets only approved files its own screen's manifests name. Every
        // refusal is the same 404, so a player cannot learn which other files exist.
        boolean device = Access.user(ctx).isEmpty();
        boolean approved = library.approvedFile(sha);
        if (type == null || file == null || (device && !(approved
                && screenMayFetch.test(Access.screenId(ctx), sha)))) {
            throw new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
        }
        // Only an approved file (one a device may be served) may sit in shared caches for good; a pending or
        // rejected one is for signed-in staff only and must not outlive its decision in any cache.
        ctx.header("Cache-Control", approved ? PUBLIC_CACHE : PRIVATE_CACHE);
        ctx.header("X-Content-Type-Options", "nosniff");
        FileResponse.write(ctx, file, type, "\"" + sha + "\"");
    }

    // --- list and detail ---

    private MediaRepository.Filter filter(Context ctx) {
        return new MediaRepository.Filter(blank(ctx.queryParam("q")),
                parse(MediaStatus.class, ctx.queryParam("status")), parse(MediaKind.class, ctx.queryParam("kind")),
                blank(ctx.queryParam("tag")) == null ? null : ctx.queryParam("tag").strip().toLowerCase(Locale.ROOT),
                parse(Category.class, ctx.queryParam("category")));
    }

    private void listPage(Context ctx) {
        int page = Math.max(0, intParam(ctx.queryParam("page"), 0));
        MediaRepository.Filter f = filter(ctx);
        List<MediaItem> items = library.list(f, PAGE_SIZE + 1, page * PAGE_SIZE);
        var params = new HashMap<String, Object>();
        params.put("items", items.size() > PAGE_SIZE ? items.subList(0, PAGE_SIZE) : items);
        params.put("filter", f);
        params.put("tags", library.tags());
        params.put("pageNo", page);
        params.put("more", items.size() > PAGE_SIZE);
        params.put("query", query(f));
        templates.render(ctx, "media/list.jte", Pages.context(ctx), params);
    }

    /** The filter as a query string prefix ("status=PENDING&"), so paging keeps it. */
    private static String query(MediaRepository.Filter f) {
        var q = new StringBuilder();
        java.util.function.BiConsumer<String, Object> add = (k, v) -> {
            if (v != null) {
                q.append(k).append('=').append(java.net.URLEncoder.encode(v.toString(),
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        };
        add.accept("q", f.text());
        add.accept("status", f.status());
        add.accept("kind", f.kind());
        add.accept("tag", f.tag());
        add.accept("category", f.category());
        return q.toString();
    }

    private void apiList(Context ctx) {
        int limit = Math.min(500, Math.max(1, intParam(ctx.queryParam("limit"), 100)));
        int offset = Math.max(0, intParam(ctx.queryParam("offset"), 0));
        ctx.json(Map.of("items", library.list(filter(ctx), limit, offset).stream().map(MediaView::of).toList()));
    }

    private void detailPage(Context ctx) {
        MediaItem m = library.get(ctx.pathParam("id"));
        detail(ctx, Pages.context(ctx), m);
    }

    private void detail(Context ctx, PageContext page, MediaItem m) {
        User u = Access.requireUser(ctx);
        var params = new HashMap<String, Object>();
        params.put("m", m);
        params.put("canDecide", MediaRules.canDecide(u, m));
        params.put("canEdit", MediaRules.canEdit(u, m));
        params.put("canDelete", MediaRules.canDelete(u, m));
        params.put("sizes", PREVIEW_SIZES);
        templates.render(ctx, "media/detail.jte", page, params);
    }

    private void decideFromPage(Context ctx, boolean approve) {
        String id = ctx.pathParam("id");
        User u = Access.requireUser(ctx);
        try {
            if (approve) {
                library.approve(u, id);
            } else {
                library.reject(u, id, ctx.formParam("reason"));
            }
            Pages.redirectWithFlash(ctx, "/media/" + id, approve ? "media.flash.approved" : "media.flash.rejected");
        } catch (ValidationException e) {
            if (e.status() != 422) {
                throw e;
            }
            ctx.status(422);
            detail(ctx, Pages.context(ctx).withProblems(e.problems()), library.get(id));
        }
    }

    private void apiReject(Context ctx) {
        String reason = JsonBody.flatObject(ctx.bodyAsBytes(), List.of("reason")).get("reason");
        ctx.json(MediaView.of(library.reject(Access.requireUser(ctx), ctx.pathParam("id"), reason)));
    }

    private void deleteFromPage(Context ctx) {
        library.delete(Access.requireUser(ctx), ctx.pathParam("id"));
        Pages.redirectWithFlash(ctx, "/media", "media.flash.deleted");
    }

    // --- editing ---

    private void editPage(Context ctx) {
        MediaItem m = library.get(ctx.pathParam("id"));
        if (!MediaRules.canEdit(Access.requireUser(ctx), m)) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        Map<String, String> f = valuesOf(m);
        if (m.kind() == MediaKind.SLIDE) {
            slidePage(ctx, m, f, List.of());
        } else {
            editUploadPage(ctx, m, f, List.of());
        }
    }

    private void updateFromPage(Context ctx) {
        MediaItem m = library.get(ctx.pathParam("id"));
        boolean slide = m.kind() == MediaKind.SLIDE;
        Map<String, String> f = fields(ctx, slide ? concat(META_FIELDS, SLIDE_FIELDS) : META_FIELDS);
        try {
            if (slide) {
                saveSlide(ctx, f, m.id());
            } else {
                library.update(Access.requireUser(ctx), m.id(), f, null);
            }
            Pages.redirectWithFlash(ctx, "/media/" + m.id(), "media.flash.saved");
        } catch (ValidationException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            ctx.status(e.status());
            if (slide) {
                slidePage(ctx, m, f, e.problems());
            } else {
                editUploadPage(ctx, m, f, e.problems());
            }
        }
    }

    static Map<String, String> valuesOf(MediaItem m) {
        var f = new HashMap<>(MediaLibrary.fieldsOf(new Metadata(m.title(), m.owner(), m.category(), m.tags(),
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

    private void editUploadPage(Context ctx, MediaItem m, Map<String, String> values, List<Problem> problems) {
        User u = Access.requireUser(ctx);
        templates.render(ctx, "media/edit.jte", Pages.context(ctx).withProblems(problems),
                Map.of("m", m, "v", values, "categories", categoriesFor(u, m)));
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
        params.put("sizes", PREVIEW_SIZES);
        params.put("canDecide", m == null && canDecideAny(u));
        templates.render(ctx, "media/slide.jte", Pages.context(ctx).withProblems(problems), params);
    }

    private static List<Category> categoriesFor(User u, MediaItem m) {
        List<Category> allowed = MediaRules.categoriesFor(u.role());
        return allowed.contains(m.category()) ? allowed : concat(allowed, List.of(m.category()));
    }

    private static boolean canDecideAny(User u) {
        return MediaRules.categoriesFor(u.role()).stream().anyMatch(c -> MediaRules.canDecide(u, c));
    }

    // --- helpers ---

    private static Map<String, String> fields(Context ctx, List<String> names) {
        var f = new LinkedHashMap<String, String>();
        for (String n : names) {
            String v = ctx.formParam(n);
            if (v != null) {
                f.put(n, v);
            }
        }
        return f;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var l = new java.util.ArrayList<T>(a);
        l.addAll(b);
        return List.copyOf(l);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
