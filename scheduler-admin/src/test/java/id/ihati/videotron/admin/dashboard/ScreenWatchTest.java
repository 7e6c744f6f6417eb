package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.web.Json;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents and the daily roll-up on a clock moved by hand. Every test starts at the same moment (10:00 WIB on
 * 25 November) on a screen of its own, so they run in any order.
 */
class ScreenWatchTest {
    static final Instant START = Instant.parse("2026-11-25T03:00:00Z");
    static final MutableClock clock = new MutableClock(START);
    static TestAdmin admin;
    static Incidents incidents;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(TestDatabases.h2Url(), clock);
        incidents = new Incidents(admin.services().jdbi);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @BeforeEach
    void startOfTest() {
        clock.set(START);
    }

    /** One round of the Quartz job, on the controlled clock. */
    void runJob() {
        new ScreenWatchJob(admin.services().screenWatch, admin.services().clock).run(null);
    }

    static String heartbeat(long freeDisk, String mediaErrors) {
        return "{\"status\":\"PLAYING\",\"freeDiskBytes\":" + freeDisk + ",\"mediaErrors\":" + mediaErrors + "}";
    }

    List<Incident> openOf(String screen) {
        return incidents.open().stream().filter(i -> i.screenId().equals(screen)).toList();
    }

    @Test
    void aScreenThatMissesThreeHeartbeatsIsOfflineOnceAndBackWhenItBeats() {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("luring"));
        player.postJson("/api/v1/player/heartbeat", heartbeat(50_000_000_000L, "[]"));
        clock.advance(Duration.ofSeconds(85));
        runJob();
        assertThat(openOf("luring")).isEmpty();

        clock.advance(Duration.ofSeconds(10)); // 95 s: three beats of 30 s missed
        runJob();
        runJob();
        assertThat(openOf("luring")).extracting(Incident::kind).containsExactly(Incident.Kind.OFFLINE);
        assertThat(TestScreens.adminClient(admin).get("/").body()).contains("data-state=\"offline\"")
                .contains("data-incident=\"OFFLINE\"");

