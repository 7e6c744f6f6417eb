package id.ihati.videotron.admin.booking;

import static id.ihati.videotron.admin.booking.BookingSamples.booking;
import static id.ihati.videotron.admin.booking.BookingSamples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drafts, publish, diff and rollback at the service level, on one H2 server (tests share one schedule). */
class PublishingTest {
    static TestAdmin admin;
    static Scheduling scheduling;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        scheduling = admin.services().scheduling;
        BookingSamples.prepare(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    private static Set<String> publishedIds() {
        return scheduling.published().bookings().stream().map(Booking::id).collect(Collectors.toSet());
    }

    @Test
    void draftsChangeNothingUntilPublishedAndEachEditorPublishesOnlyTheirCategory() {
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        var city = user(admin.services(), Role.CITY_EDITOR);
        long v0 = scheduling.latestNumber();
        scheduling.saveDraft(health, booking("bk-h1", Category.HEALTH, "layar-1", 2));
        scheduling.saveDraft(city, booking("bk-c1", Category.CITY, "layar-1", 1));
        assertThat(publishedIds()).doesNotContain("bk-h1", "bk-c1");

        var v1 = scheduling.publish(health, v0, "DBD 3M Plus untuk November");
        assertThat(v1.version()).isEqualTo(v0 + 1);
        assertThat(v1.publishedBy()).isEqualTo("uji_health_editor");
        assertThat(publishedIds()).contains("bk-h1").doesNotContain("bk-c1");
        assertThat(scheduling.bookings.find("bk-c1").orElseThrow().status()).isEqualTo(BookingStatus.DRAFT);
        assertThat(scheduling.bookings.find("bk-h1").orElseThrow().status()).isEqualTo(BookingStatus.PUBLISHED);

        scheduling.publish(city, v1.version(), "Info kota");
        assertThat(publishedIds()).contains("bk-h1", "bk-c1");
    }

    @Test
    void aCityEditorCannotBookHealthTime() {
        var city = user(admin.services(), Role.CITY_EDITOR);
        assertThatThrownBy(() -> scheduling.saveDraft(city, booking("bk-x", Category.HEALTH, "layar-1", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(scheduling.bookings.find("bk-x")).isEmpty();
    }

    @Test
    void rollbackMakesANewVersionWhosePublishedScheduleChangesExactlyAsTheDiffSays() {
        var adminUser = user(admin.services(), Role.ADMIN);
        long base = scheduling.latestNumber();
        scheduling.saveDraft(adminUser, booking("bk-r1", Category.HEALTH, "layar-2", 1));
        scheduling.saveDraft(adminUser, booking("bk-r2", Category.CITY, "layar-2", 1));
        var before = scheduling.publish(adminUser, base, "dua pemesanan");
        var publishedBefore = scheduling.published();

        Booking changed = new Booking("bk-r1", "Imunisasi (diubah)", Category.HEALTH, "Dinkes", List.of(BookingSamples.healthMedia, BookingSamples.cityMedia),
                booking("bk-r1", Category.HEALTH, "layar-2", 1).targets(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), Set.of(), List.of(), new Frequency.PerDay(40), 7);
        scheduling.saveDraft(adminUser, changed);
        scheduling.withdraw(adminUser, "bk-r2");
        scheduling.saveDraft(adminUser, booking("bk-r3", Category.CITY, "layar-2", 1));
        var after = scheduling.publish(adminUser, before.version(), "ubah, hapus, tambah");

        var diff = scheduling.diff(before.version(), after.version(), LocalDate.of(2026, 11, 10));
        assertThat(diff.added()).extracting(Booking::id).containsExactly("bk-r3");
        assertThat(diff.removed()).extracting(Booking::id).containsExactly("bk-r2");
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.after()).isEqualTo(changed);
            assertThat(c.fields()).containsExactly("title", "items", "dateTo", "frequency", "priority");
        });
        // Plays per day as the players' resolver plans them: every loop of a 120 s loop is 720 a day.
        var screen2 = diff.screens().stream().filter(d -> d.screenId().equals("layar-2")).findFirst().orElseThrow();
        assertThat(screen2.bookingBefore()).containsEntry("bk-r1", 720).containsEntry("bk-r2", 720);
        assertThat(screen2.bookingAfter()).containsEntry("bk-r1", 40).containsEntry("bk-r3", 720)
                .doesNotContainKey("bk-r2");

        var rollback = scheduling.rollback(adminUser, before.version(), after.version(), null);
        assertThat(rollback.version()).isEqualTo(after.version() + 1);
        assertThat(rollback.rollbackOf()).isEqualTo(before.version());
        assertThat(scheduling.published().bookings()).containsExactlyInAnyOrderElementsOf(publishedBefore.bookings());
        var back = scheduling.diff(after.version(), rollback.version(), LocalDate.of(2026, 11, 10));
        assertThat(back.added()).extracting(Booking::id).containsExactly("bk-r2");
        assertThat(back.removed()).extracting(Booking::id).containsExactly("bk-r3");
        assertThat(back.changed()).singleElement().satisfies(c -> assertThat(c.before()).isEqualTo(changed));
        // The working set follows the street: r3 is archived, r2 live again.
        assertThat(scheduling.bookings.find("bk-r3").orElseThrow().status()).isEqualTo(BookingStatus.ARCHIVED);
        assertThat(scheduling.bookings.find("bk-r2").orElseThrow().status()).isEqualTo(BookingStatus.PUBLISHED);
        // The old versions are untouched.
        assertThat(scheduling.versions.find(after.version()).orElseThrow().snapshot().booking("bk-r1"))
                .contains(changed);
    }

    @Test
    void anEditorCannotRollBackAnotherCategorysBookings() {
        var adminUser = user(admin.services(), Role.ADMIN);
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        scheduling.saveDraft(adminUser, booking("bk-o0", Category.HEALTH, "layar-3", 1));
        scheduling.publish(adminUser, scheduling.latestNumber(), "dasar");
        long base = scheduling.latestNumber();
        scheduling.saveDraft(adminUser, booking("bk-o1", Category.CITY, "layar-3", 1));
        scheduling.publish(adminUser, base, "kota");
        assertThatThrownBy(() -> scheduling.rollback(health, base, base + 1, "kembali"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(scheduling.latestNumber()).isEqualTo(base + 1);
    }

    @Test
    void publishingOverAVersionNotSeenIsRefusedAndWritesNothing() {
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        long latest = scheduling.latestNumber();
        scheduling.saveDraft(health, booking("bk-s1", Category.HEALTH, "layar-1", 1));
        assertThatThrownBy(() -> scheduling.publish(health, latest - 1, "basi"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(scheduling.latestNumber()).isEqualTo(latest);
        assertThat(scheduling.bookings.find("bk-s1").orElseThrow().status()).isEqualTo(BookingStatus.DRAFT);
    }

    @Test
    void publishNeedsANote() {
        var health = user(admin.services(), Role.HEALTH_EDITOR);
        assertThatThrownBy(() -> scheduling.publish(health, scheduling.latestNumber(), "  "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("note"));
    }

    @Test
    void fillerIsSetByAdminAsANewVersionKeepingTheBookings() {
        var adminUser = user(admin.services(), Role.ADMIN);
        var before = scheduling.published();
        var v = scheduling.setFiller(adminUser, new Filler(List.of(BookingSamples.cityMedia, BookingSamples.healthMedia)),
                scheduling.latestNumber(), null);
        assertThat(scheduling.published().filler().items()).containsExactly(BookingSamples.cityMedia, BookingSamples.healthMedia);
        assertThat(scheduling.published().bookings()).containsExactlyInAnyOrderElementsOf(before.bookings());
        assertThat(scheduling.published().version()).isEqualTo(v.version());
        assertThatThrownBy(() -> scheduling.setFiller(user(admin.services(), Role.HEALTH_EDITOR),
                new Filler(List.of("m")), v.version(), null)).isInstanceOf(ValidationException.class);
    }
}
