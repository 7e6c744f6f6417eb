package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole booking story in headless Chromium, as staff click it: a health booking and a city booking on the
 * same screen, the preview showing their conflict, publishing, the timeline with "what is on at 14:05",
 * rolling back, and putting up and cancelling an alert. Every page is saved as a screenshot at laptop and
 * phone width under {@code target/screenshots/}.
 */
class BookingBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestAdmin admin;
    static ChromeDriver driver;
    static Path profileDir;
    static String healthA;
    static String healthB;
    static String city;
    static String filler;

    @BeforeAll
    static void start() throws IOException {
        admin = TestAdmin.h2();
        TestScreens.create(admin, screen("simpang-tiga", "Simpang Tiga Cilegon", "Bundaran Simpang Tiga, Jl. Jend. Sudirman"));
        TestScreens.create(admin, screen("alun-alun", "Alun-alun Cilegon", "Alun-alun Kota Cilegon"));
        healthA = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Cegah DBD dengan 3M Plus");
        healthB = BookingFixtures.approvedSlide(admin, Category.HEALTH, "Imunisasi lengkap di Puskesmas");
        city = BookingFixtures.approvedSlide(admin, Category.CITY, "Festival Krakatau 2026");
        filler = BookingFixtures.approvedSlide(admin, Category.CITY, "Selamat datang di Kota Cilegon");
        Files.createDirectories(SHOTS);
        profileDir = Files.createTempDirectory("ihati-chromium");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir, "--window-size=1280,900", "--lang=id");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    /** A 960×480 screen with a 120 s loop of 8 slots of 15 s, on all day, 40 % health minimum. */
    static ScreenProfile screen(String id, String name, String where) {
        return new ScreenProfile(id, name, new Location(where, -6.0025, 106.0111), ZoneId.of("Asia/Jakarta"),
                new Resolution(960, 480), 120, 15, ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 40),
                FitMode.CONTAIN, false, Set.of("pusat-kota"), null);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        admin.close();
    }

    private static void open(String path) {
        driver.get(admin.baseUrl() + path);
    }

    private static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks a button or link that loads a new page, and waits until the old page is gone. */
    private static void press(String css) {
        WebElement el = find(css);
        el.click();
        // Chromedriver reports a node that left the document either as stale or as an inspector error.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> {
            try {
                el.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    private static void signInAs(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys(TestAdmin.PASSWORD);
        press("form[action='/login'] button[type=submit]");
        assertThat(driver.findElements(By.cssSelector(".who"))).isNotEmpty();
    }

    /** Saves the page at laptop width and at phone width (390 px), each as tall as the page. */
    private static void shoot(String step) {
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = (Long) ((JavascriptExecutor) driver)
                    .executeScript("return Math.min(6000, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.max(900, height)));
            File f = driver.getScreenshotAs(OutputType.FILE);
            try {
                Files.copy(f.toPath(), SHOTS.resolve("BookingBrowserTest-" + step + (width == 390 ? "-phone" : "")
                        + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void fillBooking(String title, String first, String second, String perLoop, String priority) {
        press("button[value='preset:everyLoopThisMonth']");
        find("#title").clear();
        find("#title").sendKeys(title);
        new Select(find("select[name=addItem]")).selectByValue(first);
        press("button[value=add]");
        if (second != null) {
            new Select(find("select[name=addItem]")).selectByValue(second);
            press("button[value=add]");
            press("button[value='down:0']"); // second item first
        }
        find("input[name=screens][value=simpang-tiga]").click();
        find("input[name=perLoop]").clear();
        find("input[name=perLoop]").sendKeys(perLoop);
        find("#priority").clear();
        find("#priority").sendKeys(priority);
        press("aside button[value=preview]");
    }

    @Test
    void healthAndCityEditorsBookPreviewAConflictPublishSeeTheTimelineRollBackAndRunAnAlert() {
        // 1. Dinkes books health education: two items, the second moved first, 4 of the 8 slots of each loop.
        signInAs("uji_health_editor");
        open("/bookings");
        shoot("01-bookings-empty");
        press("a.button.primary[href='/bookings/new']");
        shoot("02-form-empty");
        fillBooking("DBD dan imunisasi", healthA, healthB, "4", "5");
        assertThat(driver.findElements(By.cssSelector("ol.items li .t"))).extracting(WebElement::getText)
                .containsExactly("Imunisasi lengkap di Puskesmas", "Cegah DBD dengan 3M Plus");
        assertThat(find(".preview-screen[data-screen=simpang-tiga] [data-plays]").getText()).isEqualTo("2880");
        shoot("03-health-preview");
        press("aside button[value=save]");
        assertThat(find(".flash").getText()).contains("Draf pemesanan tersimpan");
        shoot("04-health-saved");

        // 2. The city books 6 slots of the same loops at a higher priority: the preview shows the conflict.
        signInAs("uji_city_editor");
        open("/bookings/new");
        fillBooking("Festival Krakatau", city, null, "6", "7");
        assertThat(driver.findElements(By.cssSelector(".preview-screen[data-screen=simpang-tiga] .conflict")))
                .isNotEmpty();
        shoot("05-city-preview-conflict");
        press("aside button[value=save]");
        assertThat(find(".field-error[data-field=confirmOverbooked]").getText()).contains("melebihi kapasitas");
        find("input[name=confirmOverbooked]").click();
        press("aside button[value=save]");
        assertThat(find(".flash").getText()).contains("Draf pemesanan tersimpan");

        // 3. The city editor publishes the city part (version 1), then the admin publishes the rest (version 2).
        open("/schedule/publish");
        find("#note").sendKeys("Festival Krakatau di Simpang Tiga");
        // Published alone, the city booking fits: no confirmation asked.
        assertThat(driver.findElements(By.cssSelector("input[name=confirmOverbooked]"))).isEmpty();
        press("#publish-form button[type=submit]");
        assertThat(find("h1").getText()).contains("1");
        signInAs("uji_admin");
        open("/schedule/publish");
        assertThat(find("[data-added]").getAttribute("data-added")).isEqualTo("1");
        shoot("06-publish-diff");
        find("#note").sendKeys("Edukasi DBD dan imunisasi");
        press("#publish-form button[type=submit]");
        // Both together over-book the loop: publishing needs the explicit confirmation.
        assertThat(find(".field-error[data-field=confirmOverbooked]").getText()).contains("melebihi kapasitas");
        find("input[name=confirmOverbooked]").click();
        press("#publish-form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Jadwal diterbitkan");
        shoot("07-version-2");
        open("/schedule/versions");
        shoot("08-versions");

        // The admin sets the filler: it plays wherever nobody booked, and is part of the published schedule.
        open("/schedule/filler");
        find("input[name=items][value='" + filler + "']").click();
        press("form[action='/schedule/filler'] button[type=submit]");
        assertThat(find(".flash").getText()).contains("Konten pengisi diterbitkan");
        shoot("08b-filler");

        // 4. The timeline: what is on Simpang Tiga at 14:05 on the first day, in one click.
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        open("/timeline?screen=simpang-tiga&date=" + day + "&at=14:05");
        assertThat(find("#answer .big").getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector(".loops .strip .slot.HEALTH"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".loops .strip .slot.CITY"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector(".slot.current"))).hasSize(1);
        shoot("09-timeline-1405");
        find(".loops .strip a.slot.HEALTH").click();
        assertThat(find("h1").getText()).isEqualTo("DBD dan imunisasi");
        shoot("10-booking-detail");

        // 5. Roll back to version 1: the health booking leaves the street, the timeline shows it.
        open("/schedule/versions/1");
        shoot("10b-version-1");
        press("#rollback-form button");
        assertThat(find(".flash").getText()).contains("dikembalikan");
        shoot("11-rolled-back");
        assertThat(admin.services().scheduling.published().bookings()).extracting(b -> b.category())
                .containsOnly(Category.CITY);
        open("/timeline?screen=simpang-tiga&date=" + day + "&hour=14");
        assertThat(driver.findElements(By.cssSelector(".loops .strip .slot.HEALTH"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".loops .strip .slot.FILLER")))
                .as("the rollback also took back the filler, which came after version 1").isEmpty();

        // 6. An alert on every screen, until cancelled; then cancelled in one click.
        open("/alerts");
        find("#alert-title").sendKeys("Peringatan banjir: hindari Jl. Sudirman");
        new Select(find("#alert-media")).selectByValue(city);
        press("#alert-form button[type=submit]");
        assertThat(find(".flash").getText()).contains("Peringatan dipasang");
        assertThat(driver.findElements(By.cssSelector("section.alert-live"))).hasSize(1);
        shoot("12-alert-up");
        open("/timeline?screen=alun-alun");
        assertThat(driver.findElements(By.cssSelector(".loops .strip .slot.ALERT"))).isNotEmpty();
        shoot("13-timeline-alert");
        open("/alerts");
        press("section.alert-live button.danger");
        assertThat(find(".flash").getText()).contains("dibatalkan");
        assertThat(driver.findElements(By.cssSelector("section.alert-live"))).isEmpty();
        shoot("14-alert-cancelled");
        assertThat(admin.services().scheduling.published().alerts()).isEmpty();
    }
}
