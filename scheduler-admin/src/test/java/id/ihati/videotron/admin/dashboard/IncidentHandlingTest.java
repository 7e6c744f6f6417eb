package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.web.Json;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.SqlProof;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.Interruption;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Media-error incidents from real proof-of-play uploads over HTTP, on H2 and PostgreSQL: plays the player cut
 * short for other reasons (a plan change, a slot taken before the item had a picture) open none and are not
 * counted as media errors; a real media error closes on the next completed play of that media; editors close
 * an incident with a note (audited) and DPRD reviewers cannot.
 */
class IncidentHandlingTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    static final AtomicInteger screens = new AtomicInteger();

    @RegisterExtension
    static final BothDatabases servers = new BothDatabases(clock);


    /** A paired screen and the hash chain of the plays its player uploads. */
    static final class Screen {
        final TestAdmin admin;
        final String id;
        final TestPlayer player;
        long seq;
        String prev = PlayRecord.GENESIS;

        Screen(TestAdmin admin) {
            this.admin = admin;
            this.id = "insiden-" + screens.incrementAndGet();
            this.player = TestScreens.player(admin, TestScreens.profile(id));
            beat();
        }

        void beat() {
            var r = player.postJson("/api/v1/player/heartbeat",
                    "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000}");
            assertThat(r.statusCode()).isEqualTo(200);
        }

        /** Uploads one play of {@code media} that started at {@code start} and lasted 15 s (or was cut). */
        void play(String media, Instant start, boolean completed, String error) throws Exception {
            seq++;
            var rec = PlayRecord.chained(id + "-p" + seq, id, seq, media, "bk-uji", Category.HEALTH, start,
                    start.plusSeconds(15), start, start.plusSeconds(completed ? 15 : 2), completed, error, prev);
            prev = rec.hash();
            var r = player.postJson("/api/v1/player/plays",
                    Json.mapper().writeValueAsString(Map.of("records", List.of(rec))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        /** This screen's card on the dashboard as the admin sees it. */
        String card() {
            String page = TestScreens.adminClient(admin).get("/").body();
            int at = page.indexOf("data-screen=\"" + id + "\"");
            assertThat(at).as("the card of " + id).isPositive();
            return page.substring(at, page.indexOf("</article>", at));
        }

        List<Incident> openMediaErrors() {
            return new Incidents(admin.services().jdbi).openFor(id, Incident.Kind.MEDIA_ERROR);
        }
    }

    static void watch(TestAdmin admin) {
        new ScreenWatchJob(admin.services().screenWatch, admin.services().clock).run(null);
    }

    @OnBothDatabases
    void playsCutByAPlanChangeOrReplacedBeforeTheyWereShownOpenNoIncidentAndAreNoMediaError(TestAdmin admin)
            throws Exception {
        var screen = new Screen(admin);
        Instant t = clock.instant().minusSeconds(60);
        screen.play("m-batuk", t, false, Interruption.PLAN_CHANGED.text());
        screen.play("m-video", t.plusSeconds(15), false, Interruption.REPLACED_BEFORE_SHOWN.text());
        // An older player also put them in its heartbeat's mediaErrors: the same texts are recognised there.
        screen.player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"freeDiskBytes\":50000000000,"
                + "\"mediaErrors\":[{\"mediaId\":\"m-batuk\",\"error\":\"pre-empted: the plan changed\"},"
                + "{\"mediaId\":\"m-video\",\"error\":\"replaced before it was shown\"}]}");
        watch(admin);

        assertThat(screen.openMediaErrors()).isEmpty();
        assertThat(screen.card()).doesNotContain("Konten gagal diputar").doesNotContain("data-incident");

        // The DPRD report's "media error" counts, raw and rolled up, count only the real one.
        screen.play("m-rusak", t.plusSeconds(30), false, "MEDIA_CORRUPTED: cannot decode");
        LocalDate day = LocalDate.ofInstant(t, ZoneId.of("Asia/Jakarta"));
        var proof = new SqlProof(admin.services().jdbi, clock);
        assertThat(proof.raw(List.of(screen.id), ZoneId.of("Asia/Jakarta"), day, day))
                .extracting(ReportedCount::failed).containsExactly(1L);
        admin.services().playRollup.rollup(TestScreens.profile(screen.id), day, clock.instant());
        assertThat(admin.services().playRollup.daily(screen.id, day))
                .extracting(PlayRollup.DailyPlays::mediaId, PlayRollup.DailyPlays::mediaErrorPlays)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("m-batuk", 0),
                        org.assertj.core.groups.Tuple.tuple("m-video", 0),
                        org.assertj.core.groups.Tuple.tuple("m-rusak", 1));

        // Rows rolled up before V49 have no media-error count: the rollup job counts their day again.
        admin.services().jdbi.useHandle(h -> h.createUpdate(
                "UPDATE play_daily SET media_error_plays = NULL WHERE screen_id = :s").bind("s", screen.id).execute());
        // (no records received since, and neither today nor yesterday: only the missing count brings it back)
        admin.services().playRollup.run(clock.instant().plusSeconds(1), clock.instant().plus(Duration.ofDays(3)));
        assertThat(admin.services().playRollup.daily(screen.id, day))
                .extracting(PlayRollup.DailyPlays::mediaErrorPlays).containsExactlyInAnyOrder(0, 0, 1);
    }

    @OnBothDatabases
    void aRealMediaErrorClosesOnTheNextCompletedPlayOfThatMedia(TestAdmin admin) throws Exception {
        var screen = new Screen(admin);
        Instant failed = clock.instant().minusSeconds(120);
        screen.play("m-rusak", failed, false, "MEDIA_CORRUPTED: cannot decode");
        watch(admin);
        assertThat(screen.openMediaErrors()).extracting(Incident::subject).containsExactly("m-rusak");
        assertThat(screen.card()).contains("Konten gagal diputar: m-rusak");

        // Another item completing changes nothing.
        screen.play("m-lain", failed.plusSeconds(15), true, null);
        watch(admin);
        assertThat(screen.openMediaErrors()).hasSize(1);

        // It played to its end after the failure (uploaded late, so it began before the incident was opened).
        screen.play("m-rusak", failed.plusSeconds(30), true, null);
        watch(admin);
        assertThat(screen.openMediaErrors()).isEmpty();
        assertThat(new Incidents(admin.services().jdbi).of(screen.id, 5))
                .singleElement().satisfies(i -> assertThat(i.closedAt()).isNotNull());
    }

    @OnBothDatabases
    void editorsCloseAnIncidentWithANoteWhichIsAuditedAndReviewersCannot(TestAdmin admin) throws Exception {
        var screen = new Screen(admin);
        screen.play("m-rusak", clock.instant().minusSeconds(30), false, "MEDIA_UNSUPPORTED: codec");
        watch(admin);
        long id = screen.openMediaErrors().get(0).id();

        var reviewer = admin.session(Role.REVIEWER);
        assertThat(reviewer.get("/incidents/" + id).body()).contains("Konten gagal diputar")
                .doesNotContain("Tutup kejadian");
        assertThat(reviewer.postForm("/incidents/" + id + "/close", Map.of("note", "bukan urusan saya"))
                .statusCode()).isEqualTo(403);

        var editor = admin.session(Role.HEALTH_EDITOR);
        var missing = editor.postForm("/incidents/" + id + "/close", Map.of("note", "  "));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("data-field=\"note\"").contains("Tuliskan catatan");
        assertThat(screen.openMediaErrors()).hasSize(1);

        var ack = editor.postForm("/incidents/" + id + "/acknowledge", Map.of("note", "Sedang dicek teknisi"));
        assertThat(ack.statusCode()).isEqualTo(302);
        assertThat(screen.card()).contains("Ditangani oleh uji_health_editor");

        var close = editor.postForm("/incidents/" + id + "/close",
                Map.of("note", "Berkas diganti, sudah diputar ulang"));
        assertThat(close.statusCode()).isEqualTo(302);
        assertThat(editor.get("/incidents/" + id).body()).contains("Ditutup oleh uji_health_editor")
                .contains("Berkas diganti, sudah diputar ulang");
        assertThat(screen.openMediaErrors()).isEmpty();

        // The same failure does not open it again: the editor knew of it when closing.
        watch(admin);
        assertThat(screen.openMediaErrors()).isEmpty();

        var audit = TestScreens.adminClient(admin).get("/audit?action=incident.close").body();
        assertThat(audit).contains("incident.close").contains("uji_health_editor")
                .contains("Berkas diganti, sudah diputar ulang");
        assertThat(admin.services().audit.latest(50, 0)).filteredOn(e -> e.action().startsWith("incident."))
                .extracting(e -> e.action() + " " + e.actor() + " " + e.subjectId())
                .contains("incident.acknowledge uji_health_editor " + id, "incident.close uji_health_editor " + id)
                .noneMatch(x -> x.contains("uji_reviewer"));

        // A later failure of the same media opens a new incident.
        clock.advance(Duration.ofSeconds(5));
        screen.play("m-rusak", clock.instant(), false, "MEDIA_UNSUPPORTED: codec");
        watch(admin);
        assertThat(screen.openMediaErrors()).hasSize(1);
    }

    @OnBothDatabases
    void anOfflineScreenClosedByHandOpensAgainWhileItStaysOfflineSoReportsKeepItsOfflineTime(TestAdmin admin) {
        var screen = new Screen(admin);
        clock.advance(Duration.ofSeconds(95)); // three heartbeats missed
        watch(admin);
        var incidents = new Incidents(admin.services().jdbi);
        long id = incidents.openFor(screen.id, Incident.Kind.OFFLINE).get(0).id();
        var close = admin.session(Role.CITY_EDITOR).postForm("/incidents/" + id + "/close",
                Map.of("note", "Listrik padam di Bundaran"));
        assertThat(close.statusCode()).isEqualTo(302);
        assertThat(incidents.openFor(screen.id, Incident.Kind.OFFLINE)).isEmpty();

        watch(admin);
        assertThat(incidents.openFor(screen.id, Incident.Kind.OFFLINE)).singleElement()
                .satisfies(i -> assertThat(i.id()).isNotEqualTo(id));
        screen.beat();
        watch(admin);
        assertThat(incidents.openFor(screen.id, Incident.Kind.OFFLINE)).isEmpty();
    }
}
