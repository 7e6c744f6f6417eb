package id.ihati.videotron.admin.booking;

import static id.ihati.videotron.admin.booking.BookingSamples.booking;
import static id.ihati.videotron.admin.booking.BookingSamples.user;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alerts go up and come down at once; bookings and alerts cross their boundaries on the server's clock. */
class AlertsAndBoundariesTest {
    // 2026-12-02 14:05 WIB
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-02T07:05:00Z"));
    static TestAdmin admin;
    static Scheduling scheduling;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(TestDatabases.h2Url(), CLOCK);
        scheduling = admin.services().scheduling;
        BookingSamples.prepare(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    private static PlannedPlay playingAt(String screen, Instant t) {
        var profile = scheduling.screen(screen).orElseThrow();
        LocalDate day = LocalDate.ofInstant(t, profile.timeZone());
        return scheduling.publishedTimeline(profile, day).plays().stream()
                .filter(p -> !t.isBefore(p.start()) && t.isBefore(p.end())).findFirst().orElse(null);
    }

    @Test
    void anAlertPreEmptsTheScheduleOnItsScreensUntilCancelled() {
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        scheduling.saveDraft(health, booking("bk-a1", Category.HEALTH, "layar-1", 8));
        scheduling.publish(health, scheduling.latestNumber(), "penuh kesehatan");
        Instant t = CLOCK.instant().plusSeconds(30);
        assertThat(playingAt("layar-1", t).category()).isEqualTo(Category.HEALTH);

        var alert = scheduling.raiseAlert(health, new Alert("al-banjir", "Banjir", BookingSamples.cityMedia,
                Targets.screens("layar-1"), CLOCK.instant(), null, 10));
        assertThat(alert.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(scheduling.published().alerts()).extracting(Alert::id).contains("al-banjir");
        assertThat(playingAt("layar-1", t).category()).isEqualTo(Category.ALERT);
        assertThat(playingAt("layar-1", t).sourceId()).isEqualTo("al-banjir");
        assertThat(playingAt("layar-2", t)).as("no alert and nothing booked on layar-2").isNull();

        assertThat(scheduling.cancelAlert(health, "al-banjir")).isTrue();
        assertThat(scheduling.cancelAlert(health, "al-banjir")).as("a second cancel does nothing").isFalse();
        assertThat(scheduling.published().alerts()).extracting(Alert::id).doesNotContain("al-banjir");
        assertThat(playingAt("layar-1", t).category()).isEqualTo(Category.HEALTH);
        assertThat(admin.services().audit.latest(20, 0)).extracting(e -> e.action())
                .contains("ALERT_RAISE", "ALERT_CANCEL");
    }

    @Test
    void anAlertWithAnEndLeavesTheScheduleWhenTheClockPassesIt() {
        var cityEditor = user(admin.services(), Role.CITY_EDITOR);
        Instant start = CLOCK.instant();
        scheduling.raiseAlert(cityEditor, new Alert("al-jalan", "Jalan ditutup", BookingSamples.cityMedia,
                Targets.screens("layar-3"), start, start.plus(Duration.ofMinutes(30)), 10));
        assertThat(scheduling.advanceClock()).isZero();
        CLOCK.set(start.plus(Duration.ofMinutes(31)));
        try {
            assertThat(scheduling.published().alerts()).extracting(Alert::id).doesNotContain("al-jalan");
            assertThat(scheduling.advanceClock()).isGreaterThan(0);
            assertThat(scheduling.alerts.find("al-jalan").orElseThrow().state()).isEqualTo(AlertState.ENDED);
        } finally {
            CLOCK.set(start);
        }
    }

    @Test
    void aPublishedBookingEndsAfterItsLastDay() {
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        Booking b = booking("bk-end", Category.HEALTH, "layar-3", 1);
        Booking shortOne = new Booking(b.id(), b.title(), b.category(), b.ownerOrganisation(), b.items(), b.targets(),
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), b.weekdays(), b.windows(), b.frequency(), 1);
        scheduling.saveDraft(health, shortOne);
        scheduling.publish(health, scheduling.latestNumber(), "dua hari");
        Instant start = CLOCK.instant();
        new BoundaryJob(admin.services().scheduling).run(null);
        assertThat(scheduling.bookings.find("bk-end").orElseThrow().status()).isEqualTo(BookingStatus.PUBLISHED);
        CLOCK.set(Instant.parse("2026-12-02T17:00:01Z")); // 00:00:01 WIB on 3 December
        try {
            new BoundaryJob(admin.services().scheduling).run(null);
            assertThat(scheduling.bookings.find("bk-end").orElseThrow().status()).isEqualTo(BookingStatus.ENDED);
        } finally {
            CLOCK.set(start);
        }
    }

    @Test
    void theAlertFormRefusesAnEndInThePastAndUnapprovedContent() {
        var c = admin.as(Role.HEALTH_EDITOR);
        c.get("/alerts");
        var r = c.postForm("/alerts", Map.of("title", "Uji", "mediaId", "tidak-ada", "target", "all",
                "untilMode", "time", "untilDate", "2026-12-01", "untilTime", "10:00"));
        assertThat(r.statusCode()).isEqualTo(422);
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".field-error[data-field=until]").text()).isEqualTo("Waktu selesai harus di masa depan.");
        assertThat(doc.select(".field-error[data-field=mediaId]")).hasSize(1);
        assertThat(doc.select("#alert-title").attr("value")).isEqualTo("Uji");
    }
}
