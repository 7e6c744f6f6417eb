package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 10, items 4 and 6 in headless Chromium: Dinkes books for a Puskesmas and publishes; the city books
 * every slot at priority 10; publishing is refused until a reason is given (the over-capacity tick is not
 * enough); Dinkes sees the displacement with the reason; the admin opens version 1, sees what restoring it
 * changes against the live schedule, confirms on the page that lists it, and the city booking leaves the
 * street. Screenshots under {@code target/screenshots/VersionsBrowserTest-*}.
 */
class VersionsBrowserTest {
    static TestAdmin admin;
    static Browser browser;
    static String health;
    static String city;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        TestScreens.create(admin, DisplacementTest.unprotectedScreen("simpang-tiga"));
        health = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Posyandu balita setiap bulan");
        city = BookingFixtures.approvedSlide(admin, Category.CITY, "Festival Krakatau 2026");
        browser = new Browser("VersionsBrowserTest", admin.baseUrl());
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

    /** Books {@code media} on every loop of Simpang Tiga this month through the form, and saves the draft. */
    private static void book(String title, String owner, String media, String perLoop, String priority) {
        browser.open("/bookings/new");
        browser.press("button[value='preset:everyLoopThisMonth']");
        browser.type("#title", title);
        browser.type("input[name=owner]", owner);
        new Select(browser.find("select[name=addItem]")).selectByValue(media);
        browser.press("button[value=add]");
        browser.find("input[name=screens][value=simpang-tiga]").click();
        browser.type("input[name=perLoop]", perLoop);
        browser.type("#priority", priority);
        browser.press("aside button[value=save]");
        if (!browser.findAll("input[name=confirmOverbooked]").isEmpty()) {
            browser.find("input[name=confirmOverbooked]").click();
            browser.press("aside button[value=save]");
        }
        assertThat(browser.find(".flash").getText()).contains("Draf pemesanan tersimpan");
    }

    private static void publish(String note) {
        browser.open("/schedule/publish");
        browser.find("#note").sendKeys(note);
        browser.press("#publish-form button[type=submit]");
    }

    @Test
    void aDisplacingPublishAsksForAReasonTheOwnerSeesItAndARollbackIsConfirmedAgainstTheLiveSchedule() {
        // 1. Dinkes books the Puskesmas' Posyandu message, two slots of every loop, and publishes it (v1).
        signInAs("uji_health_editor");
        book("Posyandu Puskesmas Citangkil", "Puskesmas Citangkil", health, "2", "4");
        publish("Posyandu Desember");
        assertThat(browser.find(".flash").getText()).contains("Jadwal diterbitkan");

        // 2. The city books all eight slots at priority 10 and publishes: the page names whom it displaces.
        signInAs("uji_city_editor");
        book("Festival Krakatau", "Diskominfo Kota Cilegon", city, "8", "10");
        publish("Festival Krakatau");
        assertThat(browser.text("#displacement h2")).isEqualTo("Penerbitan ini menggeser 1 pemesanan organisasi lain");
        assertThat(browser.text("#displacement [data-displaced]")).contains("Posyandu Puskesmas Citangkil",
                "Pemilik: Puskesmas Citangkil (Uji HEALTH_EDITOR)", "kehilangan 1.440 dari 1.440 penayangan");
        browser.screenshot("01-publish-displaces");
        // Ticking "over capacity" is not enough.
        browser.find("input[name=confirmOverbooked]").click();
        browser.press("#publish-form button[type=submit]");
        assertThat(browser.text(".field-error[data-field=displacementReason]"))
                .isEqualTo("Tulis alasan mengambil penayangan dari pemesanan organisasi lain.");
        assertThat(admin.services().scheduling.latestNumber()).isEqualTo(1);
        browser.screenshot("02-reason-asked");
        browser.find("input[name=confirmOverbooked]").click();
        browser.find("#displacementReason").sendKeys("Acara resmi Wali Kota, tiga hari");
        browser.press("#publish-form button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("Jadwal diterbitkan");
        assertThat(browser.text("#displacement-reason")).isEqualTo("Acara resmi Wali Kota, tiga hari");
        browser.screenshot("03-version-2-with-reason");

        // 3. Dinkes sees it: the list no longer says plain "Tayang", the booking page says who and why.
        signInAs("uji_health_editor");
        browser.open("/bookings");
        assertThat(browser.text("[data-displaced]")).isEqualTo("Tayang, tergeser");
        browser.screenshot("04-owner-list");
        String displaced = browser.find("[data-displaced]").getAttribute("data-displaced");
        browser.press("td a[href='/bookings/" + displaced + "']");
        assertThat(browser.text("#displacement")).contains("v2", "Uji CITY_EDITOR",
                "kehilangan 1.440 dari 1.440 penayangan", "Acara resmi Wali Kota, tiga hari");
        browser.screenshot("05-owner-booking");
        browser.open("/schedule/versions");
        assertThat(browser.text("[data-displaced-version='2']")).contains("pemesanan Anda");

        // 4. The admin opens version 1: restoring it removes the festival from the live version 2.
        signInAs("uji_admin");
        browser.open("/schedule/versions/1");
        assertThat(browser.text("#restore h2")).contains("Jika versi 1 dikembalikan", "(v2)");
        assertThat(browser.text("#restore tr.diff-removed")).contains("Festival Krakatau");
        browser.screenshot("06-version-1-restore");
        browser.press("#rollback-link");
        assertThat(browser.text("h1")).isEqualTo("Kembalikan ke versi 1?");
        assertThat(browser.text("#rollback-removed")).contains("Festival Krakatau");
        assertThat(admin.services().scheduling.latestNumber()).as("nothing happens before confirming").isEqualTo(2);
        browser.screenshot("07-rollback-confirm");
        browser.find("#note").sendKeys("Festival dipindah ke Januari");
        browser.press("#rollback-form button[type=submit]");
        assertThat(browser.find(".flash").getText()).contains("dikembalikan");
        assertThat(browser.text("h1")).contains("3");
        assertThat(admin.services().scheduling.published().bookings()).extracting(Booking::title)
                .containsExactly("Posyandu Puskesmas Citangkil");
        browser.screenshot("08-rolled-back");

        // 5. The festival is archived but found, with the version that held it.
        browser.open("/bookings?status=ARCHIVED");
        assertThat(browser.text("tbody tr")).contains("Festival Krakatau", "Diarsipkan", "v2");
        browser.screenshot("09-archived");
    }
}
