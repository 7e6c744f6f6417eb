package id.ihati.videotron.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Managing users through the pages, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgres"})
class UsersTest {
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

    private static Map<String, String> form(String username, String displayName, String organisation, String role) {
        var m = new HashMap<String, String>();
        m.put("username", username);
        m.put("displayName", displayName);
        m.put("organisation", organisation);
        m.put("role", role);
        m.put("locale", "id");
        return m;
    }

    /** Creates a user through the form and returns the temporary password shown once. */
    private static String create(WebClient adminClient, String username, String role) {
        var r = adminClient.postForm("/users", form(username, "Operator " + username, "Puskesmas Citangkil", role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body()).selectFirst("code.temp-password").text();
    }

    private static User user(String username) {
        return admin.services().users.findByUsername(username).orElseThrow();
    }

    @Test
    void adminCreatesAUserWhoMustChangeTheShownPasswordAtFirstLogin() {
        var a = admin.session(Role.ADMIN);
        String password = create(a, "operator.citangkil", "CONTRIBUTOR");
        User u = user("operator.citangkil");
        assertThat(u.role()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(u.organisation()).isEqualTo("Puskesmas Citangkil");
        assertThat(u.mustChangePassword()).isTrue();
        assertThat(password).hasSize(16);

        var c = admin.anonymous();
        c.get("/login");
        var login = c.postForm("/login", Map.of("username", "operator.citangkil", "password", password));
        assertThat(login.headers().firstValue("Location")).hasValue("/password");
        assertThat(c.get("/").headers().firstValue("Location")).as("everything else waits").hasValue("/password");
        c.get("/password");
        var changed = c.postForm("/password", Map.of("current", password, "new", "kata-sandi-baru-1",
                "repeat", "kata-sandi-baru-1"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.services().audit.latest(50, 0)).anyMatch(e -> e.action().equals("USER_CREATED")
                && e.subjectId().equals("operator.citangkil") && e.actor().equals("uji_admin"));
    }

    @Test
    void theTemporaryPasswordPageIsNotCached() {
        var r = admin.session(Role.ADMIN).postForm("/users",
                form("tidak.disimpan", "Budi", "Puskesmas Ciwandan", "REVIEWER"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void badFieldsAreNamedOneByOneInBothLanguages() {
        var a = admin.session(Role.ADMIN);
        var r = a.postForm("/users", form("9 Bad Name", "", "x".repeat(201), "SUPERUSER"));
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select(".field-error[data-field=username]").text()).contains("diawali huruf kecil");
        assertThat(d.select(".field-error[data-field=displayName]").text()).contains("Nama lengkap wajib diisi");
        assertThat(d.select(".field-error[data-field=organisation]").text()).contains("Paling banyak 200");
        assertThat(d.select(".field-error[data-field=role]").text()).contains("Pilih salah satu peran");
        // What was typed stays in the form.
        assertThat(d.selectFirst("input[name=username]").val()).isEqualTo("9 Bad Name");

        admin.services().jdbi.useHandle(h -> h.createUpdate("UPDATE app_user SET locale = 'en' WHERE username = :u")
                .bind("u", "uji_admin").execute());
        try {
            var en = Jsoup.parse(admin.session(Role.ADMIN).postForm("/users", form("ab", "A", "B", "ADMIN")).body());
            assertThat(en.select(".field-error[data-field=username]").text()).contains("starts with a lower-case letter");
        } finally {
            admin.services().jdbi.useHandle(h -> h.createUpdate(
                    "UPDATE app_user SET locale = 'id' WHERE username = :u").bind("u", "uji_admin").execute());
        }
        assertThat(admin.services().users.findByUsername("ab")).isEmpty();
    }

    @Test
    void usernamesAreUniqueIgnoringCaseAndSystemNamesAreReserved() {
        var a = admin.session(Role.ADMIN);
        create(a, "dewi", "CONTRIBUTOR");
        var dup = a.postForm("/users", form("dewi", "Dewi Dua", "Puskesmas Cilegon", "CONTRIBUTOR"));
        assertThat(dup.statusCode()).isEqualTo(422);
        assertThat(dup.body()).contains("sudah dipakai");
        var reserved = a.postForm("/users", form("system", "Sistem", "Diskominfo", "ADMIN"));
        assertThat(reserved.body()).contains("dicadangkan");
    }

    @Test
    void editingChangesNameOrganisationRoleAndLanguageAndIsAudited() {
        var a = admin.session(Role.ADMIN);
        create(a, "rina", "CONTRIBUTOR");
        long id = user("rina").id();
        var f = form(null, "Rina Marlina", "Puskesmas Purwakarta", "HEALTH_EDITOR");
        f.remove("username");
        f.put("locale", "en");
        var r = a.postForm("/users/" + id, f);
        assertThat(r.statusCode()).isEqualTo(302);
        User u = user("rina");
        assertThat(u.displayName()).isEqualTo("Rina Marlina");
        assertThat(u.organisation()).isEqualTo("Puskesmas Purwakarta");
        assertThat(u.role()).isEqualTo(Role.HEALTH_EDITOR);
        assertThat(u.locale()).isEqualTo("en");
        assertThat(admin.services().audit.latest(50, 0)).anyMatch(e -> e.action().equals("USER_UPDATED")
                && e.subjectId().equals("rina") && e.detail().contains("role: CONTRIBUTOR → HEALTH_EDITOR"));
    }

    @Test
    void disablingEndsTheUsersSessionsAtOnceAndStopsLogin() {
        var a = admin.session(Role.ADMIN);
        String password = create(a, "joko", "CITY_EDITOR");
        long id = user("joko").id();
        String token = admin.services().sessions.start(id);
        var victim = admin.anonymous().withSession(token, null);
        var r = a.postForm("/users/" + id + "/disable", Map.of());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(admin.services().sessions.find(token)).isEmpty();
        assertThat(victim.get("/").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("/login"));
        var c = admin.anonymous();
        c.get("/login");
        assertThat(c.postForm("/login", Map.of("username", "joko", "password", password)).statusCode())
                .isEqualTo(401);
        assertThat(a.postForm("/users/" + id + "/enable", Map.of()).statusCode()).isEqualTo(302);
        assertThat(user("joko").active()).isTrue();
        assertThat(admin.services().audit.latest(50, 0)).extracting(e -> e.action() + " " + e.subjectId())
                .contains("USER_DISABLED joko", "USER_ENABLED joko");
    }

    @Test
    void aDisabledUsersSessionIsRefusedEvenIfStillStored() {
        var a = admin.session(Role.ADMIN);
        create(a, "sari", "REVIEWER");
        long id = user("sari").id();
        String token = admin.services().sessions.start(id);
        // Disabled behind the application's back (e.g. by SQL): the session row survives but must not work.
        admin.services().jdbi.useHandle(h -> h.createUpdate("UPDATE app_user SET active = FALSE WHERE id = :id")
                .bind("id", id).execute());
        var r = admin.anonymous().withSession(token, null).get("/audit");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }

    @Test
    void resetPasswordGivesANewOneShownOnceEndsSessionsAndForcesAChange() {
        var a = admin.session(Role.ADMIN);
        String first = create(a, "yusuf", "CONTRIBUTOR");
        long id = user("yusuf").id();
        String token = admin.services().sessions.start(id);
        var r = a.postForm("/users/" + id + "/reset-password", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        String second = Jsoup.parse(r.body()).selectFirst("code.temp-password").text();
        assertThat(second).isNotEqualTo(first);
        assertThat(admin.services().sessions.find(token)).isEmpty();
        assertThat(user("yusuf").mustChangePassword()).isTrue();
        var c = admin.anonymous();
        c.get("/login");
        assertThat(c.postForm("/login", Map.of("username", "yusuf", "password", first)).statusCode()).isEqualTo(401);
        assertThat(c.postForm("/login", Map.of("username", "yusuf", "password", second))
                .headers().firstValue("Location")).hasValue("/password");
        assertThat(admin.services().audit.latest(50, 0)).anyMatch(e -> e.action().equals("PASSWORD_RESET")
                && e.subjectId().equals("yusuf"));
    }

    @Test
    void theLastActiveAdminCannotBeDisabledOrDemotedAndNobodyDisablesThemselves() {
        var a = admin.session(Role.ADMIN);
        long self = user("uji_admin").id();
        var r = a.postForm("/users/" + self + "/disable", Map.of());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("menonaktifkan akun Anda sendiri");
        // Both admins present ("admin" from first start and uji_admin): disable "admin", then uji_admin is last.
        long firstAdmin = user("admin").id();
        assertThat(a.postForm("/users/" + firstAdmin + "/disable", Map.of()).statusCode()).isEqualTo(302);
        try {
            var f = form(null, "Uji ADMIN", "Organisasi Uji", "REVIEWER");
            f.remove("username");
            var demote = a.postForm("/users/" + self, f);
            assertThat(demote.statusCode()).isEqualTo(422);
            assertThat(demote.body()).contains("admin aktif terakhir");
            assertThat(user("uji_admin").role()).isEqualTo(Role.ADMIN);
        } finally {
            a.postForm("/users/" + firstAdmin + "/enable", Map.of());
        }
    }

    @Test
    void eachPersonChoosesTheirLanguageAndThePagesFollowIt() {
        var c = admin.session(Role.CONTRIBUTOR);
        assertThat(c.get("/").body()).contains("Keluar");
        HttpResponse<String> r = c.postForm("/account/language", Map.of("locale", "en", "next", "/"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(user("uji_contributor").locale()).isEqualTo("en");
        // A new session (another browser) speaks English too: the choice belongs to the person.
        assertThat(admin.session(Role.CONTRIBUTOR).get("/").body()).contains("Sign out");
        c.postForm("/account/language", Map.of("locale", "id", "next", "/"));
        assertThat(admin.session(Role.CONTRIBUTOR).get("/").body()).contains("Keluar");
    }

    @Test
    void markupInADisplayNameIsShownAsTextNeverRun() {
        var a = admin.session(Role.ADMIN);
        var r = a.postForm("/users", form("xss.test", "<script>alert('x')</script>\"><img src=x onerror=alert(1)>",
                "<b>Puskesmas</b>", "REVIEWER"));
        assertThat(r.statusCode()).isEqualTo(200);
        String list = a.get("/users").body();
        assertThat(list).doesNotContain("<script>alert('x')</script>").doesNotContain("<img src=x")
                .doesNotContain("<b>Puskesmas</b>");
        assertThat(list).contains("&lt;script&gt;alert('x')&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Jsoup.parse(list).select("img, b, main script")).isEmpty();
        // In an attribute (the edit form's value="…") the quote cannot close it: the value round-trips as text.
        long edited = user("xss.test").id();
        Document form = Jsoup.parse(a.get("/users/" + edited).body());
        assertThat(form.selectFirst("input[name=displayName]").val())
                .isEqualTo("<script>alert('x')</script>\"><img src=x onerror=alert(1)>");
        assertThat(form.select("img")).isEmpty();
        // The layout shows the signed-in person's name on every page: escaped there too.
        long id = user("xss.test").id();
        String token = admin.services().sessions.start(id);
        String own = admin.anonymous().withSession(token, null).get("/password").body(); // must change first
        assertThat(own).doesNotContain("<script>alert('x')</script>").contains("&lt;script&gt;");
        assertThat(Jsoup.parse(own).select("script:not([src=/assets/app.js])")).isEmpty();
    }

    @Test
    void onlyAdminsManageUsers() {
        for (Role r : new Role[] {Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR, Role.REVIEWER}) {
            var c = admin.session(r);
            assertThat(c.get("/users").statusCode()).as(r.name()).isEqualTo(403);
            assertThat(c.postForm("/users", form("eve." + r.name().toLowerCase(), "Eve", "X", "ADMIN")).statusCode())
                    .as(r.name()).isEqualTo(403);
        }
        assertThat(admin.services().users.all()).noneMatch(u -> u.username().startsWith("eve."));
    }

    @Test
    void unknownUserIdsAnswerNotFound() {
        var a = admin.session(Role.ADMIN);
        assertThat(a.get("/users/999999").statusCode()).isEqualTo(404);
        assertThat(a.get("/users/abc").statusCode()).isEqualTo(404);
        assertThat(a.postForm("/users/999999/disable", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheSessionsCsrfTokenNothingChanges() {
        var a = admin.session(Role.ADMIN);
        var r = a.postFormRaw("/users", form("csrf.victim", "Korban", "Puskesmas", "ADMIN"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(admin.services().users.findByUsername("csrf.victim")).isEmpty();
        assertThat(a.cookie(Access.SESSION_COOKIE)).isNotNull();
    }
}
