package id.ihati.videotron.admin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.LoginThrottle;
import id.ihati.videotron.admin.testing.LogCapture;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * What the server's console log (logback.xml as shipped) writes for hostile text: one line per event, with
 * every control, line separator and bidi control visible as an escape.
 */
class LogInjectionTest {
    static TestAdmin admin;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void anAnonymousUsernameWithLineBreaksStaysOnTheThrottleWarning() {
        String name = "tamu\r\n09:00:00.000 INFO  i.i.v.a.a.AccountRoutes - login ok for uji_admin";
        var c = admin.anonymous();
        c.get("/login");
        try (var log = new LogCapture()) {
            for (int i = 0; i <= LoginThrottle.MAX_FAILURES; i++) {
                c.postForm("/login", Map.of("username", name, "password", "salah"));
            }
            assertThat(log.lines()).noneMatch(l -> l.startsWith("09:00:00.000"));
            assertThat(log.lines()).anyMatch(l -> l.contains("WARN") && l.contains(
                    "Login for tamu\\r\\n09:00:00.000 INFO  i.i.v.a.a.AccountRoutes - login ok for uji_admin from"));
        }
    }

    @Test
    void anExceptionMessageQuotingInputStaysOnTheExceptionsLine() {
        try (var log = new LogCapture()) {
            LoggerFactory.getLogger("uji").error("Gagal: {}", "a\nb",
                    new IllegalArgumentException("bad title \"x\n09:00:00.000 ERROR forged\"",
                            new IllegalStateException("cause\u202Eexe.png")));
            var lines = log.lines();
            assertThat(lines).noneMatch(l -> l.startsWith("09:00:00.000"));
            assertThat(lines).anyMatch(l -> l.endsWith("Gagal: a\\nb"));
            assertThat(lines).anyMatch(l -> l.equals(
                    "java.lang.IllegalArgumentException: bad title \"x\\n09:00:00.000 ERROR forged\""));
            assertThat(lines).anyMatch(l -> l.equals("Caused by: java.lang.IllegalStateException: cause\\u202Eexe.png"));
            assertThat(lines).anyMatch(l -> l.startsWith("\tat "));
        }
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("plain text, with spaces and \\backslash", "plain text, with spaces and \\backslash"),
                Arguments.of("a\nb", "a\\nb"),
                Arguments.of("a\r\nb", "a\\r\\nb"),
                Arguments.of("a\tb", "a\\tb"),
                Arguments.of("nul\u0000", "nul\\u0000"),
                Arguments.of("esc\u001b[31m", "esc\\u001B[31m"),
                Arguments.of("del\u007f", "del\\u007F"),
                Arguments.of("nel\u0085", "nel\\u0085"),
                Arguments.of("ls\u2028ps\u2029", "ls\\u2028ps\\u2029"),
                Arguments.of("evil\u202Egnp.exe.png", "evil\\u202Egnp.exe.png"),
                Arguments.of("iso\u2066x\u2069", "iso\\u2066x\\u2069"),
                Arguments.of("lrm\u200Erlm\u200Falm\u061C", "lrm\\u200Erlm\\u200Falm\\u061C"),
                Arguments.of("Cilegon \u0635\u062D\u0629 \u00e9", "Cilegon \u0635\u062D\u0629 \u00e9"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void escapeMakesEveryHiddenOrLineBreakingCharacterVisible(String in, String out) {
        assertThat(LogText.escape(in)).isEqualTo(out);
    }
}
