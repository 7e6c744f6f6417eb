package id.ihati.videotron.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.AdminApp;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DPRD reads everything and changes nothing: every route of the whole application that is not GET, HEAD or
 * OPTIONS refuses REVIEWER (403, or 401 for device routes), with a valid session and CSRF token, except the few
 * that only touch the reviewer's own session or account, and writing a comment. The list of routes comes from
 * the application itself, so a route added later is checked too.
 */
class ReviewerReadOnlyTest {
    /** Unsafe routes REVIEWER may use: signing in and out, its own password and language, and comments. */
    static final Set<String> ALLOWED = Set.of("POST /login", "POST /logout", "POST /password",
            "POST /account/language", "POST /review/comments");
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = ReviewFixture.start();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    static List<ParsedEndpoint> endpoints() {
        return AdminApp.create(admin.services()).unsafe.internalRouter.allHttpHandlers();
    }

    @Test
    void everyWritingRouteOfTheAppRefusesReviewerExceptComments() {
        WebClient reviewer = admin.as(Role.REVIEWER);
        reviewer.get("/review");
        var checked = new ArrayList<String>();
        for (ParsedEndpoint e : endpoints()) {
            String method = e.endpoint.method.name();
            if (Set.of("GET", "HEAD", "OPTIONS", "BEFORE", "AFTER", "BEFORE_MATCHED", "AFTER_MATCHED").contains(method)
                    || ALLOWED.contains(method + " " + e.endpoint.path)) {
                continue;
            }
            String path = e.endpoint.path.replaceAll("\\{[^}]+}", "alun").replaceAll("<[^>]+>", "alun");
            var r = reviewer.send(HttpRequest.newBuilder(URI.create(reviewer.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-Token", reviewer.csrf())
                    .method(method, HttpRequest.BodyPublishers.ofString("open=true&body=x")).build());
            assertThat(r.statusCode()).as(method + " " + e.endpoint.path).isIn(401, 403);
            checked.add(method + " " + e.endpoint.path);
        }
        assertThat(checked).contains("POST /review/feed/{screenId}", "POST /users");
        assertThat(admin.services().review.feed().all()).isEmpty();
    }

    @Test
    void reviewerMayUseTheAllowedWritesAndOnlyThoseAreDeclaredForIt() {
        // The allowed list names only routes that exist, so it cannot silently grow stale.
        var all = endpoints().stream().map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
        assertThat(all).containsAll(ALLOWED);
    }
}
