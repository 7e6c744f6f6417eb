package id.ihati.videotron.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A DPRD reviewer in headless Chromium: signs in, reads the week, opens a day's loops, asks what is on screen at
 * a given time, reads a version's diff, and downloads the PDF report. Screenshots go to
 * {@code target/screenshots/ReviewerBrowserTest-*.png}, the PDF to {@code target/screenshots/}.
 */
class ReviewerBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() {
        admin = ReviewFixture.start();
        browser = new Browser("ReviewerBrowserTest", admin.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    @Test
    void reviewerWalksThroughWeekDayDiffAndExport() throws Exception {
        browser.open("/login?next=/review/week");
        browser.find("[name=username]").sendKeys("uji_reviewer");
        browser.find("[name=password]").sendKeys(TestAdmin.PASSWORD);
        browser.press("button[type=submit]");
        assertThat(browser.url()).contains("/review/week");

        browser.open("/review/week?screen=alun&start=2026-11-23");
        assertThat(browser.findAll("section[data-screen=alun] tbody tr")).hasSize(7);
        assertThat(browser.find(".readonly").getText()).contains("baca-saja");
        browser.screenshot("1-week");

        // Tuesday 24 November, 09:00: the hour of the flood alert.
        browser.press("a[href='/review/day?screen=alun&date=2026-11-24&hour=9']");
        assertThat(browser.url()).contains("hour=9");
        assertThat(browser.findAll("#loops .loop")).hasSize(30);
        assertThat(browser.findAll("#loops .slot.ALERT")).hasSize(5 * 8);
        browser.screenshot("2-day");

        browser.driver().executeScript("arguments[0].value='14:05'", browser.find("[name=at]"));
        browser.press("form.filters button");
        assertThat(browser.url()).contains("at=14");
        assertThat(browser.find("#on-at").getText()).contains("14:05");
        browser.screenshot("3-what-plays-at-1405");

        browser.size(390, 844);
        browser.driver().navigate().refresh();
        browser.screenshot("4-day-phone");
        browser.size(1280, 900);

        browser.press(browser.driver().findElement(By.linkText("Versi jadwal")));
        assertThat(browser.url()).endsWith("/review/versions");
        assertThat(browser.find("section[data-version='2'] li.change.added").getText()).contains("Imunisasi Anak");
        browser.screenshot("5-versions");

        browser.open("/review/delivery?from=2026-11-24&to=2026-11-24");
        assertThat(browser.find("tr[data-screen=alun]").getText()).contains("Rusak");
        browser.screenshot("6-delivery");
        browser.find("#export-pdf").click(); // a download: the page stays
        Path pdf = browser.download(".pdf");
        Path kept = SHOTS.resolve("ReviewerBrowserTest-report.pdf");
        Files.copy(pdf, kept, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(kept, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        var p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", kept.toString(),
                SHOTS.resolve("ReviewerBrowserTest-report").toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        var text = new ProcessBuilder("pdftotext", kept.toString(), "-").start();
        String t = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(t).contains("Laporan Penayangan Videotron", "Alun-alun Cilegon", "Rusak");
    }
}
