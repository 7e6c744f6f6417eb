package id.ihati.videotron.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.WebClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which client address login throttling and the audit log see, over real HTTP: the direct peer, unless it is a
 * trusted reverse proxy (here the test's own loopback connection plays the proxy).
 */
class TrustedProxyTest {
    static TestAdmin direct;
    static TestAdmin behindProxy;

    @BeforeAll
    static void start() {
        direct = TestAdmin.h2();
        behindProxy = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(),
                c -> c.withTrustedProxies(List.of("127.0.0.1", "::1")));
    }

    @AfterAll
    static void stop() {
        direct.close();
        behindProxy.close();
    }

    @Test
    void behindATrustedProxyEachClientIsThrottledAndAuditedByItsOwnAddress() {
        blockAddress(behindProxy, "203.0.113.7");
        assertThat(login(behindProxy, "203.0.113.7", "wrong-password-1").statusCode()).isEqualTo(429);
        assertThat(login(behindProxy, "203.0.113.7", TestAdmin.PASSWORD).statusCode())
                .as("blocked even with the right password").isEqualTo(429);

        var otherOffice = login(behindProxy, "198.51.100.20", TestAdmin.PASSWORD);
        assertThat(otherOffice.statusCode()).as("another office behind the same proxy").isEqualTo(302);
        assertThat(lastLoginDetail(behindProxy)).isEqualTo("198.51.100.20");

        assertThat(login(behindProxy, "6.6.6.6, 198.51.100.21", "wrong-password-2").statusCode()).isEqualTo(401);
        assertThat(failureAddresses(behindProxy, "uji_admin")).as("what the client wrote itself is not believed")
                .contains("198.51.100.21").doesNotContain("6.6.6.6");
    }

    @Test
    void withNoTrustedProxyTheHeaderIsIgnoredSoNoClientPicksItsAddress() throws Exception {
        var ok = login(direct, "203.0.113.9", TestAdmin.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(302);
        String audited = lastLoginDetail(direct);
        assertThat(audited).isNotEqualTo("203.0.113.9");
        assertThat(InetAddress.getByName(audited).isLoopbackAddress()).as(audited).isTrue();

        blockAddress(direct, audited);
        assertThat(login(direct, "198.51.100.30", TestAdmin.PASSWORD).statusCode())
                .as("a made-up X-Forwarded-For does not dodge the block").isEqualTo(429);
    }

    /** As many failures from {@code address} as the throttle allows, each for another username. */
    private static void blockAddress(TestAdmin admin, String address) {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            admin.services().loginThrottle.failed("tamu" + i, address);
        }
    }

    /** Signs in as uji_admin through the login form, with the header a proxy would add (or a client fakes). */
    private static HttpResponse<String> login(TestAdmin admin, String forwardedFor, String password) {
        WebClient c = admin.anonymous();
        c.get("/login");
        String form = "_csrf=" + enc(c.csrf()) + "&username=uji_admin&password=" + enc(password);
        return c.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String lastLoginDetail(TestAdmin admin) {
        return admin.services().audit.latest(20, 0).stream().filter(e -> e.action().equals("LOGIN"))
                .map(AuditLog.Entry::detail).findFirst().orElseThrow();
    }

    private static List<String> failureAddresses(TestAdmin admin, String username) {
        return admin.services().jdbi.withHandle(h -> h.createQuery(
                        "SELECT remote_addr FROM login_failure WHERE username = :u")
                .bind("u", username).mapTo(String.class).list());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
