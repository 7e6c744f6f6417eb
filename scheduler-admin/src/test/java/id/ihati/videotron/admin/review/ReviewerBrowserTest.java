package id.ihati.videotron.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A DPRD reviewer in headless Chromium: signs in, reads the week, opens a day's loops, asks what is on screen at
 * a given time, reads a version's diff, and downloads the PDF report. Screenshots go to
 * {@code target/screenshots/ReviewerBrowserTest-*.png}, the PDF to {@code target/screenshots/}.
 */
class ReviewerBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestAdmin admin;
    static WebDriver driver;
    static ChromeDriverService service;
    static Path downloads;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        admin = ReviewFixture.start();
        Files.createDirectories(SHOTS);
        downloads = Files.createTempDirectory("ihati-downloads");
        profile = Files.createTempDirectory("ihati-chromium");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=id");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        admin.close();
        for (Path dir : new Path[]{profile, downloads}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void shot(String step) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("ReviewerBrowserTest-" + step + ".png"), png);
    }

    @Test
    void reviewerWalksThroughWeekDayDiffAndExport() throws Exception {
        driver.get(admin.baseUrl() + "/login?next=/review/week");
        driver.findElement(By.name("username")).sendKeys("uji_reviewer");
        driver.findElement(By.name("password")).sendKeys(TestAdmin.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/review/week"));

        driver.get(admin.baseUrl() + "/review/week?screen=alun&start=2026-11-23");
        assertThat(driver.findElements(By.cssSelector("section[data-screen=alun] tbody tr"))).hasSize(7);
        assertThat(driver.findElement(By.cssSelector(".readonly")).getText()).contains("baca-saja");
        shot("1-week");

        // Tuesday 24 November, 09:00: the hour of the flood alert.
        driver.findElement(By.cssSelector("a[href='/review/day?screen=alun&date=2026-11-24&hour=9']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("hour=9"));
        assertThat(driver.findElements(By.cssSelector("#loops .loop"))).hasSize(30);
        assertThat(driver.findElements(By.cssSelector("#loops .slot.ALERT"))).hasSize(5 * 8);
        shot("2-day");

        var at = driver.findElement(By.name("at"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value='14:05'", at);
        driver.findElement(By.cssSelector("form.filters button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("at=14"));
        assertThat(driver.findElement(By.id("on-at")).getText()).contains("14:05");
        shot("3-what-plays-at-1405");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        shot("4-day-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.findElement(By.linkText("Versi jadwal")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/review/versions"));
        assertThat(driver.findElement(By.cssSelector("section[data-version='2'] li.change.added")).getText())
                .contains("Imunisasi Anak");
        shot("5-versions");

        driver.get(admin.baseUrl() + "/review/delivery?from=2026-11-24&to=2026-11-24");
        assertThat(driver.findElement(By.cssSelector("tr[data-screen=alun]")).getText()).contains("Rusak");
        shot("6-delivery");
        driver.findElement(By.id("export-pdf")).click();
        Path pdf = waitForDownload(".pdf");
        Path kept = SHOTS.resolve("ReviewerBrowserTest-report.pdf");
        Files.copy(pdf, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        var p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", kept.toString(),
                SHOTS.resolve("ReviewerBrowserTest-report").toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        var text = new ProcessBuilder("pdftotext", kept.toString(), "-").start();
        String t = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(t).contains("Laporan Penayangan Videotron", "Alun-alun Cilegon", "Rusak");
    }

    static Path waitForDownload(String suffix) throws InterruptedException, IOException {
        for (int i = 0; i < 200; i++) {
            try (Stream<Path> files = Files.list(downloads)) {
                var done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + suffix + " was downloaded");
    }
}
