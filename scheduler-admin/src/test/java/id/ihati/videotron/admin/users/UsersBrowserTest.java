package id.ihati.videotron.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** An admin creates a Puskesmas operator in a real browser, under the real Content-Security-Policy. */
class UsersBrowserTest {
    static TestAdmin admin;
    static Browser browser;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        browser = new Browser("UsersBrowserTest", admin.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        admin.close();
    }

    @Test
    void adminCreatesAnOperatorFixingABadUsernameAndSeesThePasswordOnce() {
        browser.signIn(admin.username(Role.ADMIN));
        browser.open("/users/new");
        browser.find("[name=username]").sendKeys("Operator Citangkil");
        browser.find("[name=displayName]").sendKeys("Nur Aini");
        browser.find("[name=organisation]").sendKeys("Puskesmas Citangkil");
        new Select(browser.find("[name=role]")).selectByValue("CONTRIBUTOR");
        browser.press("button.primary");
        assertThat(browser.find(".field-error[data-field=username]").getText()).contains("diawali huruf kecil");
        assertThat(browser.find("[name=displayName]").getAttribute("value")).isEqualTo("Nur Aini");
        browser.screenshot("1-username-error");

        browser.type("[name=username]", "nur.aini");
        browser.press("button.primary");
        String password = browser.find("code.temp-password").getText();
        assertThat(password).hasSize(16);
        browser.screenshot("2-password-once");

        browser.open("/users");
        assertThat(browser.find("table.users").getText()).contains("nur.aini", "Puskesmas Citangkil");
        browser.screenshot("3-list");
        browser.open("/audit");
        assertThat(browser.find("table.audit").getText()).contains("Pengguna dibuat", "nur.aini")
                .doesNotContain("USER_CREATED");
        browser.screenshot("4-audit");

        browser.press("form.lang button[value=en]");
        assertThat(browser.find("h1").getText()).isEqualTo("Audit log");
        browser.size(390, 844);
        browser.open("/users");
        browser.screenshot("5-phone-list");
        browser.open("/users/" + admin.services().users.findByUsername("nur.aini").orElseThrow().id());
        browser.screenshot("6-phone-edit");
        browser.size(1280, 900);
    }
}
