package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.SessionRepository;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.RouteMatrix;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Headers, CSRF on every unsafe route, and sessions that expire. */
class SecurityTest {
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(TestDatabases.h2Url(), clock);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        var anon = admin.anonymous();
        var signedIn = admin.session(Role.ADMIN);
        var answers = Map.of(
                "login page", anon.get("/login"),
                "redirect to login", anon.get("/users"),
                "signed-in page", signedIn.get("/users"),
                "forbidden", admin.session(Role.CONTRIBUTOR).get("/users"),
                "not found", signedIn.get("/no/such/page"),
                "stylesheet", anon.get("/assets/app.css"),
                "json", anon.get("/healthz"),
                "csrf refusal", signedIn.postFormRaw("/users", Map.of()));
        answers.forEach((what, r) -> {
            var h = r.headers();
            assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValue(SecurityHeaders.CSP);
            assertThat(h.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(h.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
        });
        assertThat(SecurityHeaders.CSP).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void thePagesNeedNoInlineScriptSoTheCspCanForbidIt() {
        for (String path : new String[] {"/", "/users", "/users/new", "/audit", "/password"}) {
            String html = admin.session(Role.ADMIN).get(path).body();
            var doc = org.jsoup.Jsoup.parse(html);
            assertThat(doc.select("script:not([src])")).as(path).isEmpty();
            assertThat(doc.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).as(path + " event-handler attributes").isEmpty();
            assertThat(html).as(path).doesNotContain("javascript:");
        }
        assertThat(org.jsoup.Jsoup.parse(admin.anonymous().get("/login").body()).select("script:not([src])")).isEmpty();
    }

    @Test
    void everyUnsafeBrowserRouteRefusesARequestWithoutTheCsrfToken() throws Exception {
        var wrong = new ArrayList<String>();
        int checked = 0;
        for (RouteInfo r : admin.server().routes()) {
            if (Set.of("GET", "HEAD", "OPTIONS").contains(r.method()) || r.roles().contains(id.ihati.videotron.admin.auth.Role.DEVICE)
                    || r.path().startsWith("/api/v1/pairing")) {
                continue; // safe methods; device routes use a bearer token and no cookies
            }
            checked++;
            // As a caller the route allows, so only the missing token can be the reason for a refusal.
            var allowed = RouteMatrix.allowedBy(r.roles());
            Role role = allowed.contains(RouteMatrix.Caller.ADMIN) ? Role.ADMIN
                    : allowed.stream().map(RouteMatrix.Caller::role).filter(x -> x != null).findFirst().orElse(null);
            var client = role == null ? admin.anonymous() : admin.session(role);
            client.get("/login"); // an anonymous caller gets its double-submit cookie here
            var req = HttpRequest.newBuilder(URI.create(admin.baseUrl() + RouteMatrix.concrete(r.path())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(r.method(), HttpRequest.BodyPublishers.ofString("x=1")).build();
            HttpResponse<String> res = client.send(req);
            if (res.statusCode() != 403 || !"csrf".equals(res.headers().firstValue(ErrorHandling.DENIED_HEADER)
                    .orElse(null))) {
                wrong.add(r.method() + " " + r.path() + " as " + role + " -> " + res.statusCode());
            }
            var wrongToken = client.send(HttpRequest.newBuilder(req.uri()).header("X-CSRF-Token", "tebakan")
                    .method(r.method(), HttpRequest.BodyPublishers.noBody()).build());
            if (wrongToken.statusCode() != 403) {
                wrong.add(r.method() + " " + r.path() + " with a wrong token -> " + wrongToken.statusCode());
            }
        }
        assertThat(checked).as("unsafe routes found").isGreaterThanOrEqualTo(9);
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherSessionsCsrfTokenDoesNotWork() {
        var victim = admin.session(Role.ADMIN);
        var attacker = admin.session(Role.ADMIN);
        victim.useCsrf(attacker.csrf());
        var r = victim.postForm("/users", Map.of("username", "dari.penyerang", "displayName", "X",
                "organisation", "Y", "role", "ADMIN"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(admin.services().users.findByUsername("dari.penyerang")).isEmpty();
    }

    @Test
    void anExpiredSessionIsRefused() {
        var c = admin.session(Role.REVIEWER);
        assertThat(c.get("/audit").statusCode()).isEqualTo(200);
        clock.advance(SessionRepository.LIFETIME.plus(Duration.ofMinutes(1)));
        // Other tests' sessions are made after this on the moved clock, so the order of tests does not matter.
        var r = c.get("/audit");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Faudit");
    }
}
