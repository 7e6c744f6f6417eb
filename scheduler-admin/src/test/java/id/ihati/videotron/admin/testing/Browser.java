package id.ihati.videotron.admin.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, the one way the browser tests start a browser. Screenshots go
 * to {@code target/screenshots/<test>-<step>.png}, downloads to a private folder ({@link #download}).
 *
 * <p>A click that loads a new page returns before the page has arrived, so reading the page right after it
 * reads the old one: use {@link #press} for every click that submits a form or follows a link. Close the
 * browser after the test.
 */
public final class Browser implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String test;
    private final String baseUrl;

    /** A browser for {@code test} (the screenshots' prefix) that opens paths relative to {@code baseUrl}. */
    public Browser(String test, String baseUrl) {
        this.test = test;
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("ihati-chromium");
            downloads = Files.createTempDirectory("ihati-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The networking flags keep Chromium from calling home on this closed network (see FACTS.md).
        var options = new ChromeOptions().setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=id");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code path} (e.g. "/media/new") of the server; returns when the page has loaded. */
    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The trimmed visible text of the element {@code css}. */
    public String text(String css) {
        return find(css).getText().strip();
    }

    /** Replaces the text of the input {@code css}. */
    public void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /**
     * Clicks the button or link {@code css} that loads a new page, and returns once the old page is gone and the
     * new one has loaded.
     */
    public void press(String css) {
        press(find(css));
    }

    /** As {@link #press(String)}, for an element already found. */
    public void press(WebElement element) {
        element.click();
        waitUntil(() -> isGone(element) && isLoaded());
    }

    private boolean isLoaded() {
        try {
            return "complete".equals(driver.executeScript("return document.readyState"));
        } catch (WebDriverException betweenPages) {
            return false; // no document to ask yet
        }
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException inspectorError) {
            // Chromedriver reports a node of an unloaded document either as stale or as an inspector error.
            return true;
        }
    }

    /**
     * Waits until {@code condition} holds, for what scripts do after a page has loaded (a preview image, a
     * video's metadata). While a page is being replaced, elements of the old one go stale: "not yet".
     */
    public void waitUntil(BooleanSupplier condition) {
        Eventually.await(() -> {
            try {
                return condition.getAsBoolean();
            } catch (StaleElementReferenceException betweenPages) {
                return false;
            }
        }, "the page in " + test, PATIENCE);
    }

    /**
     * Signs in through the login page as {@code username} with the fixture's password (any earlier session
     * forgotten first), and checks that the browser left the login page.
     */
    public void signIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        find("input[name=username]").sendKeys(username);
        find("input[name=password]").sendKeys(TestAdmin.PASSWORD);
        press("form[action='/login'] button[type=submit]");
        if (url().contains("/login")) {
            throw new AssertionError("sign-in as " + username + " failed: still on " + url());
        }
    }

    /** Resizes the window, e.g. 390 x 844 for a phone. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public Path screenshot(String step) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path to = dir.resolve(test + "-" + step + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first complete downloaded file whose name ends with {@code suffix}; waits for it to arrive. */
    public Path download(String suffix) {
        var found = new Path[1];
        waitUntil(() -> {
            found[0] = completeDownload(suffix).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private Optional<Path> completeDownload(String suffix) {
        // Chromium writes into "<name>.crdownload" and renames the file when it is complete.
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(suffix)).filter(f -> f.toFile().length() > 0).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
