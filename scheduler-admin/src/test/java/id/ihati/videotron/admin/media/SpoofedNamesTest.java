package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Titles and file names that would show disguised ({@code evil\u202Egnp.exe.png}) or that hold a NUL byte are
 * refused over real HTTP with a message on their own field, in Indonesian and English, and nothing is stored.
 */
class SpoofedNamesTest {
    static final String RLO = "\u202E";
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    @OnBothDatabases
    void aFileNameWithARightToLeftOverrideIsRefusedOnTheFileField(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        int rows = fx.rows();
        long files = fx.storedFiles();
        var r = fx.upload(Role.CONTRIBUTOR, "evil" + RLO + "gnp.exe.png", MediaFixtures.uniquePng(64, 32),
                meta("", "HEALTH", ""));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(messages(r, "file")).containsExactly(ID_BIDI);
        assertThat(fx.rows()).isEqualTo(rows);
        assertThat(fx.storedFiles()).isEqualTo(files);
    }

    @OnBothDatabases
    void aFileNameWithANulByteIsRefusedForThatReasonNotAsACutOffUpload(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        int rows = fx.rows();
        var r = fx.upload(Role.CONTRIBUTOR, "poster\u0000.png", MediaFixtures.uniquePng(64, 32),
                meta("Poster", "HEALTH", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(messages(r, "file")).singleElement().asString().contains("byte NUL")
                .doesNotContain("terputus");
        assertThat(fx.rows()).isEqualTo(rows);
        assertThat(messages(r, "file", "messageEn")).singleElement().asString().contains("NUL byte")
                .doesNotContain("cut off");
    }

    @OnBothDatabases
    void titlesAndOwnersWithBidiControlsAreRefusedFieldByFieldInBothLanguages(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        int rows = fx.rows();
        for (String control : List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                "\u2068", "\u2069", "\u200E", "\u200F", "\u061C")) {
            Map<String, String> m = meta("Poster" + control + "gnp.exe", "HEALTH", "");
            m.put("owner", "Dinkes" + control);
            var r = fx.upload(Role.CONTRIBUTOR, "poster.png", MediaFixtures.uniquePng(64, 32), m);
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(messages(r, "title")).as("U+%04X", (int) control.charAt(0)).containsExactly(ID_BIDI);
            assertThat(messages(r, "owner")).containsExactly(ID_BIDI);
        }
        var r = fx.upload(Role.CONTRIBUTOR, "poster.png", MediaFixtures.uniquePng(64, 32),
                meta("Poster" + RLO + "gnp.exe", "HEALTH", ""));
        assertThat(messages(r, "title", "messageEn")).singleElement().asString()
                .startsWith("Contains hidden text-direction characters");
        assertThat(fx.rows()).isEqualTo(rows);
    }

    @OnBothDatabases
    void aSlideTitleWithAnOverrideIsRefusedAndArabicTextWithoutControlsIsAccepted(TestAdmin admin) {
        var fx = new MediaFixtures(admin);
        var bad = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Cek TBC\u202Egnp.exe", "background": "#0d47a1", "foreground": "#ffffff",
                 "category": "HEALTH"}""");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(messages(bad, "slideTitle")).containsExactly(ID_BIDI);
        var arabic = fx.as(Role.CONTRIBUTOR).json("POST", "/api/v1/media/slides", """
                {"slideTitle": "Cek TBC \u0635\u062D\u0629", "background": "#0d47a1", "foreground": "#ffffff",
                 "category": "HEALTH"}""");
        assertThat(arabic.statusCode()).as(arabic.body()).isEqualTo(201);
    }

    static final String ID_BIDI = "Berisi karakter pengatur arah teks yang tersembunyi (U+202A\u2013U+202E, "
            + "U+2066\u2013U+2069, U+200E, U+200F atau U+061C), yang dapat menyamarkan nama, misalnya membuat "
            + "\"gnp.exe\" tampak seperti \"exe.png\". Hapus karakter itu lalu simpan lagi.";

    private static List<String> messages(HttpResponse<String> r, String field) {
        return messages(r, field, "message");
    }

    /** The texts of the refusals on {@code field}: "message" (Indonesian) or "messageEn". */
    private static List<String> messages(HttpResponse<String> r, String field, String language) {
        JsonNode errors = json(r.body()).get("errors");
        var out = new java.util.ArrayList<String>();
        errors.forEach(e -> {
            if (field.equals(e.path("field").asText())) {
                out.add(e.path(language).asText());
            }
        });
        return out;
    }
}
