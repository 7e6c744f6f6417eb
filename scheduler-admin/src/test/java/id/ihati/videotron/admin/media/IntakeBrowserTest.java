package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.media.intake.Clips;
import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headless Chromium: the library shows a video waiting, then converted with its poster; the item page its looks. */
class IntakeBrowserTest {
    static TestAdmin admin;
    static Browser browser;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        browser = new Browser("IntakeBrowserTest", admin.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    @Test
    void theLibraryShowsAVideoWaitingThenReadyWithItsPosterAndTheItemPageWarnsAboutAPortraitClip() throws Exception {
        TestScreens.create(admin, TestScreens.profile("layar-lebar"));
        admin.server().jobs().quartz().standby();
        var fx = new MediaFixtures(admin);
        String id = fx.uploaded(Role.CONTRIBUTOR, "tegak.mov", Files.readAllBytes(Clips.portrait(dir)),
                meta("Video tegak", "HEALTH", "")).get("id").asText();

        browser.open("/login");
        browser.find("[name=username]").sendKeys(admin.username(Role.CONTRIBUTOR));
        browser.find("[name=password]").sendKeys(TestAdmin.PASSWORD);
        browser.press("form button[type=submit]");
        browser.open("/media");
        String card = "[data-intake='" + id + "']";
        browser.waitUntil(() -> browser.text(card).contains("Menunggu konversi"));
        browser.screenshot("waiting");

        admin.server().jobs().quartz().start();
        browser.waitUntil(() -> browser.text(card).contains("Siap diputar"));
        browser.waitUntil(() -> browser.find("img[data-poster='" + id + "']").getAttribute("src").contains("/api/v1/media/"));
        browser.screenshot("ready");

        browser.open("/media/" + id);
        browser.waitUntil(() -> browser.text(".intake-detail").contains("Dikonversi karena"));
        assertThat(browser.text(".intake-detail")).contains("video berdiri yang disimpan miring");
        browser.waitUntil(() -> !browser.findAll(".look-warning").isEmpty());
        assertThat(browser.text(".looks")).contains("Videotron layar-lebar", "hanya menutupi 28 %");
        assertThat(browser.findAll(".intake-strip")).hasSize(1);
        browser.screenshot("looks");
    }
}
