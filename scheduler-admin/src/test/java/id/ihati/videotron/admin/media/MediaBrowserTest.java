package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: a Puskesmas contributor uploads a video and an image and writes a slide with a QR code;
 * a health editor approves all three. Screenshots at laptop and phone width go to target/screenshots.
 */
class MediaBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestAdmin admin;
    static ChromeDriverService service;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        admin = TestAdmin.h2();
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("ihati-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1280,900", "--lang=id");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        admin.close();
    }

    @Test
    void aContributorAddsAVideoAnImageAndAQrSlideAndAHealthEditorApprovesThem() throws Exception {
        login("uji_contributor");
        String video = upload(TestMedia.file("health-with-audio.mp4"), "Video DBD 3M Plus", "DBD, PSC 119");
        assertThat(text("#status")).isEqualTo("Menunggu persetujuan");
        assertThat(browser.findElement(By.tagName("video")).getAttribute("src")).contains("/api/v1/media/");
        assertThat(videoCanPlay()).as("the preview video loads through the authenticated file route").isTrue();
        shot("01-video-detail");
        String image = upload(TestMedia.file("health-poster.jpg"), "Poster gizi seimbang", "gizi, stunting");
        shot("02-image-detail");

        browser.get(admin.baseUrl() + "/media/slides/new");
        type("slideTitle", "Cek kesehatan TBC gratis");
        type("text", "Batuk lebih dari dua minggu? Periksakan diri di Puskesmas Citangkil. Gratis!");
        type("qrUrl", "https://wa.me/6281234567890");
        browser.findElements(By.cssSelector(".swatch")).get(1).click();
        type("tags", "TBC");
        WebElement preview = browser.findElement(By.id("preview"));
        waitUntil(() -> "960x480".equals(preview.getAttribute("data-size")) && naturalWidth(preview) == 960);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("preview-size"))).selectByValue("384x192");
        waitUntil(() -> naturalWidth(preview) == 384);
        shot("03-slide-editor");
        browser.findElement(By.cssSelector("#slide-form button[type=submit]")).click();
        waitUntil(() -> browser.getCurrentUrl().matches(".*/media/m-[a-z0-9]{10}$"));
        String slide = idFromUrl();
        assertThat(text("h1")).isEqualTo("Cek kesehatan TBC gratis");
        assertThat(naturalWidth(browser.findElement(By.id("slide-preview")))).isEqualTo(960);
        shot("04-slide-detail");

        // A bad slide is refused with messages on its fields, nothing saved.
        browser.get(admin.baseUrl() + "/media/slides/new");
        type("slideTitle", "Kontras buruk");
        setValue("foreground", "#ffff00");
        setValue("background", "#ffffff");
        type("qrUrl", "javascript:alert(1)");
        browser.findElement(By.cssSelector("#slide-form button[type=submit]")).click();
        // The click returns before the answer has replaced the page.
        waitUntil(() -> !errorsOf("foreground").isEmpty());
        assertThat(errorsOf("foreground")).anyMatch(m -> m.contains("Kontras"));
        assertThat(errorsOf("qrUrl")).anyMatch(m -> m.contains("http"));
        shot("05-slide-errors");

        logout();
        login("uji_health_editor");
        browser.get(admin.baseUrl() + "/media?status=PENDING");
        assertThat(browser.findElements(By.cssSelector(".media-card"))).hasSize(3);
        shot("06-editor-pending-list");
        for (String id : List.of(video, image, slide)) {
            browser.get(admin.baseUrl() + "/media/" + id);
            browser.findElement(By.id("approve")).click();
            waitUntil(() -> "Disetujui".equals(text("#status")));
        }
        shot("07-approved-detail");
        browser.get(admin.baseUrl() + "/media");
        assertThat(browser.findElements(By.cssSelector(".badge.status-APPROVED"))).hasSize(3);
        shot("08-library-laptop");
        assertThat(admin.services().mediaCatalog.bookable(video)).isTrue();
        assertThat(admin.services().mediaCatalog.bookable(slide)).isTrue();

        browser.manage().window().setSize(new Dimension(390, 844));
        shot("09-library-phone");
        browser.get(admin.baseUrl() + "/media/" + slide);
        shot("10-slide-detail-phone");
        browser.get(admin.baseUrl() + "/media/slides/new");
        waitUntil(() -> naturalWidth(browser.findElement(By.id("preview"))) == 960);
        assertThat(browser.findElement(By.id("preview-error")).isDisplayed()).isFalse();
        shot("11-slide-editor-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static String upload(Path file, String title, String tags) {
        browser.get(admin.baseUrl() + "/media/new");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        type("title", title);
        type("tags", tags);
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitUntil(() -> browser.getCurrentUrl().matches(".*/media/m-[a-z0-9]{10}$"));
        assertThat(text("h1")).isEqualTo(title);
        return idFromUrl();
    }

    private static void login(String user) {
        browser.get(admin.baseUrl() + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(TestAdmin.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private static void logout() {
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/login") || browser.getCurrentUrl().endsWith("/"));
        browser.manage().deleteAllCookies();
    }

    private static String idFromUrl() {
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void type(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private static List<String> errorsOf(String field) {
        return browser.findElements(By.cssSelector(".field-error[data-field='" + field + "']")).stream()
                .map(WebElement::getText).toList();
    }

    private static long naturalWidth(WebElement img) {
        Object w = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", img);
        return ((Number) w).longValue();
    }

    private static boolean videoCanPlay() {
        try {
            waitUntil(() -> ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('video').readyState")).intValue() >= 1);
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        // While a page is being replaced, elements of the old one go stale: that means "not yet", try again.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static void shot(String step) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("MediaBrowserTest-" + step + ".png"), png);
    }
}
