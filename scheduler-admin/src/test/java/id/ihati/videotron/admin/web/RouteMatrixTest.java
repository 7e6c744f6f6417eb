package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.testing.RouteMatrix;
import id.ihati.videotron.admin.testing.RouteMatrix.Caller;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the application registers, called by every kind of caller, answers exactly as the feature's
 * route-matrix file says: served to the callers it lists, refused (401, 403 or a redirect to the login page)
 * to everyone else. A route without a line fails the test: nobody adds a route without declaring who may use it.
 */
class RouteMatrixTest {
    static final String ANON_CSRF = "matrix-anonymous-csrf-token-0123456789";
    static TestAdmin admin;
    static List<RouteInfo> routes;
    static Map<String, RouteMatrix.Line> expected;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        routes = admin.server().routes();
        expected = RouteMatrix.load();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void theRouteListingSeesTheFoundationsRoutesWithTheirRoles() {
        assertThat(routes).extracting(r -> r.method() + " " + r.path())
                .contains("GET /login", "POST /login", "GET /users/{id}", "GET /audit", "GET /healthz");
        assertThat(routes).filteredOn(r -> r.path().equals("/audit")).singleElement()
                .satisfies(r -> assertThat(RouteMatrix.allowedBy(r.roles()))
                        .containsExactlyInAnyOrder(Caller.ADMIN, Caller.REVIEWER));
    }

    @Test
    void everyRegisteredRouteHasAnExpectationAndEveryExpectationARoute() {
        var missing = new TreeSet<String>();
        for (RouteInfo r : routes) {
            if (!expected.containsKey(r.method() + " " + r.path())) {
                missing.add(RouteMatrix.suggestion(r.method(), r.path(), r.roles()));
            }
        }
        assertThat(missing).as("routes without a line in src/test/resources/route-matrix/<feature>.tsv "
                + "(suggested lines, check them)").isEmpty();
        var registered = new TreeSet<String>();
        routes.forEach(r -> registered.add(r.method() + " " + r.path()));
        assertThat(expected.values()).as("lines for routes that are not registered")
                .allSatisfy(l -> assertThat(registered).as(l.source()).contains(l.key()));
    }

    @Test
    void everyRouteDeclaresTheRolesItsLineExpects() {
        var wrong = new ArrayList<String>();
        for (RouteInfo r : routes) {
            var line = expected.get(r.method() + " " + r.path());
            if (line != null && !RouteMatrix.allowedBy(r.roles()).equals(line.allowed())) {
                wrong.add(line.source() + " expects " + line.allowed() + " but " + r.method() + " " + r.path()
                        + " declares " + r.roles());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixSays() throws Exception {
        String deviceToken = admin.deviceToken();
        var wrong = java.util.Collections.synchronizedList(new ArrayList<String>());
        var unverified = new ArrayList<String>();
        var cells = new ArrayList<java.util.concurrent.Callable<Void>>();
        for (RouteInfo r : routes) {
            var line = expected.get(r.method() + " " + r.path());
            if (line == null) {
                continue; // reported by everyRegisteredRouteHasAnExpectationAndEveryExpectationARoute
            }
            for (Caller caller : Caller.values()) {
                boolean allowed = line.allowed().contains(caller);
                if (caller == Caller.DEVICE && allowed && deviceToken == null && !line.allowed().containsAll(
                        Set.of(Caller.values()))) {
                    unverified.add(line.key());
                    continue;
                }
                cells.add(() -> {
                    check(r, line, caller, allowed, deviceToken, wrong);
                    return null;
                });
            }
        }
        // A few calls at a time: hundreds of cells, each a real HTTP round trip.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (var f : pool.invokeAll(cells)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!unverified.isEmpty()) {
            System.out.println("Route matrix: DEVICE access not verified (TestAdmin.deviceToken() is null) for "
                    + unverified);
        }
        assertThat(new TreeSet<>(wrong)).isEmpty();
    }

    private static void check(RouteInfo r, RouteMatrix.Line line, Caller caller, boolean allowed, String deviceToken,
                              List<String> wrong) throws IOException, InterruptedException {
        HttpResponse<InputStream> res = call(r, caller, deviceToken);
        int status = res.statusCode();
        String location = res.headers().firstValue("Location").orElse("");
        String denied = res.headers().firstValue(ErrorHandling.DENIED_HEADER).orElse(null);
        boolean refused = denied != null && !denied.equals("csrf");
        String cell = caller + " " + line.key() + " -> " + status + " " + location + " (" + line.source() + ")";
        if (allowed && (denied != null || status >= 500)) {
            wrong.add("should be served: " + cell);
        } else if (!allowed && !(refused && (status == 401 || status == 403
                || (status == 302 && location.startsWith("/login"))))) {
            wrong.add("should be refused: " + cell);
        }
    }

    /** Calls the route as the caller: a fresh session per call (a POST to /logout ends only its own). */
    private static HttpResponse<InputStream> call(RouteInfo r, Caller caller, String deviceToken)
            throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(admin.baseUrl() + RouteMatrix.concrete(r.path())))
                .timeout(Duration.ofSeconds(10))
                .method(r.method(), HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/x-www-form-urlencoded");
        switch (caller) {
            case ANONYMOUS -> b.header("Cookie", Access.CSRF_COOKIE + "=" + ANON_CSRF)
                    .header(Access.CSRF_HEADER, ANON_CSRF);
            // A device is no browser, but give it the anonymous CSRF pair: it may do what anonymous callers may.
            case DEVICE -> b.header("Authorization", "Bearer " + (deviceToken == null ? "unknown-token" : deviceToken))
                    .header("Cookie", Access.CSRF_COOKIE + "=" + ANON_CSRF).header(Access.CSRF_HEADER, ANON_CSRF);
            default -> {
                var s = admin.services();
                long id = s.users.findByUsername(admin.username(caller.role())).orElseThrow().id();
                String token = s.sessions.start(id);
                b.header("Cookie", Access.SESSION_COOKIE + "=" + token)
                        .header(Access.CSRF_HEADER, s.sessions.find(token).orElseThrow().csrfToken());
            }
        }
        // Headers only: a server-sent-events stream would never end.
        HttpResponse<InputStream> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // A kept-alive connection the server had just closed (seen once in hundreds of cells): no answer came,
            // so ask again on a fresh one, as a browser does. JDK 17 retries this by itself only for GET.
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        }
        res.body().close();
        return res;
    }
}
