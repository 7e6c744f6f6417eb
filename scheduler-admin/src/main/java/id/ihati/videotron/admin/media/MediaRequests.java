package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading the library's requests, the same for its pages and its JSON API: uploads spooled to disk, slide and
 * metadata fields, list filters, rendition sizes.
 */
final class MediaRequests {
    static final List<String> META_FIELDS = List.of("title", "owner", "category", "tags", "validFrom",
            "validUntil", "displaySeconds", "approveNow");
    static final List<String> SLIDE_FIELDS = List.of("slideTitle", "text", "background", "foreground", "qrUrl");
    static final List<String> SLIDE_AND_META_FIELDS = concat(META_FIELDS, SLIDE_FIELDS);
    private static final String MULTIPART_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

    private final Uploads uploads;
    private final Slides slides;
    private final Edits edits;
    private final Clock clock;
    private final MultipartConfigElement multipart;

    MediaRequests(Uploads uploads, Slides slides, Edits edits, Clock clock, Path tmpDir, long maxUploadBytes) {
        this.uploads = uploads;
        this.slides = slides;
        this.edits = edits;
        this.clock = clock;
        // Like the app's multipart settings, but every part goes to disk at once: no file is held in memory.
        this.multipart = new MultipartConfigElement(tmpDir.toString(), maxUploadBytes,
                maxUploadBytes + 1024 * 1024, 0);
    }

    // --- uploads ---

    /**
     * Parses an upload before the access check reads its CSRF field, with every part spooled to disk, and turns
     * an oversized or cut-off body into a clear answer instead of a server error.
     */
    void parseUpload(Context ctx) {
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
                return uploads.tooLarge();
            }
            // Jetty's multipart parser stops at a control byte in a part's headers ("invalid byte 0x00"); in
            // practice that is the file name, and the person needs that reason, not "the upload was cut off".
            if (m.contains("invalid byte")) {
                return new ValidationException(List.of(Problem.of("file", "media.fileNameControls")));
            }
        }
        return new ValidationException(400, List.of(Problem.of("file", "media.uploadBroken")));
    }

    /** Adds the request's file with its metadata fields; without a file, says so beside the metadata's problems. */
    MediaItem upload(Context ctx) {
        User user = Access.requireUser(ctx);
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            throw uploadFailure(e);
        }
        if (file == null) {
            var problems = new ArrayList<Problem>();
            problems.add(Problem.of("file", "media.fileRequired"));
            problems.addAll(metadataProblems(user, formFields(ctx, META_FIELDS), null).stream()
                    .filter(p -> !"title".equals(p.field())).toList());
            throw new ValidationException(problems);
        }
        try (InputStream in = file.content()) {
            return uploads.upload(user, in, file.filename(), formFields(ctx, META_FIELDS));
        } catch (IOException e) {
            throw uploadFailure(e);
        }
    }

    // --- slides ---

    static Slide slideFrom(Map<String, String> f) {
        return Slide.parse(f.get("slideTitle"), f.get("text"), f.get("background"), f.get("foreground"),
                f.get("qrUrl"));
    }

    /** Adds a slide ({@code id} null) or changes one; slide and metadata problems are named together. */
    MediaItem saveSlide(Context ctx, Map<String, String> f, String id) {
        User user = Access.requireUser(ctx);
        Slide slide;
        try {
            slide = slideFrom(f);
        } catch (ValidationException e) {
            var problems = new ArrayList<Problem>();
            e.problems().forEach(p -> problems.add(new Problem("title".equals(p.field()) ? "slideTitle" : p.field(),
                    p.message(), p.messageEn())));
            // Report metadata problems too, without saving anything.
            problems.addAll(metadataProblems(user, f, "x"));
            throw new ValidationException(problems);
        }
        return id == null ? slides.create(user, slide, f) : edits.update(user, id, f, slide);
    }

    private List<Problem> metadataProblems(User user, Map<String, String> f, String defaultTitle) {
        try {
            Metadata.parse(f, defaultTitle, user.organisation(), clock.instant());
            return List.of();
        } catch (ValidationException e) {
            return e.problems();
        }
    }

    /** The rendition size asked for ({@code w}, {@code h}), 960×480 unless given. */
    static Resolution size(Context ctx) {
        return new Resolution(side(ctx.queryParam("w"), 960), side(ctx.queryParam("h"), 480));
    }

    private static int side(String raw, int fallback) {
        return Params.intIn(raw, fallback, 16, Slides.MAX_RENDER_SIDE, "size", "slide.sizeInvalid");
    }

    // --- lists and forms ---

    static MediaRepository.Filter filter(Context ctx) {
        String tag = Params.text(ctx.queryParam("tag"));
        return new MediaRepository.Filter(Params.text(ctx.queryParam("q")),
                parse(MediaStatus.class, ctx.queryParam("status")), parse(MediaKind.class, ctx.queryParam("kind")),
                tag == null ? null : tag.toLowerCase(Locale.ROOT), parse(Category.class, ctx.queryParam("category")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        String s = Params.text(raw);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The named form fields the request has. */
    static Map<String, String> formFields(Context ctx, List<String> names) {
        var f = new LinkedHashMap<String, String>();
        for (String n : names) {
            String v = ctx.formParam(n);
            if (v != null) {
                f.put(n, v);
            }
        }
        return f;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        var l = new ArrayList<T>(a);
        l.addAll(b);
        return List.copyOf(l);
    }
}
