package id.ihati.videotron.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in through a real login with every value of the bypass corpus as {@code next}: the login page keeps
 * only a local path in its form, and the redirect after the password goes home for everything else. The check
 * needs no database, so one H2 server does.
 */
class OpenRedirectTest {
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void theReportedTabBypassGoesHomeAfterSigningIn() {
        var c = admin.anonymous();
        var page = c.get("/login?next=/%09/evil.example");
        assertThat(page.body()).contains("name=\"next\" value=\"/\"");
        var r = c.postForm("/login", Map.of("username", "uji_reviewer", "password", TestAdmin.PASSWORD,
                "next", "/\t/evil.example"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void everyKnownBypassGoesHomeAndEveryLocalPathIsKept() {
        var soft = new SoftAssertions();
        OpenRedirectCorpus.REFUSED.forEach(next -> soft.assertThat(signInWith(next)).as(visible(next)).isEqualTo("/"));
        OpenRedirectCorpus.LOCAL.forEach(next -> soft.assertThat(signInWith(next)).as(visible(next)).isEqualTo(next));
        soft.assertAll();
    }

    /** Signs in with {@code next} in the query of the login page and in the form; returns where login sends. */
    private static String signInWith(String next) {
        var c = admin.anonymous();
        var page = c.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        var r = c.postForm("/login", Map.of("username", "uji_reviewer", "password", TestAdmin.PASSWORD,
                "next", next));
        assertThat(r.statusCode()).as(visible(next)).isEqualTo(302);
        return r.headers().firstValue("Location").orElse("(none)");
    }

    private static String visible(String s) {
        var sb = new StringBuilder();
        s.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? String.format("\\u%04x", cp)
                : String.valueOf((char) cp)));
        return sb.toString();
    }
}
