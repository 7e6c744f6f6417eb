package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void everyIndonesianTextHasAnEnglishTwinAndBackInEveryBundle() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            Properties id = load("/i18n/" + bundle + ".properties");
            Properties en = load("/i18n/" + bundle + "_en.properties");
            assertThat(en.keySet()).as(bundle).containsExactlyInAnyOrderElementsOf(id.keySet());
        }
    }

    @Test
    void formatsArgumentsInTheChosenLanguage() {
        assertThat(Messages.get(Messages.ID, "login.throttled", 15)).contains("15 menit");
        assertThat(Messages.get(Messages.EN, "login.throttled", 15)).contains("15 minutes");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailingThePage() {
        assertThat(Messages.get(Messages.ID, "no.such.key")).isEqualTo("??no.such.key??");
    }

    private static Properties load(String path) throws IOException {
        var p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return p;
    }
}
