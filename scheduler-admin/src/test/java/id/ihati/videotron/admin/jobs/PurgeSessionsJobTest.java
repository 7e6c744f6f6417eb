package id.ihati.videotron.admin.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.PurgeSessionsJob;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeSessionsJobTest {
    @Test
    void removesExpiredSessionsAndOldLoginFailuresButKeepsLiveOnes() {
        var clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
        try (TestAdmin admin = TestAdmin.start(TestDatabases.h2Url(), clock)) {
            Wiring s = admin.services();
            long id = s.jdbi.inTransaction(h -> s.users.create(h, "petugas", "Petugas", "Puskesmas Jombang",
                    Role.CONTRIBUTOR, Passwords.hash("rahasia-panjang"), false, clock.instant()));
            String old = s.sessions.start(id);
            s.loginThrottle.failed("petugas", "10.0.0.1");
            clock.advance(Duration.ofHours(11));
            String live = s.sessions.start(id);
            s.loginThrottle.failed("petugas", "10.0.0.2");
            clock.advance(Duration.ofHours(2)); // old session: 13 h; old failure far outside the window

            new PurgeSessionsJob(s.sessions, s.loginThrottle, s.rateLimiter).run(null);

            assertThat(count(s, "web_session")).isEqualTo(1);
            assertThat(s.sessions.find(live)).isPresent();
            assertThat(s.sessions.find(old)).isEmpty();
            assertThat(count(s, "login_failure")).isZero(); // both older than the 15-minute window
        }
    }

    private static long count(Wiring s, String table) {
        return s.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
