package id.ihati.videotron.admin;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The first start of a real server on an empty database (the shared fixture without its test accounts) makes
 * one admin and prints its password once; a restart, or a database that has accounts, makes and prints nothing.
 */
class FirstStartTest {
    static final String BANNER = "akun admin pertama / first admin account";

    /** A server just started, and what it printed on the console meanwhile. */
    record Started(TestAdmin admin, String console) {
    }

    private static Started start(Supplier<TestAdmin> server) {
        PrintStream console = System.out;
        var printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            TestAdmin admin = server.get();
            return new Started(admin, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    @Test
    void anEmptyDatabaseGetsOneAdminWhosePrintedPasswordSignsInAndMustBeChanged() {
        Started first = start(TestAdmin::withoutAccounts);
        try (TestAdmin admin = first.admin()) {
            var m = Pattern.compile("password: (\\S+)").matcher(first.console());
            assertThat(m.find()).as(first.console()).isTrue();
            String password = m.group(1);
            assertThat(password).hasSize(16);
            assertThat(first.console()).contains(BANNER, "harus diganti", "change it at first login");
            var user = admin.services().users.findByUsername("admin").orElseThrow();
            assertThat(user.role()).isEqualTo(Role.ADMIN);

            var web = admin.anonymous();
            web.get("/login");
            var signIn = web.postForm("/login", Map.of("username", "admin", "password", password));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location")).as("must change the password first")
                    .hasValue("/password");
        }
    }

    @Test
    void aRestartCreatesNothingAndPrintsNoPassword() {
        Started first = start(TestAdmin::withoutAccounts);
        String hash = first.admin().services().users.passwordHash("admin").orElseThrow();
        first.admin().close();

        Started again = start(first.admin()::secondNode);
        try (TestAdmin admin = again.admin()) {
            assertThat(again.console()).doesNotContain(BANNER).doesNotContain("password:");
            assertThat(admin.services().users.count()).isEqualTo(1);
            assertThat(admin.services().users.passwordHash("admin")).hasValue(hash);
        }
    }

    @Test
    void aDatabaseWithAccountsIsLeftAlone() {
        Started first = start(TestAdmin::withoutAccounts);
        // The accounts a city already has: its admin goes by another name.
        first.admin().services().jdbi.useHandle(h -> h.execute(
                "UPDATE app_user SET username = 'kepala.dinas' WHERE username = 'admin'"));
        first.admin().close();

        Started again = start(first.admin()::secondNode);
        try (TestAdmin admin = again.admin()) {
            assertThat(again.console()).doesNotContain(BANNER);
            assertThat(admin.services().users.findByUsername("admin")).isEmpty();
            assertThat(admin.services().users.count()).isEqualTo(1);
        }
    }
}
