package id.ihati.videotron.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static long demoAccounts(Wiring s) {
        return s.users.all().stream().filter(u -> !u.username().startsWith("uji_")).count();
    }

    @Test
    void demoOnAFreshDatabaseGivesAnAccountPerRoleWithKnownPasswordsAndASecondStartAddsNothing() {
        String url = TestDatabases.h2Url(); // stays alive between the two servers (DB_CLOSE_DELAY=-1)
        try (TestAdmin first = TestAdmin.start(url, Clock.systemUTC(), c -> c.withDemo(true))) {
            Wiring s = first.services();
            assertThat(demoAccounts(s)).isEqualTo(DemoAccounts.LOGINS.size());
            for (DemoAccounts.Login l : DemoAccounts.LOGINS) {
                var u = s.users.findByUsername(l.username()).orElseThrow();
                assertThat(u.role()).isEqualTo(l.role());
                assertThat(u.mustChangePassword()).as(l.username()).isFalse();
                assertThat(Passwords.matches(l.password(), s.users.passwordHash(l.username()).orElseThrow())).isTrue();
            }
            assertThat(s.users.findByUsername("dinkes").orElseThrow().organisation())
                    .isEqualTo("Dinas Kesehatan Kota Cilegon");
            assertThat(List.of(Role.USER_ROLES)).allSatisfy(r ->
                    assertThat(DemoAccounts.LOGINS).anyMatch(l -> l.role() == r));
            // The demo admin signs in straight to the dashboard, no forced password change.
            var c = new WebClient(first.baseUrl());
            c.get("/login");
            var r = c.postForm("/login", Map.of("username", "admin", "password", "admin-demo-2026"));
            assertThat(r.headers().firstValue("Location")).hasValue("/");
        }
        try (TestAdmin second = TestAdmin.start(url, Clock.systemUTC(), c -> c.withDemo(true))) {
            assertThat(demoAccounts(second.services())).isEqualTo(DemoAccounts.LOGINS.size());
            long seeded = second.services().audit.latest(500, 0).stream()
                    .filter(e -> e.action().equals("DEMO_ACCOUNT")).count();
            assertThat(seeded).isEqualTo(DemoAccounts.LOGINS.size());
        }
    }

    @Test
    void demoIsRefusedOnADatabaseThatHasRealAccounts() {
        String url = TestDatabases.h2Url();
        try (TestAdmin real = TestAdmin.start(url, Clock.systemUTC())) {
            assertThat(real.services().users.findByUsername("dinkes")).isEmpty();
        }
        try (TestAdmin demo = TestAdmin.start(url, Clock.systemUTC(), c -> c.withDemo(true))) {
            assertThat(demo.services().users.findByUsername("dinkes")).as("no published password on real data")
                    .isEmpty();
            assertThat(demo.services().users.findByUsername("admin").orElseThrow().mustChangePassword()).isTrue();
        }
    }

    @Test
    void stepsRunOnceEachAndAFailedStepRunsAgainNextTime() {
        try (TestAdmin t = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true))) {
            var ran = new AtomicInteger();
            var failing = new AtomicInteger(1);
            DemoStep counting = s -> ran.incrementAndGet();
            DemoStep flaky = s -> {
                if (failing.getAndDecrement() > 0) {
                    throw new IllegalStateException("layar demo belum siap");
                }
            };
            var data = new DemoData(List.of(new DemoAccounts(), counting, flaky));
            assertThatThrownBy(() -> data.seed(t.services().demoParts())).hasMessageContaining("belum siap");
            assertThat(ran).hasValue(1);
            assertThat(data.seed(t.services().demoParts())).as("only the failed step runs again").isEqualTo(1);
            assertThat(ran).hasValue(1);
            assertThat(data.seed(t.services().demoParts())).isZero();
        }
    }

    @Test
    void theBannerShowsTheUrlAndEveryDemoLogin() {
        var bytes = new ByteArrayOutputStream();
        DemoData.printLogins(new PrintStream(bytes, true, StandardCharsets.UTF_8), "http://localhost:7070");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("http://localhost:7070/");
        DemoAccounts.LOGINS.forEach(l -> assertThat(out).contains(l.username(), l.password()));
    }
}
