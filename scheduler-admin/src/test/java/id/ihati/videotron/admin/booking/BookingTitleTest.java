package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.LogCapture;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Category;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A booking title is the probe's log-injection example: a line break in it stays on the log line of the save;
 * a bidi override in it is refused on its field. Through the real booking form, on H2 and PostgreSQL.
 */
class BookingTitleTest {
    static final String FORGED = "09:00:00.000 INFO  i.i.v.a.a.AccountRoutes - uji_admin granted ADMIN to penyusup";
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    @OnBothDatabases
    void aLineBreakInATitleCannotWriteALogLineOfItsOwn(TestAdmin admin) {
        String media = mediaAndScreen(admin, "layar-log");
        var c = admin.as(Role.HEALTH_EDITOR);
        c.get("/bookings/new");
        try (var log = new LogCapture()) {
            var r = c.postForm("/bookings/form", form(media, "Imunisasi\r\n" + FORGED + "\n\u0085\u2028x"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            assertThat(log.lines()).noneMatch(l -> l.startsWith("09:00:00.000"));
            assertThat(log.lines()).anyMatch(l -> l.contains("saved draft booking")
                    && l.contains("(Imunisasi\\r\\n" + FORGED + "\\n\\u0085\\u2028x)"));
        }
    }

    @OnBothDatabases
    void aTitleOrOwnerWithARightToLeftOverrideIsRefusedOnItsFieldAndNothingIsSaved(TestAdmin admin) {
        String media = mediaAndScreen(admin, "layar-bidi");
        var c = admin.as(Role.HEALTH_EDITOR);
        c.get("/bookings/new");
        var f = form(media, "Promo\u202Egnp.exe");
        f.put("screens", "layar-bidi");
        f.put("owner", "Dinkes\u2067");
        var r = c.postForm("/bookings/form", f);
        assertThat(r.statusCode()).isEqualTo(422);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".field-error[data-field=title]").text()).startsWith("Berisi karakter pengatur arah teks");
        assertThat(doc.select(".field-error[data-field=owner]").text()).startsWith("Berisi karakter pengatur arah teks");
        assertThat(admin.services().scheduling.workingSet()).noneMatch(b -> b.booking().title().startsWith("Promo"));
        var en = Jsoup.parse(c.postForm("/bookings/form?lang=en", f).body());
        assertThat(en.select(".field-error[data-field=title]").text()).startsWith("Contains hidden text-direction");
        c.get("/bookings/new?lang=id");
    }

    /** An approved health slide (its id is returned) and a screen {@code screenId} to book it on. */
    private static String mediaAndScreen(TestAdmin admin, String screenId) {
        TestScreens.create(admin, TestScreens.profile(screenId));
        return BookingFixtures.approvedSlide(admin, Category.HEALTH, "Cegah DBD");
    }

    private static Map<String, String> form(String media, String title) {
        var m = new HashMap<String, String>();
        m.put("op", "save");
        m.put("title", title);
        m.put("category", "HEALTH");
        m.put("owner", "Dinas Kesehatan");
        m.put("items", media);
        m.put("screens", "layar-log");
        m.put("dateFrom", "2026-12-01");
        m.put("dateTo", "2026-12-31");
        m.put("windowFrom0", "06:00");
        m.put("windowTo0", "22:00");
        m.put("freqType", "PER_LOOP");
        m.put("perLoop", "1");
        m.put("priority", "5");
        return m;
    }
}
