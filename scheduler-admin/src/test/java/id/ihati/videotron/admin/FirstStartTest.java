package id.ihati.videotron.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStartTest {
    @TempDir
    Path dir;
    HikariDataSource pool;
    Wiring services;

    @BeforeEach
    void migrate() {
        String url = TestDatabases.h2Url();
        pool = TestDatabases.pool(url);
        Database.migrate(pool);
        services = new Wiring(AdminConfig.of(0, dir).withJdbc(url, "sa", ""), pool, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        pool.close();
    }

    private String run() {
        var bytes = new ByteArrayOutputStream();
        FirstStart.ensureAdmin(services, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyDatabaseGetsOneAdminWhosePrintedPasswordWorksAndMustBeChanged() {
        String printed = run();
        var m = Pattern.compile("password: (\\S+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        String password = m.group(1);
        assertThat(password).hasSize(16);
        var admin = services.users.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(Passwords.matches(password, services.users.passwordHash("admin").orElseThrow())).isTrue();
        assertThat(printed).contains("harus diganti", "change it at first login");
    }

    @Test
    void theSecondStartCreatesNothingAndPrintsNoPassword() {
        run();
        String hash = services.users.passwordHash("admin").orElseThrow();
        String second = run();
        assertThat(second).isEmpty();
        assertThat(services.users.count()).isEqualTo(1);
        assertThat(services.users.passwordHash("admin")).hasValue(hash);
    }

    @Test
    void aDatabaseWithAccountsIsLeftAlone() {
        services.jdbi.useHandle(h -> services.users.create(h, "kepala.dinas", "Kepala", "Dinkes", Role.ADMIN,
                Passwords.hash("sudah-ada-123"), false, services.clock.instant()));
        assertThat(run()).isEmpty();
        assertThat(services.users.findByUsername("admin")).isEmpty();
    }
}
