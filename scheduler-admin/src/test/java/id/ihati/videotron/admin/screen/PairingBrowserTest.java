package id.ihati.videotron.admin.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    static WebDriver browser;
    static ChromeDriverService driverService;
    static Path profileDir;

    @BeforeAll
    static void start() throws Exception {
        admin = TestAdmin.h2();
        profileDir = Files.createTempDirectory("ihati-chromium");
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir, "--window-size=1280,900");
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
        admin.close();
    }

    static void shot(String step) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve("PairingBrowserTest-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void type(String name, String value) {
        var el = browser.findElement(By.name(name));
        el.clear();
        el.sendKeys(value);
    }

    @Test
    void anAdminPairsAPlayerByTypingItsCodeOnTheScreenPage() throws Exception {
        String base = admin.baseUrl();
        browser.get(base + "/login");
        type("username", admin.username(id.ihati.videotron.admin.auth.Role.ADMIN));
        type("password", TestAdmin.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.getPageSource()).contains("Dasbor videotron");
        shot("1-empty-dashboard");

        browser.get(base + "/screens/new");
        type("id", "simpang-tiga");
        type("name", "Videotron Simpang Tiga");
        type("locationText", "Simpang Tiga, Jl. S.A. Tirtayasa, Cilegon");
        type("latitude", "-6.0025");
        type("longitude", "106.0111");
        type("width", "960");
        type("height", "480");
        type("slotSeconds", "25"); // does not divide 120: the form must say so
        new Select(browser.findElement(By.name("fitMode"))).selectByValue("COVER");
        type("groups", "pusat-kota");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                d -> d.getPageSource().contains("harus membagi habis"));
        shot("2-form-error");
        type("slotSeconds", "15");
        browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
        // The click returns before the redirect has landed.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                d -> d.getCurrentUrl().endsWith("/screens/simpang-tiga"));
        assertThat(browser.getCurrentUrl()).endsWith("/screens/simpang-tiga");

        // the player asks for a code, as on its first start
        HttpClient http = HttpClient.newHttpClient();
        var start = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"pc-simpang-tiga\",\"playerVersion\":\"0.1.0\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode started = JSON.readTree(start.body());
        String code = started.get("code").asText();

        type("code", code.toLowerCase().replace("-", " "));
        shot("3-typing-code");
        browser.findElement(By.cssSelector("form[action$='/pair'] button")).click();
        // the page before also had a flash (the screen was created): wait for the new one
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(
                d -> d.getPageSource().contains("Kode diterima"));

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

        browser.navigate().refresh();
        assertThat(browser.getPageSource()).contains("Terpasang").contains("pc-simpang-tiga");
        shot("4-screen-paired");

        browser.get(base + "/");
        assertThat(browser.findElement(By.cssSelector("[data-screen=simpang-tiga] [data-state=online]"))
                .getText()).contains("Daring");
        assertThat(browser.getPageSource()).contains("dbd-3m-plus");
        shot("5-dashboard-laptop");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        shot("6-dashboard-phone");
        browser.get(base + "/screens/simpang-tiga");
        shot("7-screen-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
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
