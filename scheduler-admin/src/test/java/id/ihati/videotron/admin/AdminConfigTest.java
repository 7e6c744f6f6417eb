package id.ihati.videotron.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminConfigTest {
    @TempDir
    Path dir;

    private static AdminConfig parse(Map<String, String> env, String... args) {
        return AdminConfig.fromArgs(args, env);
    }

    @Test
    void defaultsServeEmbeddedH2OnPort7070FromDataDirectory() {
        AdminConfig c = parse(Map.of());
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.dataDir()).isEqualTo(Path.of("data"));
        assertThat(c.jdbcUrl()).isNull();
        assertThat(c.postgres()).isFalse();
        assertThat(c.demo()).isFalse();
        assertThat(c.maxUploadBytes()).isEqualTo(AdminConfig.DEFAULT_MAX_UPLOAD);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        Path file = dir.resolve("ihati.properties");
        Files.writeString(file, """
                # comments are allowed
                port=8000
                data-dir=/srv/from-file
                max-upload-mb=64
                jdbc-url=jdbc:postgresql://db/ihati
                demo=true
                """);
        AdminConfig fileOnly = parse(Map.of(), "--config", file.toString());
        assertThat(fileOnly.port()).isEqualTo(8000);
        assertThat(fileOnly.dataDir()).isEqualTo(Path.of("/srv/from-file"));
        assertThat(fileOnly.maxUploadBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(fileOnly.postgres()).isTrue();
        assertThat(fileOnly.demo()).isTrue();

        AdminConfig envOverFile = parse(Map.of("IHATI_PORT", "8100", "IHATI_DATA_DIR", "/srv/from-env"),
                "--config", file.toString());
        assertThat(envOverFile.port()).isEqualTo(8100);
        assertThat(envOverFile.dataDir()).isEqualTo(Path.of("/srv/from-env"));
        assertThat(envOverFile.maxUploadBytes()).isEqualTo(64L * 1024 * 1024);

        AdminConfig flagOverEnv = parse(Map.of("IHATI_PORT", "8100", "IHATI_DEMO", "true"),
                "--config", file.toString(), "--port", "8200", "--demo=false");
        assertThat(flagOverEnv.port()).isEqualTo(8200);
        assertThat(flagOverEnv.demo()).isFalse();
        assertThat(flagOverEnv.dataDir()).isEqualTo(Path.of("/srv/from-file"));
    }

    @Test
    void configFileCanComeFromTheEnvironment() throws IOException {
        Path file = dir.resolve("env.properties");
        Files.writeString(file, "port=9001\n");
        assertThat(parse(Map.of("IHATI_CONFIG", file.toString())).port()).isEqualTo(9001);
    }

    @Test
    void switchesNeedNoValue() {
        AdminConfig c = parse(Map.of(), "--demo", "--secure-cookies", "--port", "0");
        assertThat(c.demo()).isTrue();
        assertThat(c.secureCookies()).isTrue();
        assertThat(c.port()).isZero();
    }

    @Test
    void portOutOfRangeIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> parse(Map.of(), "--port", "70000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port must be 0-65535")
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> parse(Map.of("IHATI_PORT", "tujuh")))
                .hasMessageContaining("whole number").hasMessageContaining("IHATI_PORT");
    }

    @Test
    void unknownFlagIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--prot", "80")).hasMessage("unknown flag --prot");
        assertThatThrownBy(() -> parse(Map.of(), "8080")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> parse(Map.of(), "--data-dir")).hasMessageContaining("missing value for --data-dir");
    }

    @Test
    void unknownKeyInTheFileIsRefused() throws IOException {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "prot=80\n");
        assertThatThrownBy(() -> parse(Map.of(), "--config", file.toString()))
                .hasMessageContaining("unknown key \"prot\"").hasMessageContaining(file.toString());
    }

    @Test
    void unreadableFileIsRefusedWithItsPath() {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> parse(Map.of(), "--config", missing.toString()))
                .hasMessageContaining("cannot read config file " + missing);
    }

    @Test
    void badBooleanAndUploadLimitAreRefused() {
        assertThatThrownBy(() -> parse(Map.of("IHATI_DEMO", "mungkin"))).hasMessageContaining("true or false");
        assertThatThrownBy(() -> parse(Map.of(), "--max-upload-mb", "0")).hasMessageContaining("max-upload-mb");
        assertThatThrownBy(() -> parse(Map.of(), "--jdbc-url", "postgres://x")).hasMessageContaining("jdbc:");
    }

    @Test
    void trustedProxiesComeFromFlagThenEnvironmentThenFileAndDefaultToNone() throws IOException {
        assertThat(parse(Map.of()).trustedProxies()).isEmpty();
        Path file = dir.resolve("proxies.properties");
        Files.writeString(file, "trusted-proxies=10.0.0.0/8\n");
        assertThat(parse(Map.of(), "--config", file.toString()).trustedProxies()).containsExactly("10.0.0.0/8");
        assertThat(parse(Map.of("IHATI_TRUSTED_PROXIES", "192.168.1.5, fd00::/8"), "--config", file.toString())
                .trustedProxies()).containsExactly("192.168.1.5", "fd00::/8");
        assertThat(parse(Map.of("IHATI_TRUSTED_PROXIES", "192.168.1.5"), "--config", file.toString(),
                "--trusted-proxies", "127.0.0.1").trustedProxies()).containsExactly("127.0.0.1");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> parse(Map.of("IHATI_TRUSTED_PROXIES", "10.0.0.1,proxy.local")))
                .hasMessageContaining("trusted-proxies").hasMessageContaining("proxy.local")
                .hasMessageContaining("IHATI_TRUSTED_PROXIES");
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxies", "10.0.0.0/33"))
                .hasMessageContaining("prefix").hasMessageContaining("--trusted-proxies");
    }

    @Test
    void usageListsEverySetting() {
        assertThat(AdminConfig.usage()).contains("--config", "--port", "--data-dir", "--jdbc-url", "--demo",
                "--trusted-proxies");
    }
}
