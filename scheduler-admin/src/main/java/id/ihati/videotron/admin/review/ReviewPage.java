package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** What every review page does alike: render with one page context per request, and read its query. */
final class ReviewPage {
    private final Templates templates;

    ReviewPage(Templates templates) {
        this.templates = templates;
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, template, page(ctx), params);
    }

    void render(Context ctx, String template, PageContext page, Map<String, Object> params) {
        templates.render(ctx, template, page, params);
    }

    /**
     * The page context, made once per request: making it consumes the flash cookie, and each call would add
     * another Set-Cookie header.
     */
    static PageContext page(Context ctx) {
        PageContext p = ctx.attribute("review.page");
        if (p == null) {
            p = Pages.context(ctx);
            ctx.attribute("review.page", p);
        }
        return p;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static LocalDate date(Context ctx, String name, LocalDate fallback) {
        return Params.date(ctx.queryParam(name), fallback, name, "review.query.badDate");
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        return Params.intIn(ctx.queryParam(name), fallback, min, max, name, "review.query.badNumber");
    }

    /** A time of day ("9:30" or "09:30"), or {@code null} when absent. */
    static LocalTime time(Context ctx, String name) {
        String v = Params.text(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(400, List.of(Problem.of(name, "review.query.badTime", v)));
        }
    }

    /** A period a report may cover: not backwards, at most {@link ReviewService#MAX_DAYS}. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ValidationException(400, List.of(Problem.of("to", "review.query.toBeforeFrom")));
        }
        if (from.plusDays(ReviewService.MAX_DAYS).isBefore(to)) {
            throw new ValidationException(400, List.of(Problem.of("to", "review.query.tooLong", ReviewService.MAX_DAYS)));
        }
    }
}
