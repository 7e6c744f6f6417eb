package id.ihati.videotron.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The rule alone, over the corpus of known bypasses; the same corpus goes through a real login in OpenRedirectTest. */
class LocalRedirectTest {
    @ParameterizedTest
    @FieldSource("id.ihati.videotron.admin.auth.OpenRedirectCorpus#REFUSED")
    void aBypassGoesToTheHomePage(String next) {
        assertThat(LocalRedirect.target(next)).isEqualTo("/");
    }

    @ParameterizedTest
    @FieldSource("id.ihati.videotron.admin.auth.OpenRedirectCorpus#LOCAL")
    void aLocalPathIsKeptAndResolvesToThisOrigin(String next) {
        String target = LocalRedirect.target(next);
        assertThat(target).isEqualTo(next);
        assertThat(URI.create("https://videotron.cilegon.example/").resolve(target).getHost())
                .isEqualTo("videotron.cilegon.example");
    }

    @org.junit.jupiter.api.Test
    void aBackslashPathBecomesThePathABrowserWouldTakeOnThisOrigin() {
        assertThat(LocalRedirect.target("\\media")).isEqualTo("/media");
        assertThat(LocalRedirect.target("/media\\new")).isEqualTo("/media/new");
        assertThat(LocalRedirect.target(" /media\t")).isEqualTo("/media");
    }

    @org.junit.jupiter.api.Test
    void nothingGivenGoesHome() {
        assertThat(LocalRedirect.target(null)).isEqualTo("/");
    }
}
