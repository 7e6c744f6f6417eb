package id.ihati.videotron.admin.screen;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScreenPagesTest {
    static TestAdmin admin;
    static WebClient web;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        web = TestScreens.adminClient(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    static Map<String, String> validForm(String id) {
        var f = new HashMap<>(ScreenForm.defaults().values());
        f.put("id", id);
        f.put("name", "Videotron Simpang Tiga");
        f.put("locationText", "Simpang Tiga, Jl. S.A. Tirtayasa, Cilegon");
        f.put("latitude", "-6.0025");
        f.put("longitude", "106,0111");
        f.put("width", "960");
        f.put("height", "480");
        f.put("hours.SUNDAY", "");
        f.put("hours.SATURDAY", "05:30-12:00, 13:00-01:00");
        f.put("share.CITY", "20");
        f.put("groups", "Pusat-Kota jalan-utama");
        f.put("fitMode", "COVER");
        f.put("audio", "on");
        f.put("outputX", "1920");
        f.put("outputY", "0");
        f.put("outputWidth", "960");
        f.put("outputHeight", "480");
        return f;
    }

    @Test
    void anAdminCreatesAScreenWithEveryProfileFieldAndItIsAudited() {
        web.get("/screens/new");
        var r = web.postForm("/screens", validForm("simpang-tiga"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/screens/simpang-tiga");

        var p = admin.services().screens.profile("simpang-tiga").orElseThrow();
        assertThat(p.resolution().width()).isEqualTo(960);
        assertThat(p.location().longitude()).isEqualTo(106.0111);
        assertThat(p.timeZone().getId()).isEqualTo("Asia/Jakarta");
        assertThat(p.operatingHours()).doesNotContainKey(DayOfWeek.SUNDAY);
        assertThat(p.operatingHours().get(DayOfWeek.SATURDAY)).hasSize(2);
        assertThat(p.operatingHours().get(DayOfWeek.SATURDAY).get(1).to()).isEqualTo(LocalTime.of(1, 0));
        assertThat(p.minSharePercent()).containsEntry(Category.HEALTH, 40).containsEntry(Category.CITY, 20);
        assertThat(p.groups()).containsExactlyInAnyOrder("pusat-kota", "jalan-utama");
        assertThat(p.fitMode()).isEqualTo(FitMode.COVER);
        assertThat(p.audio()).isTrue();
        assertThat(p.output().x()).isEqualTo(1920);

        String page = web.get("/screens/simpang-tiga").body();
        assertThat(page).contains("Videotron Simpang Tiga").contains("Pasangkan pemutar").contains("WIB");
        assertThat(admin.services().audit.latest(20, 0)).anyMatch(e -> e.action().equals("SCREEN_CREATE")
                && e.subjectId().equals("simpang-tiga") && e.actor().equals("uji_admin"));
    }

    @Test
    void eachBadFieldGetsItsOwnMessageInIndonesianAndEnglish() {
        var f = validForm("Bad Id!");
        f.put("name", "");
        f.put("loopSeconds", "120");
        f.put("slotSeconds", "25");
        f.put("hours.MONDAY", "pagi sampai sore");
        f.put("latitude", "-95");
        f.put("timeZone", "Asia/Cilegon");
        f.put("share.HEALTH", "90");
        f.put("outputWidth", "");
        web.get("/screens/new");
        var r = web.postForm("/screens", f);
        assertThat(r.statusCode()).isEqualTo(422);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".field-error[data-field=id]").text()).contains("huruf kecil");
        assertThat(doc.select(".field-error[data-field=name]").text()).contains("wajib");
        assertThat(doc.select(".field-error[data-field=slotSeconds]").text())
                .contains("25 detik harus membagi habis panjang putaran 120 detik");
        assertThat(doc.select(".field-error[data-field=hours.MONDAY]").text()).contains("JJ:MM-JJ:MM");
        assertThat(doc.select(".field-error[data-field=latitude]").text()).contains("antara");
        assertThat(doc.select(".field-error[data-field=timeZone]").text()).contains("tidak dikenal");
        assertThat(doc.select(".field-error[data-field=share.HEALTH]").text()).contains("110");
        assertThat(doc.select(".field-error[data-field=outputWidth]").text()).contains("Wajib");
        // what was typed is kept
        assertThat(doc.select("input[name=hours.MONDAY]").val()).isEqualTo("pagi sampai sore");
        assertThat(admin.services().screens.find("Bad Id!")).isEmpty();

        var en = Jsoup.parse(web.postForm("/screens?lang=en", f).body());
        assertThat(en.select(".field-error[data-field=slotSeconds]").text())
                .contains("slot length of 25 s must divide the loop length of 120 s");
        // ?lang= is remembered in a cookie; the other tests of this class share the client and expect Indonesian.
        web.get("/screens?lang=id");
    }

    @Test
    void aScreenNameWithABidiOverrideIsRefusedOnTheNameField() {
        var f = validForm("layar-bidi");
        f.put("name", "Videotron \u202Enuru\u202C Simpang");
        web.get("/screens/new");
        var r = web.postForm("/screens", f);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select(".field-error[data-field=name]").text())
                .startsWith("Berisi karakter pengatur arah teks yang tersembunyi");
        assertThat(admin.services().screens.find("layar-bidi")).isEmpty();
    }

    @Test
    void aTakenIdIsRefused() {
        TestScreens.create(admin, TestScreens.profile("kembar"));
        web.get("/screens/new");
        var r = web.postForm("/screens", validForm("kembar"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("sudah dipakai");
    }

    @Test
    void anEditKeepsTheIdCountsTheRevisionAndTellsPlayers() {
        TestScreens.create(admin, TestScreens.profile("diubah"));
        long generation = admin.services().playerHub.generation();
        web.get("/screens/diubah/edit");
        var f = new HashMap<>(ScreenForm.of(admin.services().screens.find("diubah").orElseThrow()).values());
        f.put("id", "dicoba-ganti");
        f.put("name", "Videotron Alun-alun");
        assertThat(web.postForm("/screens/diubah", f).statusCode()).isEqualTo(302);
        var s = admin.services().screens.find("diubah").orElseThrow();
        assertThat(s.profile().name()).isEqualTo("Videotron Alun-alun");
        assertThat(s.revision()).isEqualTo(2);
        assertThat(admin.services().screens.find("dicoba-ganti")).isEmpty();
        assertThat(admin.services().playerHub.generation()).isGreaterThan(generation);
    }

    @Test
    void editorsAndDprdReadScreensButOnlyAdminsChangeThem() {
        TestScreens.create(admin, TestScreens.profile("baca"));
        for (Role r : new Role[] {Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.REVIEWER}) {
            var c = admin.as(r);
            assertThat(c.get("/screens").statusCode()).as(r.name()).isEqualTo(200);
            var page = c.get("/screens/baca");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("Pasangkan pemutar");
            assertThat(c.get("/screens/new").statusCode()).isEqualTo(403);
            assertThat(c.postForm("/screens", validForm("tidak-boleh")).statusCode()).isEqualTo(403);
            assertThat(c.postForm("/screens/baca/revoke", Map.of()).statusCode()).isEqualTo(403);
        }
        var contributor = admin.as(Role.CONTRIBUTOR);
        assertThat(contributor.get("/screens").statusCode()).isEqualTo(403);
        assertThat(contributor.get("/").statusCode()).isEqualTo(200);
        assertThat(admin.anonymous().get("/screens").statusCode()).isEqualTo(302);
        assertThat(admin.services().screens.find("tidak-boleh")).isEmpty();
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        var r = web.postFormRaw("/screens", validForm("tanpa-csrf"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(admin.services().screens.find("tanpa-csrf")).isEmpty();
    }

    @Test
    void theScreenListAndTheJsonApiShowEveryScreen() throws Exception {
        TestScreens.create(admin, TestScreens.profile("daftar"));
        assertThat(web.get("/screens").body()).contains("/screens/daftar");
        var json = web.json("GET", "/api/v1/screens", null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"id\":\"daftar\"");
    }
}
