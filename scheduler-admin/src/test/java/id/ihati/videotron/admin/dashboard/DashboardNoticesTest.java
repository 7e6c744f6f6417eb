package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.web.Json;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.review.comments.Comment;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Targets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's "needs your action" notices, as each role reads them over HTTP: content awaiting approval
 * (health editor), the editor's own booking that loses plays to a higher-priority booking, an unanswered DPRD
 * comment on it, open incidents; each links to where it is acted on. And "now playing" by title from the newest
 * of heartbeat and play records.
 */
class DashboardNoticesTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    static TestAdmin admin;
    static String healthMedia;
    static String cityMedia;

    @BeforeAll
    static void start() throws Exception {
        admin = TestAdmin.start(TestDatabases.h2Url(), clock);
        var s = admin.services();
        var library = (MediaLibrary) s.media;
        healthMedia = library.importSlide(user(Role.HEALTH_EDITOR), slide("Batuk 2 Minggu? Cek TBC!"),
                meta("Batuk 2 Minggu? Cek TBC!", Category.HEALTH)).id();
        cityMedia = library.importSlide(user(Role.CITY_EDITOR), slide("Festival Krakatau"),
                meta("Festival Krakatau", Category.CITY)).id();
        // Two items a Puskesmas sent in: pending until a health editor decides.
        library.importSlide(user(Role.CONTRIBUTOR), slide("Gizi Seimbang"), meta("Gizi Seimbang", Category.HEALTH));
        library.importSlide(user(Role.CONTRIBUTOR), slide("Cuci Tangan"), meta("Cuci Tangan", Category.HEALTH));

        TestPlayer player = TestScreens.player(admin, TestScreens.profile("alun-alun"));
        // The health editor's booking asks for 6 of 8 slots a loop at priority 3; the city editor's priority-5
        // booking takes its slots.
        s.scheduling.saveDraft(user(Role.HEALTH_EDITOR), booking("bk-tbc", "Penyuluhan TBC", Category.HEALTH,
                healthMedia, 6, 3));
        s.scheduling.publish(user(Role.HEALTH_EDITOR), s.scheduling.latestNumber(), "TBC");
        s.scheduling.saveDraft(user(Role.CITY_EDITOR), booking("bk-festival", "Festival Krakatau 2026",
                Category.CITY, cityMedia, 6, 5));
        s.scheduling.publish(user(Role.CITY_EDITOR), s.scheduling.latestNumber(), "Festival",
                "Festival Krakatau diumumkan Wali Kota");   // it displaces the TBC booking, which needs a reason
        s.review.comments().add(user(Role.REVIEWER), new Comment.Subject(Comment.Subject.Type.BOOKING, "bk-tbc"),
                null, "Mengapa penayangan TBC berkurang?");

        // The last heartbeat says the festival clip; a play record of the TBC slide that began later is newer.
        Instant beatAt = clock.instant().minusSeconds(20);
        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000,"
                + "\"playing\":{\"mediaId\":\"" + cityMedia + "\",\"sourceId\":\"bk-festival\",\"since\":\""
                + beatAt + "\"}}");
        Instant later = beatAt.plusSeconds(10);
        var rec = PlayRecord.chained("p-1", "alun-alun", 1, healthMedia, "bk-tbc", Category.HEALTH, later,
                later.plusSeconds(15), later, later.plusSeconds(15), false, "MEDIA_CORRUPTED: cannot decode",
                PlayRecord.GENESIS);
        player.postJson("/api/v1/player/plays", Json.mapper().writeValueAsString(
                Map.of("records", List.of(rec))));
        s.screenWatch.check(clock.instant());
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    static User user(Role role) {
        return admin.services().users.findByUsername("uji_" + role.name().toLowerCase(Locale.ROOT)).orElseThrow();
    }

    static Slide slide(String title) {
        return new Slide(title, "Uji I-Hati", Slide.Palette.HEALTH_GREEN.background,
                Slide.Palette.HEALTH_GREEN.foreground, null);
    }

    static Metadata meta(String title, Category c) {
        return new Metadata(title, c == Category.HEALTH ? "Dinkes" : "Diskominfo", c, List.of(), null, null, 15);
    }

    static Booking booking(String id, String title, Category c, String media, int perLoop, int priority) {
        return new Booking(id, title, c, c == Category.HEALTH ? "Dinkes" : "Diskominfo", List.of(media),
                Targets.screens("alun-alun"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), Set.of(),
                List.of(), new Frequency.PerLoop(perLoop), priority);
    }

    /** The text of the notices section, tags removed. */
    static String notices(String page) {
        var m = Pattern.compile("<section class=\"card notices\"[^>]*>(.*?)</section>", Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim() : "";
    }

    @Test
    void aHealthEditorIsToldOfApprovalsLostPlaysDprdCommentsAndIncidentsEachWithItsLink() {
        String page = admin.session(Role.HEALTH_EDITOR).get("/").body();
        String text = notices(page);
        assertThat(text).contains("Perlu tindakan Anda")
                .contains("2 konten menunggu persetujuan Anda")
                .contains("1 pemesanan Anda kehilangan penayangan hari ini")
                .contains("Penyuluhan TBC : tergeser 840 dari 2.520 penayangan")   // operating hours only
                .contains("1 komentar DPRD pada pemesanan Anda belum dijawab")
                .contains("1 kejadian terbuka perlu ditangani")
                .doesNotContain("Festival Krakatau 2026");
        assertThat(page).contains("href=\"/media?status=PENDING\"").contains("href=\"/bookings/bk-tbc\"")
                .contains("href=\"/review/bookings/bk-tbc#comments\"").contains("href=\"/incidents\"");
        // Thousands in the Indonesian way: 6 slots × 420 loops of the screen's 14 operating hours asked for a day.
        assertThat(text).matches(".*tergeser [0-9.]+ dari 2\\.520 penayangan.*");
    }

    @Test
    void aCityEditorIsToldOnlyOfCityApprovalsAndNotOfAnotherEditorsBooking() {
        String text = notices(admin.session(Role.CITY_EDITOR).get("/").body());
        assertThat(text).doesNotContain("persetujuan").doesNotContain("Penyuluhan TBC")
                .doesNotContain("komentar DPRD").contains("1 kejadian terbuka perlu ditangani");
    }

    @Test
    void aReviewerGetsNoNoticesAndAnAdminSeesIncidentsInEnglishToo() {
        assertThat(admin.session(Role.REVIEWER).get("/").body()).doesNotContain("Perlu tindakan Anda");
        var adminClient = admin.session(Role.ADMIN);
        assertThat(notices(adminClient.get("/").body())).contains("1 kejadian terbuka perlu ditangani")
                .doesNotContain("persetujuan");
        adminClient.postForm("/account/language", Map.of("locale", "en", "next", "/"));
        assertThat(notices(adminClient.get("/").body())).contains("Needs your action")
                .contains("1 open incident needs handling");
    }

    @Test
    void nowPlayingIsTheNewestOfHeartbeatAndPlayRecordsByTitle() {
        String page = admin.session(Role.HEALTH_EDITOR).get("/").body();
        assertThat(page).contains("data-playing=\"media\">Batuk 2 Minggu? Cek TBC!</strong>")
                .contains("· Penyuluhan TBC").doesNotContain(">" + healthMedia + "<").doesNotContain("bk-tbc</");
    }
}
