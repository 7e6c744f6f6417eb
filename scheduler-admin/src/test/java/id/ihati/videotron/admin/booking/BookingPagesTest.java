package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.testing.WebClient;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schedule pages over HTTP: who may see and do what, and server-side errors shown beside their fields. */
class BookingPagesTest {
    static TestAdmin admin;
    static final List<String> PAGES = List.of("/bookings", "/schedule/versions", "/timeline", "/alerts",
            "/schedule/filler");

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        TestScreens.create(admin, TestScreens.profile("simpang-tiga"));
    }

    /** One signed-in client per role: signing in hashes a password, which is slow on purpose. */
    static WebClient as(Role r) {
        return CLIENTS.computeIfAbsent(r, admin::as);
    }

    static final Map<Role, WebClient> CLIENTS = new java.util.EnumMap<>(Role.class);

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void everyScheduleReaderSeesThePagesAndAContributorDoesNot() {
        for (Role r : List.of(Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.REVIEWER)) {
            var c = as(r);
            for (String p : PAGES) {
                assertThat(c.get(p).statusCode()).as(r + " " + p).isEqualTo(200);
            }
        }
        var contributor = as(Role.CONTRIBUTOR);
        for (String p : PAGES) {
            assertThat(contributor.get(p).statusCode()).as(p).isEqualTo(403);
        }
    }

    @Test
    void theReviewerReadsButCannotBookPublishOrAlert() {
        var c = as(Role.REVIEWER);
        assertThat(c.get("/bookings/new").statusCode()).isEqualTo(403);
        assertThat(c.get("/schedule/publish").statusCode()).isEqualTo(403);
        assertThat(c.postForm("/bookings/form", Map.of("title", "x")).statusCode()).isEqualTo(403);
        assertThat(c.postForm("/alerts", Map.of("title", "x")).statusCode()).isEqualTo(403);
        assertThat(c.postForm("/schedule/filler", Map.of("items", "x")).statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(c.get("/alerts").body()).select("#alert-form")).isEmpty();
    }

    @Test
    void aCityEditorsFormOffersOnlyCityInformation() {
        var doc = Jsoup.parse(as(Role.CITY_EDITOR).get("/bookings/new").body());
        assertThat(doc.select("input[name=category]").attr("value")).isEqualTo("CITY");
        assertThat(doc.select("input[name=category][type=radio]")).isEmpty();
        var adminDoc = Jsoup.parse(as(Role.ADMIN).get("/bookings/new").body());
        assertThat(adminDoc.select("input[name=category][type=radio]")).hasSize(2);
    }

    @Test
    void anEmptyFormComesBackWithAMessageBesideEachMissingField() {
        var c = as(Role.HEALTH_EDITOR);
        c.get("/bookings/new");
        var r = c.postForm("/bookings/form", Map.of("op", "save", "category", "HEALTH", "title", "",
                "owner", "Dinkes", "dateFrom", "2026-12-10", "dateTo", "2026-12-01", "freqType", "PER_LOOP",
                "perLoop", "0", "priority", "5"));
        assertThat(r.statusCode()).isEqualTo(422);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".field-error[data-field=title]").text()).isEqualTo("Judul wajib diisi.");
        assertThat(doc.select(".field-error[data-field=items]").text()).isEqualTo("Pilih minimal satu konten.");
        assertThat(doc.select(".field-error[data-field=targets]")).hasSize(1);
        assertThat(doc.select(".field-error[data-field=dateTo]").text())
                .isEqualTo("Tanggal selesai tidak boleh sebelum tanggal mulai.");
        assertThat(doc.select(".field-error[data-field=frequency]")).hasSize(1);
        // What was typed is kept.
        assertThat(doc.select("input[name=dateFrom]").attr("value")).isEqualTo("2026-12-10");
        assertThat(doc.select("input[name=owner]").attr("value")).isEqualTo("Dinkes");
        assertThat(admin.services().scheduling.workingSet()).isEmpty();
    }

    @Test
    void errorsAreInEnglishWhenAsked() {
        var c = admin.as(Role.HEALTH_EDITOR); // its own client: the language sticks to the browser
        c.get("/bookings/new?lang=en");
        var r = c.postForm("/bookings/form", Map.of("op", "save", "category", "HEALTH", "title", ""));
        assertThat(Jsoup.parse(r.body()).select(".field-error[data-field=title]").text())
                .isEqualTo("A title is required.");
    }

    @Test
    void aPresetButtonFillsWhenAndHowOftenWithoutJavaScript() {
        var c = as(Role.HEALTH_EDITOR);
        c.get("/bookings/new");
        var r = c.postForm("/bookings/form", Map.of("op", "preset:rushHours", "category", "HEALTH",
                "title", "Cuci tangan", "screens", "simpang-tiga"));
        var doc = Jsoup.parse(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(doc.select("input[name=title]").attr("value")).isEqualTo("Cuci tangan");
        assertThat(doc.select("input[name=windowFrom0]").attr("value")).isEqualTo("06:00");
        assertThat(doc.select("input[name=windowTo1]").attr("value")).isEqualTo("19:00");
        assertThat(doc.select("input[name=weekdays][checked]")).hasSize(5);
        assertThat(doc.select("input[name=screens][value=simpang-tiga]").hasAttr("checked")).isTrue();
    }

    @Test
    void theTimelineOfAScreenWithNothingPublishedShowsFillerOrDarkSlotsForTheHour() {
        var doc = Jsoup.parse(as(Role.REVIEWER).get("/timeline?screen=simpang-tiga&date=2026-12-01&hour=14")
                .body());
        // 120 s loops: 30 loops in an hour, each a strip.
        assertThat(doc.select(".loops .strip")).hasSize(30);
        assertThat(doc.select(".loops .time").first().text()).isEqualTo("14:00:00");
    }
}