        player.postJson("/api/v1/player/heartbeat", heartbeat(50_000_000_000L, "[]"));
        runJob();
        assertThat(openOf("luring")).isEmpty();
        assertThat(incidents.of("luring", 10)).hasSize(1).allMatch(i -> i.closedAt() != null);
    }

    @Test
    void anUnpairedScreenIsNeverOffline() {
        TestScreens.create(admin, TestScreens.profile("belum"));
        clock.advance(Duration.ofMinutes(10));
        runJob();
        assertThat(openOf("belum")).isEmpty();
    }

    @Test
    void lowDiskAndMediaErrorsBecomeIncidentsUntilTheyAreFixed() throws Exception {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("disk"));
        player.postJson("/api/v1/player/heartbeat", heartbeat(500_000_000L,
                "[{\"mediaId\":\"m-rusak\",\"error\":\"MEDIA_UNSUPPORTED\"}]"));
        runJob();
        assertThat(openOf("disk")).extracting(Incident::kind)
                .containsExactlyInAnyOrder(Incident.Kind.DISK_LOW, Incident.Kind.MEDIA_ERROR);
        assertThat(openOf("disk")).filteredOn(i -> i.kind() == Incident.Kind.MEDIA_ERROR)
                .extracting(Incident::subject).containsExactly("m-rusak");

        clock.advance(Duration.ofSeconds(20));
        player.postJson("/api/v1/player/heartbeat", heartbeat(30_000_000_000L, "[]"));
        runJob();
        assertThat(openOf("disk")).extracting(Incident::kind).containsExactly(Incident.Kind.MEDIA_ERROR);

        // the media plays to its end again: the error is over
        Instant t = clock.instant();
        var rec = PlayRecord.chained("p-ok-1", "disk", 1, "m-rusak", null, Category.FILLER, t, t.plusSeconds(15), t,
                t.plusSeconds(15), true, null, PlayRecord.GENESIS);
        clock.advance(Duration.ofSeconds(1));
        var r = player.postJson("/api/v1/player/plays",
                Json.mapper().writeValueAsString(Map.of("records", List.of(rec))));
        assertThat(r.statusCode()).isEqualTo(200);
        runJob();
        assertThat(openOf("disk")).isEmpty();
    }

    @Test
    void proofOfPlayIsRolledUpPerScreenSourceMediaAndLocalDayIdempotently() throws Exception {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("rekap"));
        // 23:59:30 WIB on 25 Nov and 00:00:00 WIB on 26 Nov fall on different local days
        Instant late = Instant.parse("2026-11-25T16:59:30Z");
        List<PlayRecord> records = new ArrayList<>();
        String prev = PlayRecord.GENESIS;
        Instant[] starts = {late.minusSeconds(60), late.minusSeconds(30), late, late.plusSeconds(30)};
        String[] media = {"m-dbd", "m-dbd", "m-dbd", "m-gizi"};
        for (int i = 0; i < starts.length; i++) {
            var rec = PlayRecord.chained("roll-" + i, "rekap", i + 1, media[i], "b-12", Category.HEALTH, starts[i],
                    starts[i].plusSeconds(15), starts[i], starts[i].plusSeconds(i == 1 ? 5 : 15), i != 1,
                    i == 1 ? "cut short" : null, prev);
            records.add(rec);
            prev = rec.hash();
        }
        player.postJson("/api/v1/player/plays", Json.mapper().writeValueAsString(Map.of("records", records)));
        var rollup = admin.services().playRollup;
        clock.set(Instant.parse("2026-11-26T03:00:00Z"));
        new PlayRollupJob(admin.services().playRollup, admin.services().clock).run(null);
        new PlayRollupJob(admin.services().playRollup, admin.services().clock).run(null);

        var day1 = rollup.daily("rekap", LocalDate.of(2026, 11, 25));
        assertThat(day1).hasSize(1);
        assertThat(day1.get(0).plays()).isEqualTo(3);
        assertThat(day1.get(0).completedPlays()).isEqualTo(2);
        assertThat(day1.get(0).playedSeconds()).isEqualTo(35);
        assertThat(day1.get(0).sourceId()).isEqualTo("b-12");
        var day2 = rollup.daily("rekap", LocalDate.of(2026, 11, 26));
        assertThat(day2).extracting(PlayRollup.DailyPlays::mediaId).containsExactly("m-gizi");
    }

    @Test
    void aPictureFaultIsAnIncidentFromTheHeartbeatThatReportsItUntilOneNoLongerDoes() {
        TestPlayer player = TestScreens.player(admin, TestScreens.profile("beku"));
        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"pictureFault\":{\"kind\":\"FROZEN\","
                + "\"mediaId\":\"m-dbd\",\"since\":\"" + clock.instant().minusSeconds(2) + "\"}}");
        // Opened as the heartbeat arrives, not at the job's next round.
        assertThat(openOf("beku")).extracting(Incident::kind).containsExactly(Incident.Kind.FROZEN_PICTURE);
        assertThat(openOf("beku").get(0).since()).isEqualTo(clock.instant().minusSeconds(2));
        assertThat(TestScreens.adminClient(admin).get("/incidents").body()).contains("Gambar beku");

        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"pictureFault\":{\"kind\":\"BLACK\","
                + "\"mediaId\":\"m-dbd\",\"since\":\"" + clock.instant() + "\"}}");
        assertThat(openOf("beku")).extracting(Incident::kind).containsExactly(Incident.Kind.BLACK_PICTURE);
        runJob();
        assertThat(openOf("beku")).extracting(Incident::kind).containsExactly(Incident.Kind.BLACK_PICTURE);

        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"pictureFault\":null}");
        assertThat(openOf("beku")).isEmpty();
        assertThat(incidents.of("beku", 10)).hasSize(2).allMatch(i -> i.closedAt() != null);

        player.postJson("/api/v1/player/heartbeat", "{\"status\":\"PLAYING\",\"pictureFault\":{\"kind\":\"PURPLE\"}}");
        assertThat(openOf("beku")).as("a kind from a newer player opens nothing").isEmpty();
    }
}
