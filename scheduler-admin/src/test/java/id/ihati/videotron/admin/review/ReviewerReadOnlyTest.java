package id.ihati.videotron.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.admin.web.RouteInfo;
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
 * that only touch the reviewer's own session or account, writing a comment, and routes open to anyone (which
 * an anonymous caller is let into just the same). The list of routes comes from
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

    /** The running server's own routes (every HTTP method; before/after handlers are not routes). */
    static List<RouteInfo> endpoints() {
        return admin.server().routes();
    }

    @Test
    void everyWritingRouteOfTheAppRefusesReviewerExceptComments() {
        WebClient reviewer = admin.as(Role.REVIEWER);
        reviewer.get("/review");
        var checked = new ArrayList<String>();
        for (RouteInfo e : endpoints()) {
            String method = e.method();
            if (Set.of("GET", "HEAD", "OPTIONS").contains(method) || ALLOWED.contains(method + " " + e.path())) {
                continue;
            }
            String path = e.path().replaceAll("\\{[^}]+}", "alun").replaceAll("<[^>]+>", "alun");
            var r = reviewer.send(HttpRequest.newBuilder(URI.create(reviewer.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-CSRF-Token", reviewer.csrf())
                    .method(method, HttpRequest.BodyPublishers.ofString("open=true&body=x")).build());
            if (r.statusCode() != 401 && r.statusCode() != 403) {
                // Only a route open to everyone (a new player asking for a pairing code) may let REVIEWER in:
                // then an anonymous caller gets in just the same, and REVIEWER has no privilege there.
                var anon = admin.anonymous().send(HttpRequest.newBuilder(URI.create(reviewer.base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString("open=true&body=x")).build());
                assertThat(anon.statusCode()).as(method + " " + e.path() + " answered REVIEWER "
                        + r.statusCode()).isNotIn(401, 403);
                continue;
            }
            checked.add(method + " " + e.path());
        }
        assertThat(checked).contains("POST /review/feed/{screenId}", "POST /users");
        assertThat(admin.services().review.feed().all()).isEmpty();
    }

    @Test
    void reviewerMayUseTheAllowedWritesAndOnlyThoseAreDeclaredForIt() {
        // The allowed list names only routes that exist, so it cannot silently grow stale.
        var all = endpoints().stream().map(e -> e.method() + " " + e.path()).toList();
        assertThat(all).containsAll(ALLOWED);
    }
}
