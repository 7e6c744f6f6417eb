package id.ihati.videotron.admin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser towards the admin server: keeps cookies, does not follow
 * redirects (tests assert them), and puts the page's CSRF token into every form it posts.
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http;
    private String csrf;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public void login(String username, String password) {
        get("/login");
        var r = postForm("/login", Map.of("username", username, "password", password));
        if (r.statusCode() != 302) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        get("/");
    }

    public HttpResponse<String> get(String path) {
        var r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        rememberCsrf(r.body());
        return r;
    }

    /** Posts a urlencoded form with the last seen CSRF token added. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        var all = new LinkedHashMap<String, String>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        return postFormRaw(path, all);
    }

    /** Posts exactly these fields (no CSRF token added): for tests of CSRF itself. */
    public HttpResponse<String> postFormRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        var r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        rememberCsrf(r.body());
        return r;
    }

    /** Sends JSON with the CSRF header, as the pages' scripts do. */
    public HttpResponse<String> json(String method, String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Uses an existing session (as if signed in) without the login round-trip: for tests that need many
     * signed-in clients quickly, such as the route x role matrix.
     */
    public WebClient withSession(String sessionToken, String csrfToken) {
        var cookie = new java.net.HttpCookie(id.ihati.videotron.admin.auth.Access.SESSION_COOKIE, sessionToken);
        cookie.setPath("/");
        cookie.setVersion(0);
        ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().add(URI.create(base), cookie);
        this.csrf = csrfToken;
        return this;
    }

    /** Sets the CSRF token to send (e.g. the anonymous double-submit cookie's). */
    public void useCsrf(String token) {
        this.csrf = token;
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base)).stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public String csrf() {
        return csrf;
    }

    public HttpClient http() {
        return http;
    }

    public String base() {
        return base;
    }

    private void rememberCsrf(String body) {
        if (body != null) {
            Matcher m = CSRF.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
