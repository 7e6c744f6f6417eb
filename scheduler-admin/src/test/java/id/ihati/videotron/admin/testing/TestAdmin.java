package id.ihati.videotron.admin.testing;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.AdminConfig;
import id.ihati.videotron.admin.AdminServer;
import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real admin server on a random port for tests, with one account per role (username = role name in
 * lower case after "uji_", e.g. "uji_health_editor"; password {@link #PASSWORD}). Close it after the test.
 * The one server fixture: a second node on the same database ({@link #secondNode}) and a first start without
 * the fixture's accounts ({@link #withoutAccounts}) are made here too.
 */
public final class TestAdmin implements AutoCloseable {
    public static final String PASSWORD = "rahasia-uji-123";
    private final AdminServer server;
    private final HikariDataSource pool;
    private final Path dataDir;
    private String deviceToken;
    private final Map<Role, String> usernames = new EnumMap<>(Role.class);
    private final String jdbcUrl;
    private final Clock clock;
    private final UnaryOperator<AdminConfig> configure;

    private TestAdmin(AdminServer server, HikariDataSource pool, Path dataDir, String jdbcUrl, Clock clock,
                      UnaryOperator<AdminConfig> configure) {
        this.server = server;
        this.pool = pool;
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.clock = clock;
        this.configure = configure;
    }

    /** On a fresh in-memory H2 database. */
    public static TestAdmin h2() {
        return start(TestDatabases.h2Url(), Clock.systemUTC());
    }

    /** On a fresh database of the shared embedded PostgreSQL. */
    public static TestAdmin postgres() {
        return start(TestDatabases.newPostgresDatabase(), Clock.systemUTC());
    }

    /** On a fresh database of the named kind: "h2" or "postgres" (for tests run against both). */
    public static TestAdmin on(String database) {
        return switch (database) {
            case "h2" -> h2();
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException("unknown test database " + database);
        };
    }

    public static TestAdmin start(String jdbcUrl, Clock clock) {
        return start(jdbcUrl, clock, UnaryOperator.identity());
    }

    /** With a changed configuration, e.g. {@code c -> c.withDemo(true)}. */
    public static TestAdmin start(String jdbcUrl, Clock clock, UnaryOperator<AdminConfig> configure) {
        var t = startServer(jdbcUrl, clock, configure);
        t.createRoleAccounts();
        return t;
    }

    /**
     * A first start on a fresh H2 database: the fixture makes no account, so the server's own first start
     * (which makes an "admin" when there is none) is what the test sees.
     */
    public static TestAdmin withoutAccounts() {
        return startServer(TestDatabases.h2Url(), Clock.systemUTC(), UnaryOperator.identity());
    }

    /**
     * Another server on this one's database, with the same clock and configuration but its own pool, data
     * directory and port: a second node behind a load balancer, or a restart (close this one first). It
     * makes no account: the database has them already, or had none on purpose.
     */
    public TestAdmin secondNode() {
        var t = startServer(jdbcUrl, clock, configure);
        t.usernames.putAll(usernames);
        return t;
    }

    private static TestAdmin startServer(String jdbcUrl, Clock clock, UnaryOperator<AdminConfig> configure) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ihati-admin-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariDataSource pool = TestDatabases.pool(jdbcUrl);
        try {
            AdminConfig config = configure.apply(AdminConfig.of(0, dir)
                    .withJdbc(jdbcUrl, pool.getUsername(), pool.getPassword())
                    .withMaxUploadBytes(5L * 1024 * 1024));
            return new TestAdmin(AdminServer.start(config, pool, clock), pool, dir, jdbcUrl, clock, configure);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private void createRoleAccounts() {
        Wiring s = services();
        String hash = Passwords.hash(PASSWORD);
        s.jdbi.useTransaction(h -> {
            for (Role r : Role.USER_ROLES) {
                String name = "uji_" + r.name().toLowerCase(java.util.Locale.ROOT);
                usernames.put(r, name);
                if (s.users.findByUsername(name).isPresent()) {
                    continue; // a second server on the same database (restart tests through start(url, ...))
                }
                s.users.create(h, name, "Uji " + r.name(), "Organisasi Uji", r, hash, false, s.clock.instant());
            }
        });
    }

    public String username(Role role) {
        return usernames.get(role);
    }

    /** A browser-like client signed in with the account of {@code role}. */
    public WebClient as(Role role) {
        var c = new WebClient(baseUrl());
        c.login(username(role), PASSWORD);
        return c;
    }

    /**
     * A client signed in as {@code role} through a session made directly in the database: no login
     * round-trip (argon2 is slow on purpose), for tests that need many sessions.
     */
    public WebClient session(Role role) {
        long id = services().users.findByUsername(username(role)).orElseThrow().id();
        String token = services().sessions.start(id);
        String csrf = services().sessions.find(token).orElseThrow().csrfToken();
        return new WebClient(baseUrl()).withSession(token, csrf);
    }

    /**
     * The bearer token of a player paired with screen "uji-layar" (made on first use, through the pairing
     * service: no HTTP, no sign-in), so device routes are tested too.
     */
    public synchronized String deviceToken() {
        if (deviceToken == null) {
            TestScreens.create(this, TestScreens.profile("uji-layar"));
            deviceToken = TestScreens.pairDirectly(this, "uji-layar");
        }
        return deviceToken;
    }

    /** A client that is not signed in. */
    public WebClient anonymous() {
        return new WebClient(baseUrl());
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public Wiring services() {
        return server.services();
    }

    public AdminServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
        pool.close();
    }
}
