package id.ihati.videotron.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** An admin creates a Puskesmas operator in a real browser, under the real Content-Security-Policy. */
class UsersBrowserTest {
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        browser = new Browser("users");
    }

    @AfterAll
    static void stop() {
        browser.close();
        admin.close();
    }

    @Test
    void adminCreatesAnOperatorFixingABadUsernameAndSeesThePasswordOnce() {
        var d = browser.driver();
        d.get(admin.baseUrl() + "/login");
        d.findElement(By.name("username")).sendKeys(admin.username(id.ihati.videotron.admin.auth.Role.ADMIN));
        d.findElement(By.name("password")).sendKeys(TestAdmin.PASSWORD);
        d.findElement(By.cssSelector("button.primary")).click();
        d.get(admin.baseUrl() + "/users/new");
        d.findElement(By.name("username")).sendKeys("Operator Citangkil");
        d.findElement(By.name("displayName")).sendKeys("Nur Aini");
        d.findElement(By.name("organisation")).sendKeys("Puskesmas Citangkil");
        new Select(d.findElement(By.name("role"))).selectByValue("CONTRIBUTOR");
        d.findElement(By.cssSelector("button.primary")).click();
        assertThat(d.findElement(By.cssSelector(".field-error[data-field=username]")).getText())
                .contains("diawali huruf kecil");
        assertThat(d.findElement(By.name("displayName")).getAttribute("value")).isEqualTo("Nur Aini");
        browser.screenshot("1-username-error");

        var username = d.findElement(By.name("username"));
        username.clear();
        username.sendKeys("nur.aini");
        d.findElement(By.cssSelector("button.primary")).click();
        String password = d.findElement(By.cssSelector("code.temp-password")).getText();
        assertThat(password).hasSize(16);
        browser.screenshot("2-password-once");

        d.get(admin.baseUrl() + "/users");
        assertThat(d.findElement(By.cssSelector("table.users")).getText()).contains("nur.aini", "Puskesmas Citangkil");
        browser.screenshot("3-list");
        d.get(admin.baseUrl() + "/audit");
        assertThat(d.findElement(By.cssSelector("table.audit")).getText()).contains("USER_CREATED");
        browser.screenshot("4-audit");

        d.findElement(By.cssSelector("form.lang button[value=en]")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.tagName("h1"), "Audit log"));
        browser.size(390, 844);
        d.get(admin.baseUrl() + "/users");
        browser.screenshot("5-phone-list");
        d.get(admin.baseUrl() + "/users/" + admin.services().users.findByUsername("nur.aini").orElseThrow().id());
        browser.screenshot("6-phone-edit");
        browser.size(1280, 900);
    }
}
