package id.ihati.videotron.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log page: read-only for ADMIN and DPRD reviewers, filtered and paginated; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"h2", "postgres"})
class AuditPageTest {
    /** 24 Nov 2026 17:30 UTC = 25 Nov 2026 00:30 WIB: a day boundary that differs between UTC and WIB. */
    static final Instant START = Instant.parse("2026-11-24T17:30:00Z");
    static TestAdmin admin;
    static MutableClock clock;

    @Parameter
    String database;

    @BeforeParameterizedClassInvocation
    static void start(String database) {
        clock = new MutableClock(START);
        admin = TestAdmin.start(database.equals("h2") ? TestDatabases.h2Url() : TestDatabases.newPostgresDatabase(),
                clock);
        var audit = admin.services().audit;
        audit.record("dinkes", "BOOKING_CREATED", "booking", "1", "DBD 3M Plus, 3 layar");
        for (int i = 0; i < 120; i++) {
            audit.record("kominfo", "MEDIA_UPLOADED", "media", "m" + i, "berkas " + i);
        }
        clock.advance(Duration.ofDays(2)); // 27 Nov WIB
        audit.record("dinkes", "BOOKING_PUBLISHED", "booking", "1", "versi 2");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        admin.close();
    }

    private static Document page(Role role, String query) {
        var r = admin.session(role).get("/audit" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void dprdReviewersReadTheLogWithoutAnyFormThatWrites() {
        Document d = page(Role.REVIEWER, "");
        assertThat(d.select("table.audit tbody tr").size()).isEqualTo(50);
        assertThat(d.select("table.audit tbody tr").first().text()).contains("BOOKING_PUBLISHED", "dinkes");
        assertThat(d.select("form[method=post]")).extracting(f -> f.attr("action"))
                .containsOnly("/logout", "/account/language");
    }

    @Test
    void codesAndIdsAreShownInTheReadersWords() {
        admin.services().audit.record("kominfo", "media.approve", "media", "m-abcdefghjk", "on upload");
        admin.services().audit.record("dinkes", "BOOKING_WITHDRAW", "booking", "bk-0beea2db", "WITHDRAWN");
        try {
            var id = page(Role.REVIEWER, "?action=media.approve").select("table.audit tbody tr").first();
            assertThat(id.text()).contains("Konten disetujui", "disetujui saat diunggah", "Konten (sudah dihapus)")
                    .doesNotContain("media.approve", "m-abcdefghjk", "on upload");
            var en = page(Role.REVIEWER, "?action=BOOKING_WITHDRAW&lang=en").select("table.audit tbody tr").first();
            assertThat(en.text()).contains("Booking withdrawn", "Booking (deleted since)", "new status: To be removed")
                    .doesNotContain("BOOKING_WITHDRAW", "bk-0beea2db", "WITHDRAWN");
            assertThat(page(Role.ADMIN, "").select("select[name=action] option[value=media.approve]").text())
                    .isEqualTo("Konten disetujui");
            admin.services().audit.record("admin", "SCHEDULE_ROLLBACK", "schedule_version", "3", "rollback to 2: ");
            assertThat(page(Role.ADMIN, "?action=SCHEDULE_ROLLBACK").select("table.audit tbody tr").first().text())
                    .contains("Jadwal dikembalikan ke versi lama", "Versi jadwal 3", "kembali ke versi 2")
                    .doesNotContain("rollback", "versi 2:");
        } finally {
            admin.services().jdbi.useHandle(h -> h.execute(
                    "DELETE FROM audit_log WHERE action IN ('media.approve', 'BOOKING_WITHDRAW', 'SCHEDULE_ROLLBACK')"));
        }
    }

    @Test
    void filtersByActorAndAction() {
        Document byActor = page(Role.ADMIN, "?actor=DINKES");
        assertThat(byActor.select("table.audit tbody tr")).hasSize(2);
        Document byAction = page(Role.ADMIN, "?action=BOOKING_PUBLISHED");
        assertThat(byAction.select("table.audit tbody tr")).hasSize(1);
        assertThat(byAction.select("select[name=action] option[selected]").text()).isEqualTo("BOOKING_PUBLISHED");
    }

    @Test
    void datesAreOfficeDaysInWib() {
        // Entries made at 00:30 WIB on 25 Nov belong to 25 Nov, though it was still 24 Nov in UTC.
        Document d = page(Role.ADMIN, "?from=2026-11-25&to=2026-11-25");
        assertThat(d.select("table.audit tbody tr")).hasSize(50);
        assertThat(d.text()).contains("122 catatan"); // 121 above and the first-start admin
        assertThat(d.select("table.audit tbody tr").first().text()).contains("25 Nov 2026 00:30 WIB");
        assertThat(page(Role.ADMIN, "?from=2026-11-26").select("table.audit tbody tr")).hasSize(1);
        assertThat(page(Role.ADMIN, "?to=2026-11-24").select("table.audit tbody tr td.muted")).hasSize(1);
    }

    @Test
    void pagesThroughOlderEntriesKeepingTheFilter() {
        Document first = page(Role.REVIEWER, "?action=MEDIA_UPLOADED");
        assertThat(first.text()).contains("Halaman 1 dari 3");
        String older = first.select("nav.pager a").last().attr("href");
        assertThat(older).contains("page=2").contains("action=MEDIA_UPLOADED");
        Document third = page(Role.REVIEWER, "?action=MEDIA_UPLOADED&page=3");
        assertThat(third.select("table.audit tbody tr")).hasSize(20);
        assertThat(third.select("table.audit tbody tr").last().text()).contains("m0");
    }

    @Test
    void badDatesAreNamedInTheForm() {
        var r = admin.session(Role.ADMIN).get("/audit?from=25-11-2026&to=2026-11-01");
        assertThat(r.statusCode()).isEqualTo(400);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select(".field-error[data-field=from]").text()).contains("TTTT-BB-HH");
    }

    @Test
    void editorsAndContributorsMayNotReadIt() {
        for (Role r : new Role[] {Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.CONTRIBUTOR}) {
            assertThat(admin.session(r).get("/audit").statusCode()).as(r.name()).isEqualTo(403);
        }
        assertThat(admin.anonymous().get("/audit").statusCode()).isEqualTo(302);
    }
}
