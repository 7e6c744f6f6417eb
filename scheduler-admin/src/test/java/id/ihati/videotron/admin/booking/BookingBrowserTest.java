package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole booking story in headless Chromium, as staff click it: a health booking and a city booking on the
 * same screen, the preview showing their conflict, publishing, the timeline with "what is on at 14:05",
 * rolling back, and putting up and cancelling an alert. Every page is saved as a screenshot at laptop and
 * phone width under {@code target/screenshots/}.
 */
class BookingBrowserTest {
    static TestAdmin admin;
    static Browser browser;
    static String healthA;
    static String healthB;
    static String city;
    static String filler;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        TestScreens.create(admin, screen("simpang-tiga", "Simpang Tiga Cilegon", "Bundaran Simpang Tiga, Jl. Jend. Sudirman"));
        TestScreens.create(admin, screen("alun-alun", "Alun-alun Cilegon", "Alun-alun Kota Cilegon"));
        healthA = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Cegah DBD dengan 3M Plus");
        healthB = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Imunisasi lengkap di Puskesmas");
        city = BookingFixtures.approvedSlide(admin, Category.CITY, "Festival Krakatau 2026");
        filler = BookingFixtures.approvedSlide(admin, Category.CITY, "Selamat datang di Kota Cilegon");
        browser = new Browser("BookingBrowserTest", admin.baseUrl());
    }

    /** A 960×480 screen with a 120 s loop of 8 slots of 15 s, on all day, 40 % health minimum. */
    static ScreenProfile screen(String id, String name, String where) {
        return new ScreenProfile(id, name, new Location(where, -6.0025, 106.0111), ZoneId.of("Asia/Jakarta"),
                new Resolution(960, 480), 120, 15, ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 40),
                FitMode.CONTAIN, false, Set.of("pusat-kota"), null);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    private static void signInAs(String username) {
        browser.signIn(username);
        assertThat(browser.findAll(".who")).isNotEmpty();
    }

    /** Saves the page at laptop width and at phone width (390 px), each as tall as the page. */
    private static void shoot(String step) {
        for (int width : new int[] {1280, 390}) {
            browser.size(width, 900);
            long height = (Long) browser.driver()
                    .executeScript("return Math.min(6000, document.documentElement.scrollHeight)");
            browser.size(width, (int) Math.max(900, height));
            browser.screenshot(step + (width == 390 ? "-phone" : ""));
        }
        browser.size(1280, 900);
    }

    private static void fillBooking(String title, String first, String second, String perLoop, String priority) {
        browser.press("button[value='preset:everyLoopThisMonth']");
        browser.type("#title", title);
        new Select(browser.find("select[name=addItem]")).selectByValue(first);
        browser.press("button[value=add]");
        if (second != null) {
            new Select(browser.find("select[name=addItem]")).selectByValue(second);
            browser.press("button[value=add]");
            browser.press("button[value='down:0']"); // second item first
        }
        browser.find("input[name=screens][value=simpang-tiga]").click();
        browser.type("input[name=perLoop]", perLoop);
        browser.type("#priority", priority);
        browser.press("aside button[value=preview]");
    }

    @Test
    void healthAndCityEditorsBookPreviewAConflictPublishSeeTheTimelineRollBackAndRunAnAlert() {
        // 1. Dinkes books health education: two items, the second moved first, 4 of the 8 slots of each loop.
        signInAs("uji_health_editor");
        browser.open("/bookings");
        shoot("01-bookings-empty");
        browser.press("a.button.primary[href='/bookings/new']");
        shoot("02-form-empty");
        fillBooking("DBD dan imunisasi", healthA, healthB, "4", "5");
        assertThat(browser.findAll("ol.items li .t")).extracting(WebElement::getText)
                .containsExactly("Imunisasi lengkap di Puskesmas", "Cegah DBD dengan 3M Plus");
        assertThat(browser.find(".preview-screen[data-screen=simpang-tiga] [data-plays]").getText()).isEqualTo("2.880");
        shoot("03-health-preview");
        browser.press("aside button[value=save]");
        assertThat(browser.find(".flash").getText()).contains("Draf pemesanan tersimpan");
        shoot("04-health-saved");

        // 2. The city books 6 slots of the same loops at a higher priority: the preview shows the conflict.
        signInAs("uji_city_editor");
        browser.open("/bookings/new");
        fillBooking("Festival Krakatau", city, null, "6", "7");
        assertThat(browser.findAll(".preview-screen[data-screen=simpang-tiga] .conflict"))
                .isNotEmpty();
        shoot("05-city-preview-conflict");
        browser.press("aside button[value=save]");
        assertThat(browser.find(".field-error[data-field=confirmOverbooked]").getText()).contains("melebihi kapasitas");
        browser.find("input[name=confirmOverbooked]").click();
        browser.press("aside button[value=save]");
        assertThat(browser.find(".flash").getText()).contains("Draf pemesanan tersimpan");

        // 3. The city editor publishes the city part (version 1), then the admin publishes the rest (version 2).
        browser.open("/schedule/publish");
        browser.find("#note").sendKeys("Festival Krakatau di Simpang Tiga");
        // Published alone, the city booking fits: no confirmation asked.
        assertThat(browser.findAll("input[name=confirmOverbooked]")).isEmpty();
        browser.press("#publish-form button[type=submit]");
        assertThat(browser.find("h1").getText()).contains("1");
        signInAs("uji_admin");
        browser.open("/schedule/publish");
        assertThat(browser.find("[data-added]").getAttribute("data-added")).isEqualTo("1");
        shoot("06-publish-diff");
        browser.find("#note").sendKeys("Edukasi DBD dan imunisasi");
        browser.press("#publish-form button[type=submit]");
        // Both together over-book the loop: publishing needs the explicit confirmation.
        assertThat(browser.find(".field-error[data-field=confirmOverbooked]").getText()).contains("melebihi kapasitas");
        browser.find("input[name=confirmOverbooked]").click();
        browser.press("#publish-form button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("Jadwal diterbitkan");
        shoot("07-version-2");
        browser.open("/schedule/versions");
        shoot("08-versions");

        // The admin sets the filler: it plays wherever nobody booked, and is part of the published schedule.
        browser.open("/schedule/filler");
        browser.find("input[name=items][value='" + filler + "']").click();
        browser.press("form[action='/schedule/filler'] button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("Konten pengisi diterbitkan");
        shoot("08b-filler");

        // 4. The timeline: what is on Simpang Tiga at 14:05 on the first day, in one click.
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        browser.open("/timeline?screen=simpang-tiga&date=" + day + "&at=14:05");
        assertThat(browser.find("#answer .big").getText()).isNotBlank();
        assertThat(browser.findAll(".loops .strip .slot.HEALTH")).isNotEmpty();
        assertThat(browser.findAll(".loops .strip .slot.CITY")).isNotEmpty();
        assertThat(browser.findAll(".slot.current")).hasSize(1);
        shoot("09-timeline-1405");
        browser.press(".loops .strip a.slot.HEALTH");
        assertThat(browser.find("h1").getText()).isEqualTo("DBD dan imunisasi");
        shoot("10-booking-detail");

        // 5. Roll back to version 1: the health booking leaves the street, the timeline shows it.
        browser.open("/schedule/versions/1");
        shoot("10b-version-1");
        browser.press("#rollback-link");
        assertThat(browser.find("#rollback-removed").getText()).contains("DBD dan imunisasi");
        browser.press("#rollback-form button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("dikembalikan");
        shoot("11-rolled-back");
        assertThat(admin.services().scheduling.published().bookings()).extracting(b -> b.category())
                .containsOnly(Category.CITY);
        browser.open("/timeline?screen=simpang-tiga&date=" + day + "&hour=14");
        assertThat(browser.findAll(".loops .strip .slot.HEALTH")).isEmpty();
        assertThat(browser.findAll(".loops .strip .slot.FILLER"))
                .as("the rollback also took back the filler, which came after version 1").isEmpty();

        // 6. An alert on every screen, until cancelled; then cancelled in one click.
        browser.open("/alerts");
        browser.find("#alert-title").sendKeys("Peringatan banjir: hindari Jl. Sudirman");
        new Select(browser.find("#alert-media")).selectByValue(city);
        browser.press("#alert-form button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("Peringatan dipasang");
        assertThat(browser.findAll("section.alert-live")).hasSize(1);
        shoot("12-alert-up");
        browser.open("/timeline?screen=alun-alun");
        assertThat(browser.findAll(".loops .strip .slot.ALERT")).isNotEmpty();
        shoot("13-timeline-alert");
        browser.open("/alerts");
        browser.press("section.alert-live button.danger");
        assertThat(browser.find(".flash").getText()).contains("dibatalkan");
        assertThat(browser.findAll("section.alert-live")).isEmpty();
        shoot("14-alert-cancelled");
        assertThat(admin.services().scheduling.published().alerts()).isEmpty();
    }
}
