package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: a Puskesmas contributor uploads a video and an image and writes a slide with a QR code;
 * a health editor approves all three. Screenshots at laptop and phone width go to target/screenshots.
 */
class MediaBrowserTest {
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        browser = new Browser("MediaBrowserTest", admin.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    @Test
    void aContributorAddsAVideoAnImageAndAQrSlideAndAHealthEditorApprovesThem() {
        login("uji_contributor");
        String video = upload(TestMedia.file("health-with-audio.mp4"), "Video DBD 3M Plus", "DBD, PSC 119");
        assertThat(browser.text("#status")).isEqualTo("Menunggu persetujuan");
        assertThat(browser.find("video").getAttribute("src")).contains("/api/v1/media/");
        assertThat(videoCanPlay()).as("the preview video loads through the authenticated file route").isTrue();
        browser.screenshot("01-video-detail");
        String image = upload(TestMedia.file("health-poster.jpg"), "Poster gizi seimbang", "gizi, stunting");
        browser.screenshot("02-image-detail");

        browser.open("/media/slides/new");
        browser.type("#slideTitle", "Cek kesehatan TBC gratis");
        browser.type("#text", "Batuk lebih dari dua minggu? Periksakan diri di Puskesmas Citangkil. Gratis!");
        browser.type("#qrUrl", "https://wa.me/6281234567890");
        browser.findAll(".swatch").get(1).click();
        browser.type("#tags", "TBC");
        WebElement preview = browser.find("#preview");
        browser.waitUntil(() -> "960x480".equals(preview.getAttribute("data-size")) && naturalWidth(preview) == 960);
        new Select(browser.find("#preview-size")).selectByValue("384x192");
        browser.waitUntil(() -> naturalWidth(preview) == 384);
        browser.screenshot("03-slide-editor");
        browser.press("#slide-form button[type=submit]");
        assertThat(browser.url()).matches(".*/media/m-[a-z0-9]{10}$");
        String slide = idFromUrl();
        assertThat(browser.text("h1")).isEqualTo("Cek kesehatan TBC gratis");
        assertThat(naturalWidth(browser.find("#slide-preview"))).isEqualTo(960);
        browser.screenshot("04-slide-detail");

        // A bad slide is refused with messages on its fields, nothing saved.
        browser.open("/media/slides/new");
        browser.type("#slideTitle", "Kontras buruk");
        setValue("foreground", "#ffff00");
        setValue("background", "#ffffff");
        browser.type("#qrUrl", "javascript:alert(1)");
        browser.press("#slide-form button[type=submit]");
        assertThat(errorsOf("foreground")).anyMatch(m -> m.contains("Kontras"));
        assertThat(errorsOf("qrUrl")).anyMatch(m -> m.contains("http"));
        browser.screenshot("05-slide-errors");

        logout();
        login("uji_health_editor");
        browser.open("/media?status=PENDING");
        assertThat(browser.findAll(".media-card")).hasSize(3);
        browser.screenshot("06-editor-pending-list");
        for (String id : List.of(video, image, slide)) {
            browser.open("/media/" + id);
            browser.press("#approve");
            assertThat(browser.text("#status")).isEqualTo("Disetujui");
        }
        browser.screenshot("07-approved-detail");
        browser.open("/media");
        assertThat(browser.findAll(".badge.status-APPROVED")).hasSize(3);
        browser.screenshot("08-library-laptop");
        assertThat(admin.services().media.bookable(video)).isTrue();
        assertThat(admin.services().media.bookable(slide)).isTrue();

        browser.size(390, 844);
        browser.screenshot("09-library-phone");
        browser.open("/media/" + slide);
        browser.screenshot("10-slide-detail-phone");
        browser.open("/media/slides/new");
        browser.waitUntil(() -> naturalWidth(browser.find("#preview")) == 960);
        assertThat(browser.find("#preview-error").isDisplayed()).isFalse();
        browser.screenshot("11-slide-editor-phone");
        browser.size(1280, 900);
    }

    private static String upload(Path file, String title, String tags) {
        browser.open("/media/new");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.type("#title", title);
        browser.type("#tags", tags);
        browser.press("#upload-form button[type=submit]");
        assertThat(browser.url()).matches(".*/media/m-[a-z0-9]{10}$");
        assertThat(browser.text("h1")).isEqualTo(title);
        return idFromUrl();
    }

    private static void login(String user) {
        browser.signIn(user);
    }

    private static void logout() {
        browser.press("form[action='/logout'] button");
        assertThat(browser.url()).satisfiesAnyOf(u -> assertThat(u).contains("/login"), u -> assertThat(u).endsWith("/"));
        browser.driver().manage().deleteAllCookies();
    }

    private static String idFromUrl() {
        String url = browser.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void setValue(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static List<String> errorsOf(String field) {
        return browser.findAll(".field-error[data-field='" + field + "']").stream().map(WebElement::getText).toList();
    }

    private static long naturalWidth(WebElement img) {
        Object w = browser.driver().executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", img);
        return ((Number) w).longValue();
    }

    private static boolean videoCanPlay() {
        try {
            browser.waitUntil(() -> ((Number) browser.driver().executeScript(
                    "return document.querySelector('video').readyState")).intValue() >= 1);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
