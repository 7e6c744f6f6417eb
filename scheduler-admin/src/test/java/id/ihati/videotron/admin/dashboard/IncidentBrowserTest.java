package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.web.Json;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In headless Chromium: a player reports a play its file could not give; a health editor follows the dashboard's
 * notice to the incident, is told a note is required, acknowledges it, then closes it with a note, and the
 * dashboard no longer shows it. Screenshots go to target/screenshots/IncidentBrowserTest-*.png.
 */
class IncidentBrowserTest {
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        admin = TestAdmin.h2();
        browser = new Browser("IncidentBrowserTest", admin.baseUrl());
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("bundaran"));
        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000}");
        Instant t = Instant.now().minusSeconds(30);
        var rec = PlayRecord.chained("p-1", "bundaran", 1, "m-rusak", null, Category.FILLER, t, t.plusSeconds(15),
                t, t.plusSeconds(1), false, "MEDIA_CORRUPTED: cannot decode", PlayRecord.GENESIS);
        player.postJson("/api/v1/player/plays", Json.mapper().writeValueAsString(
                Map.of("records", List.of(rec))));
        admin.services().screenWatch.check(Instant.now());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    @Test
    void aHealthEditorClosesAMediaErrorWithANoteFromTheDashboard() {
        browser.open("/login");
        browser.type("[name=username]", admin.username(Role.HEALTH_EDITOR));
        browser.type("[name=password]", TestAdmin.PASSWORD);
        browser.press("button[type=submit]");
        assertThat(browser.text("[data-notice=INCIDENTS]")).contains("1 kejadian terbuka perlu ditangani");
        browser.screenshot("1-dashboard");

        browser.press("[data-notice=INCIDENTS] a");
        assertThat(browser.url()).endsWith("/incidents");
        browser.press("[data-incidents=open] a[href^='/incidents/']");
        assertThat(browser.text("h1")).isEqualTo("Konten gagal diputar: m-rusak");

        // Closing without a note is refused, in the field.
        browser.press("button[value=close]");
        assertThat(browser.text(".field-error[data-field=note]")).contains("Tuliskan catatan");
        browser.screenshot("2-note-required");

        browser.type("[name=note]", "Teknisi memeriksa pemutar");
        browser.press("button[value=acknowledge]");
        assertThat(browser.text("[data-note=acknowledged]")).contains("uji_health_editor")
                .contains("Teknisi memeriksa pemutar");

        browser.type("[name=note]", "Berkas diunggah ulang oleh Puskesmas");
        browser.press("button[value=close]");
        assertThat(browser.text("[data-state]")).isEqualTo("Ditutup");
        assertThat(browser.text("[data-note=closed]")).contains("Ditutup oleh uji_health_editor")
                .contains("Berkas diunggah ulang oleh Puskesmas");
        browser.screenshot("3-closed");

        browser.open("/");
        assertThat(browser.pageSource()).doesNotContain("data-notice=\"INCIDENTS\"")
                .doesNotContain("Konten gagal diputar");
    }
}
