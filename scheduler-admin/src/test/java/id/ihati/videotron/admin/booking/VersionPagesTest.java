package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 4 over real HTTP on H2 and PostgreSQL: a version page says what restoring it would change
 * against the live schedule, a rollback is confirmed on a page that lists those changes by title, any two
 * versions compare, and archived bookings stay findable with the versions that held them.
 */
class VersionPagesTest {
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    private static Document page(WebClient c, String path) {
        var r = c.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @OnBothDatabases
    void restoringAnOldVersionShowsItsChangesAgainstTheLiveScheduleAndAsksForConfirmation(TestAdmin admin) {
        var s = admin.services();
        var sched = s.scheduling;
        TestScreens.create(admin, TestScreens.profile("ver-1"));
        String health = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Imunisasi campak");
        String city = BookingFixtures.approvedSlide(admin, Category.CITY, "Pajak kendaraan");
        var adminUser = BookingSamples.user(s, Role.ADMIN);
        Booking campak = DisplacementTest.booking("bk-campak", "Imunisasi Campak", Category.HEALTH, "Dinkes",
                health, "ver-1", 1, 5);
        sched.saveDraft(adminUser, campak);
        sched.saveDraft(adminUser, DisplacementTest.booking("bk-pajak", "Pajak Kendaraan", Category.CITY,
                "Bapenda", city, "ver-1", 1, 5));
        long a = sched.publish(adminUser, sched.latestNumber(), "Campak dan pajak").version();
        sched.withdraw(adminUser, "bk-pajak");
        sched.saveDraft(adminUser, DisplacementTest.booking("bk-cfd", "Car Free Day", Category.CITY, "Diskominfo",
                city, "ver-1", 1, 5));
        sched.saveDraft(adminUser, DisplacementTest.booking("bk-campak", "Imunisasi Campak", Category.HEALTH,
                "Dinkes", health, "ver-1", 2, 6));
        long b = sched.publish(adminUser, a, "CFD, campak lebih sering").version();
        long c = sched.setFiller(adminUser, new Filler(List.of(city)), b, "Filler").version();

        WebClient client = admin.session(Role.ADMIN);
        // A filler-only version counts its one changed row (was "+0 / 0 / −0" beside one "Diubah" row).
        var fillerOnly = page(client, "/schedule/versions/compare?from=" + b + "&to=" + c);
        assertThat(fillerOnly.select("#compare-heading").text())
                .isEqualTo("Perubahan dari versi " + b + " ke versi " + c);
        assertThat(fillerOnly.select("[data-added]").text()).isEqualTo("+0");
        assertThat(fillerOnly.select("[data-changed]").text()).isEqualTo("1");
        assertThat(fillerOnly.select("[data-removed]").text()).isEqualTo("−0");
        assertThat(fillerOnly.select("tr.diff-changed, tr:contains(Diubah)")).hasSize(1);

        // The old version's page: what restoring it changes against the live version c, not against a - 1.
        var version = page(client, "/schedule/versions/" + a);
        assertThat(version.select("#restore h2").text())
                .isEqualTo("Jika versi " + a + " dikembalikan: perubahan terhadap jadwal yang sedang tayang (v" + c + ")");
        assertThat(version.select("#restore tr.diff-added").text()).contains("Pajak Kendaraan");
        assertThat(version.select("#restore tr.diff-removed").text()).contains("Car Free Day");
        assertThat(version.select("#restore tr.diff-changed").text()).contains("Imunisasi Campak");
        assertThat(version.select("#restore [data-changed]").text()).isEqualTo("2");
        assertThat(version.select("#rollback-link").attr("href")).isEqualTo("/schedule/versions/" + a + "/rollback");
        assertThat(version.select("form[action$=/rollback]")).as("no one-click rollback").isEmpty();
        assertThat(page(client, "/schedule/versions/" + c).select("#restore").text())
                .contains("Versi ini yang sedang tayang");

        // The confirmation page lists every booking that would leave, come back or change, by title.
        var confirm = page(client, "/schedule/versions/" + a + "/rollback");
        assertThat(confirm.select("h1").text()).isEqualTo("Kembalikan ke versi " + a + "?");
        assertThat(confirm.select("#rollback-removed").text()).contains("Akan dihapus dari layar (1)", "Car Free Day");
        assertThat(confirm.select("#rollback-added").text()).contains("Akan tayang lagi (1)", "Pajak Kendaraan");
        assertThat(confirm.select("#rollback-changed").text()).contains("Akan diubah (1)", "Imunisasi Campak");
        assertThat(confirm.select("#rollback-filler")).hasSize(1);

        // Nothing happens without the confirmation, without the CSRF token, or over a version not seen.
        var unconfirmed = client.postForm("/schedule/versions/" + a + "/rollback", Map.of("base", Long.toString(c)));
        assertThat(unconfirmed.statusCode()).isEqualTo(303);
        assertThat(unconfirmed.headers().firstValue("Location")).hasValue("/schedule/versions/" + a + "/rollback");
        var forged = client.postFormRaw("/schedule/versions/" + a + "/rollback",
                Map.of("base", Long.toString(c), "confirm", "yes"));
        assertThat(forged.statusCode()).isEqualTo(403);
        var stale = client.postForm("/schedule/versions/" + a + "/rollback",
                Map.of("base", Long.toString(b), "confirm", "yes"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.body()).text()).contains("Jadwal baru saja diterbitkan orang lain",
                "Car Free Day");
        assertThat(sched.latestNumber()).isEqualTo(c);

        var done = client.postForm("/schedule/versions/" + a + "/rollback",
                Map.of("base", Long.toString(c), "confirm", "yes", "note", "Festival batal"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValue("/schedule/versions/" + (c + 1));
        assertThat(sched.published().bookings()).containsExactlyInAnyOrderElementsOf(
                sched.versions.find(a).orElseThrow().snapshot().bookings());
        String audit = s.jdbi.withHandle(h -> h.createQuery(
                        "SELECT detail FROM audit_log WHERE action = 'SCHEDULE_ROLLBACK' AND subject_id = :v")
                .bind("v", Long.toString(c + 1)).mapTo(String.class).one());
        assertThat(audit).isEqualTo("rollback to " + a + ": Festival batal");

        // The booking the rollback took off the street is archived, and still found with its versions.
        assertThat(page(client, "/bookings").select("a[href=/bookings/bk-cfd]")).isEmpty();
        var archived = page(client, "/bookings?status=ARCHIVED");
        var row = archived.select("a[href=/bookings/bk-cfd]").first().closest("tr");
        assertThat(row.select(".status").text()).isEqualTo("Diarsipkan");
        assertThat(row.select(".in-versions a")).extracting(e -> e.text()).containsExactly("v" + b, "v" + c);
        assertThat(page(client, "/bookings/bk-cfd").select("#in-versions a")).extracting(e -> e.text())
                .containsExactly("v" + b, "v" + c);
    }

    @OnBothDatabases
    void comparingNeedsTwoExistingVersionsEachRefusedBesideItsField(TestAdmin admin) {
        WebClient client = admin.session(Role.REVIEWER);
        var r = client.get("/schedule/versions/compare?from=&to=999");
        assertThat(r.statusCode()).isEqualTo(422);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".field-error[data-field=from]").text()).isEqualTo("Pilih versi.");
        assertThat(doc.select(".field-error[data-field=to]").text()).isEqualTo("Versi jadwal 999 tidak ada.");
        var en = Jsoup.parse(client.get("/schedule/versions/compare?from=x&to=&lang=en").body());
        assertThat(en.select(".field-error[data-field=to]").text()).isEqualTo("Choose a version.");
        assertThat(client.get("/schedule/versions/1/rollback").statusCode()).as("reviewers cannot roll back")
                .isEqualTo(403);
    }
}
