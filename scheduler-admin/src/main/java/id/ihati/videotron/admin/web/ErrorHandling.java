package id.ihati.videotron.admin.web;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers: JSON {@code {"errors": [...]}} for the API, a page for browsers. Unexpected
 * exceptions are logged here, once, with their stack trace; the client sees no internals.
 */
public final class ErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    /**
     * Set on every answer of the access check that refused a request: "unauthenticated", "forbidden", or
     * "csrf" (a missing or wrong CSRF token). Handlers' own answers never carry it.
     */
    public static final String DENIED_HEADER = "X-Access-Denied";

    /** The API's error body. */
    public record ErrorBody(List<Problem> errors) {
    }

    public static void register(RoutesConfig routes, Services services) {
        routes.exception(Access.Denied.class, (e, ctx) -> {
            // Marks answers of the access check (not of a handler), for the route x role matrix test.
            ctx.header(DENIED_HEADER, e.status == 401 ? "unauthenticated" : "forbidden");
            if (e.redirect != null) {
                ctx.redirect(e.redirect);
                return;
            }
            String key = e.status == 401 ? "error.unauthorized" : "error.forbidden";
            respond(ctx, services, e.status, List.of(Problem.of(null, key)));
        });
        routes.exception(ValidationException.class, (e, ctx) -> respond(ctx, services, e.status(), e.problems()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, services, e.getStatus(), List.of(Problem.of(null, "error.http", e.getStatus()))));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, services, 500, List.of(Problem.of(null, "error.internal")));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, services, 404, List.of(Problem.of(null, "error.notFound")));
            }
        });
    }

    /** Answers with the problems as JSON (API, or a client that asks for JSON) or as an error page. */
    public static void respond(Context ctx, Services services, int status, List<Problem> problems) {
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json")
                && !accept.contains("text/html"))) {
            ctx.json(new ErrorBody(problems));
        } else {
            services.templates.render(ctx, "error.jte", Pages.context(ctx), Map.of("status", status,
                    "problems", problems));
        }
    }
}
