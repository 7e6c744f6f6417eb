package id.ihati.videotron.admin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The numbers a new user sees on a fresh demo (as bin/run-demo seeds it), read from the pages' text: no false
 * loss on the publish page, what each booking gets on the booking list, the hours it can really play, and the
 * right reason when a booking loses plays.
 */
class DemoNumbersTest {
    static TestAdmin demo;

    @BeforeAll
    static void start() {
        demo = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** The page's text without tags and with spaces collapsed, as a person reads it. */
    static String text(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }

    static long slots(String html, String category) {
        return Pattern.compile("class=\"slot " + category + "[ \"]").matcher(html).results().count();
    }

    @Test
    void aFreshDemosPublishPageReportsNoLossAndEachMinimumShareHolds() {
        for (Role role : List.of(Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR)) {
            var page = demo.as(role).get("/schedule/publish");
            assertThat(page.statusCode()).isEqualTo(200);
            String t = text(page.body());
            assertThat(t).as(role.name()).doesNotContain("kehilangan").doesNotContain("di luar jam operasional")
                    .doesNotContain("melebihi kapasitas").doesNotContain("tidak terpenuhi");
            assertThat(Pattern.compile("Tanpa konflik").matcher(t).results().count()).as(role.name())
                    .isEqualTo(demo.services().screens.profiles().size());
            assertThat(t).contains("Porsi minimum Kesehatan 40 %: mendapat");
        }
    }

    @Test
    void theBookingListSaysEachDemoBookingGetsAllItsPlays() {
        String t = text(demo.as(Role.ADMIN).get("/bookings").body());
        int bookings = demo.services().scheduling.latestSnapshot().bookings().size();
        assertThat(bookings).isPositive();
        // "Tergeser: 0 dari 1.710": nothing displaced, thousands separated.
        assertThat(Pattern.compile("Tergeser: 0 dari \\d{1,3}(\\.\\d{3})+").matcher(t).results().count())
                .isEqualTo(bookings);
        assertThat(t).doesNotContainPattern("Tergeser: [1-9]");
    }

    @Test
    void aWholeOperatingDayBookingShowsTheScreensOperatingHoursToReviewersAndInItsCalendar() {
        String t = text(demo.as(Role.REVIEWER).get("/review/bookings").body());
        // The three crossroads screens run 05:00–24:00; only the always-on local demo screen has 00:00–24:00.
        assertThat(t).contains("Videotron Simpang Tiga: 05:00–24:00")
                .doesNotContainPattern("(?<!Demo lokal: )00:00–24:00");
        String ics = demo.as(Role.REVIEWER).get("/review/screens/alun-alun/bookings.ics").body();
        assertThat(ics).contains("T050000").doesNotContainPattern("DTSTART;TZID=Asia/Jakarta:\\d{8}T000000");
    }

    @Test
    void theTimelineShowsNoBookingInTheHoursBeforeItWasPublished() {
        // A demo seeded at 12:00 WIB: its schedule is published then, so 09:00 played nothing booked.
        var clock = new id.ihati.videotron.admin.testing.MutableClock(
                java.time.LocalDateTime.of(2026, 12, 2, 12, 0).atZone(ScreenProfile.DEFAULT_ZONE).toInstant());
        try (TestAdmin own = TestAdmin.start(TestDatabases.h2Url(), clock, c -> c.withDemo(true))) {
            var web = own.as(Role.ADMIN);
            String morning = web.get("/timeline?screen=alun-alun&date=2026-12-02&hour=9").body();
            String afternoon = web.get("/timeline?screen=alun-alun&date=2026-12-02&hour=13").body();
            // The legend shows one slot of each category; the loops of 09:00 show none booked.
            for (String category : List.of("HEALTH", "CITY")) {
                assertThat(slots(morning, category)).as(category + " at 09:00").isEqualTo(1);
                assertThat(slots(afternoon, category)).as(category + " at 13:00").isGreaterThan(10);
            }
        }
    }

    @Test
    void aLowerPriorityCityBookingIsToldItLostToTheHigherPriorityHealthBooking() {
        // Its own demo: the drafts below would change the shared demo's pages.
        try (TestAdmin own = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true))) {
            var s = own.services();
            User admin = s.users.findByUsername(own.username(Role.ADMIN)).orElseThrow();
            LocalDate today = LocalDate.now(ScreenProfile.DEFAULT_ZONE);
            String healthItem = s.media.approved(Category.HEALTH).get(0).id();
            String cityItem = s.media.approved(Category.CITY).get(0).id();
            var health = new Booking(Scheduling.newBookingId(), "Kampanye Cuci Tangan", Category.HEALTH, "Dinkes",
                    List.of(healthItem), Targets.screens("alun-alun"), today, today.plusDays(5), Set.of(), List.of(),
                    new Frequency.PerLoop(6), 5);
            var city = new Booking(Scheduling.newBookingId(), "Festival Kota", Category.CITY, "Diskominfo",
                    List.of(cityItem), Targets.screens("alun-alun"), today, today.plusDays(5), Set.of(), List.of(),
                    new Frequency.PerLoop(2), 3);
            s.scheduling.saveDraft(admin, health);
            s.scheduling.saveDraft(admin, city);

            String html = own.as(Role.ADMIN).get("/schedule/publish").body();
            String t = text(html);
            assertThat(t).doesNotContain("prioritas sama");
            String conflict = text(html.substring(html.indexOf("class=\"conflict\" data-booking=\"" + city.id() + "\"")))
                    .split("Tanpa konflik|Videotron")[0];
            assertThat(conflict).contains("Festival Kota").contains("kalah prioritas")
                    .contains("diambil oleh").contains("Kampanye Cuci Tangan");

            s.scheduling.publish(admin, s.scheduling.latestNumber(), "uji prioritas",
                    "Festival Kota diminta Wali Kota");   // it displaces the health booking: a reason is required
            String page = text(own.as(Role.CITY_EDITOR).get("/bookings/" + city.id()).body());
            assertThat(page).containsPattern("Tergeser: [1-9][\\d.]* dari \\d{1,3}(\\.\\d{3})+")
                    .contains("kalah prioritas").contains("Kampanye Cuci Tangan");
            assertThat(text(own.as(Role.CITY_EDITOR).get("/bookings").body()))
                    .containsPattern("Tergeser: [1-9][\\d.]* dari");
        }
    }
}
