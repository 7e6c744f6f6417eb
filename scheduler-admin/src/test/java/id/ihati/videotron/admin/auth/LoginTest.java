package id.ihati.videotron.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginTest {
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
    void englishIsAvailable() {
        assertThat(admin.anonymous().get("/login?lang=en").body()).contains("Sign in");
    }
}
