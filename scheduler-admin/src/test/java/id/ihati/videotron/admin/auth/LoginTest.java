package id.ihati.videotron.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.account.AccountRoutes;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.util.Map;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Signing in and out, on H2 and on PostgreSQL (one server per database for the whole class). */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgres"})
class LoginTest {
    static TestAdmin admin;

    @Parameter
    String database;

    @BeforeParameterizedClassInvocation
    static void start(String database) {
        admin = TestAdmin.on(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        admin.close();
    }

    @Test
    void pagesRedirectAnonymousVisitorsToLogin() {
        var r = admin.anonymous().get("/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2F");
    }

    @Test
    void rightPasswordSignsInWithAnHttpOnlySameSiteCookie() {
        var c = admin.anonymous();
        c.get("/login");
        var r = c.postForm("/login", Map.of("username", "uji_reviewer", "password", TestAdmin.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().allValues("Set-Cookie")).anyMatch(h -> h.startsWith(Access.SESSION_COOKIE + "=")
                && h.contains("HttpOnly") && h.contains("SameSite=Lax"));
        assertThat(c.get("/").body()).contains("Uji REVIEWER");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessageInIndonesian() {
        var c = admin.anonymous();
        c.get("/login");
        var r = c.postForm("/login", Map.of("username", "uji_reviewer", "password", "salah"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Nama pengguna atau kata sandi salah.");
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        var c = admin.anonymous();
        c.get("/login");
        var r = c.postFormRaw("/login", Map.of("username", "uji_reviewer", "password", TestAdmin.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void fiveFailuresBlockFurtherAttemptsEvenWithTheRightPassword() {
        var c = admin.anonymous();
        c.get("/login");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            c.postForm("/login", Map.of("username", "uji_city_editor", "password", "salah-" + i));
        }
        var r = c.postForm("/login", Map.of("username", "uji_city_editor", "password", TestAdmin.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("Terlalu banyak percobaan");
    }

    @Test
    void failuresOfOneUsernameDoNotBlockAnother() {
        var c = admin.anonymous();
        c.get("/login");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            c.postForm("/login", Map.of("username", "penyerang-" + i % 2, "password", "salah"));
        }
        var r = c.postForm("/login", Map.of("username", "uji_contributor", "password", TestAdmin.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
    }

    @Test
    void englishIsAvailable() {
        assertThat(admin.anonymous().get("/login?lang=en").body()).contains("Sign in");
    }

    @Test
    void loginStartsANewSessionAndEndsTheOneTheBrowserBrought() {
        var c = admin.as(Role.HEALTH_EDITOR);
        String before = c.cookie(Access.SESSION_COOKIE);
        assertThat(admin.services().sessions.find(before)).isPresent();
        c.get("/login");
        var r = c.postForm("/login", Map.of("username", "uji_health_editor", "password", TestAdmin.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        String after = c.cookie(Access.SESSION_COOKIE);
        assertThat(after).isNotEqualTo(before);
        assertThat(admin.services().sessions.find(before)).as("planted/old session").isEmpty();
        assertThat(admin.services().sessions.find(after)).isPresent();
    }

    @Test
    void logoutEndsTheSessionOnTheServerNotOnlyTheCookie() {
        var c = admin.as(Role.ADMIN);
        String token = c.cookie(Access.SESSION_COOKIE);
        var r = c.postForm("/logout", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(admin.services().sessions.find(token)).isEmpty();
        // A copy of the old cookie (say, stolen) no longer works.
        var replay = admin.anonymous().withSession(token, null).get("/");
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void loginRedirectsOnlyToLocalPaths() {
        assertThat(AccountRoutes.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AccountRoutes.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AccountRoutes.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(AccountRoutes.safeNext("/audit?page=2")).isEqualTo("/audit?page=2");
    }
}
