package id.ihati.videotron.admin.web;

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

    /** {@link Access#DENIED_HEADER}: set on every answer of the access check that refused a request. */
    public static final String DENIED_HEADER = Access.DENIED_HEADER;

    /** The API's error body. */
    public record ErrorBody(List<Problem> errors) {
    }

    public static void register(RoutesConfig routes, Templates templates) {
        routes.exception(Access.Denied.class, (e, ctx) -> {
            // Marks answers of the access check (not of a handler), for the route x role matrix test.
            ctx.header(DENIED_HEADER, e.status == 401 ? "unauthenticated" : "forbidden");
            if (e.redirect != null) {
                ctx.redirect(e.redirect);
                return;
            }
            String key = e.status == 401 ? "error.unauthorized" : "error.forbidden";
            respond(ctx, templates, e.status, List.of(Problem.of(null, key)));
        });
        routes.exception(Access.CsrfRejected.class,
                (e, ctx) -> respond(ctx, templates, 403, List.of(Problem.of(null, "error.csrf"))));
        routes.exception(ValidationException.class, (e, ctx) -> respond(ctx, templates, e.status(), e.problems()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, templates, e.getStatus(), List.of(Problem.of(null, "error.http", e.getStatus()))));
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, templates, 500, List.of(Problem.of(null, "error.internal")));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, templates, 404, List.of(Problem.of(null, "error.notFound")));
            }
        });
    }

    /** Answers with the problems as JSON (API, or a client that asks for JSON) or as an error page. */
    public static void respond(Context ctx, Templates templates, int status, List<Problem> problems) {
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json")
                && !accept.contains("text/html"))) {
            ctx.json(new ErrorBody(problems));
        } else {
            templates.render(ctx, "error.jte", Pages.context(ctx), Map.of("status", status,
                    "problems", problems));
        }
    }
}
