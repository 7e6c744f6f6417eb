package id.ihati.videotron.admin.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: an ADMIN creates a screen with the form, a simulated player asks for a pairing code,
 * the ADMIN types the code on the screen page, the player collects its token, reports in and sends a
 * screenshot, and the dashboard shows it, on a laptop and on a phone. Screenshots go to
 * target/screenshots/PairingBrowserTest-*.png.
 */
class PairingBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        browser = new Browser("PairingBrowserTest", admin.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    static void type(String name, String value) {
        browser.type("[name=" + name + "]", value);
    }

    @Test
    void anAdminPairsAPlayerByTypingItsCodeOnTheScreenPage() throws Exception {
        String base = admin.baseUrl();
        browser.open("/login");
        type("username", admin.username(Role.ADMIN));
        type("password", TestAdmin.PASSWORD);
        browser.press("button[type=submit]");
        assertThat(browser.pageSource()).contains("Dasbor videotron");
        browser.screenshot("1-empty-dashboard");

        browser.open("/screens/new");
        type("id", "simpang-tiga");
        type("name", "Videotron Simpang Tiga");
        type("locationText", "Simpang Tiga, Jl. S.A. Tirtayasa, Cilegon");
        type("latitude", "-6.0025");
        type("longitude", "106.0111");
        type("width", "960");
        type("height", "480");
        type("slotSeconds", "25"); // does not divide 120: the form must say so
        new Select(browser.find("[name=fitMode]")).selectByValue("COVER");
        type("groups", "pusat-kota");
        browser.press("form.card button[type=submit]");
        assertThat(browser.pageSource()).contains("harus membagi habis");
        browser.screenshot("2-form-error");
        type("slotSeconds", "15");
        browser.press("form.card button[type=submit]");
        assertThat(browser.url()).endsWith("/screens/simpang-tiga");

        // the player asks for a code, as on its first start
        HttpClient http = HttpClient.newHttpClient();
        var start = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"pc-simpang-tiga\",\"playerVersion\":\"0.1.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode started = JSON.readTree(start.body());
        String code = started.get("code").asText();

        type("code", code.toLowerCase().replace("-", " "));
        browser.screenshot("3-typing-code");
        browser.press("form[action$='/pair'] button");
        assertThat(browser.pageSource()).contains("Kode diterima");

        var poll = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing/" + code))
                .header("X-Pairing-Secret", started.get("secret").asText()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(poll.statusCode()).isEqualTo(200);
        var player = new TestPlayer(base, JSON.readTree(poll.body()).get("deviceToken").asText());
        player.postJson("/api/v1/player/heartbeat", """
                {"status":"PLAYING","playing":{"mediaId":"dbd-3m-plus","sourceId":"dinkes-desember"},
                 "playerVersion":"0.1.0","scheduleVersion":3,"freeDiskBytes":48000000000,
                 "cache":{"files":12,"bytes":48000000,"missing":0},"clockOffsetMillis":-40}""");
        player.send(player.request("/api/v1/player/screenshots").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ledPicture())).build());

        browser.driver().navigate().refresh();
        assertThat(browser.pageSource()).contains("Terpasang").contains("pc-simpang-tiga");
        browser.screenshot("4-screen-paired");

        browser.open("/");
        assertThat(browser.find("[data-screen=simpang-tiga] [data-state=online]").getText()).contains("Daring");
        // The player names an item this server does not know: said so, never shown as its raw id.
        assertThat(browser.find("[data-screen=simpang-tiga] .facts").getText()).contains("(konten tidak dikenal)")
                .doesNotContain("dbd-3m-plus");
        browser.screenshot("5-dashboard-laptop");

        browser.size(390, 844);
        browser.driver().navigate().refresh();
        browser.screenshot("6-dashboard-phone");
        browser.open("/screens/simpang-tiga");
        browser.screenshot("7-screen-phone");
        browser.size(1280, 900);
    }

    /** A picture like a videotron shows: a health message on green. */
    static byte[] ledPicture() throws Exception {
        var img = new BufferedImage(960, 480, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(46, 125, 50));
        g.fillRect(0, 0, 960, 480);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
        g.drawString("3M Plus", 60, 200);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("Menguras, Menutup, Mendaur ulang", 60, 290);
        g.drawString("Cegah DBD di Kota Cilegon", 60, 350);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
