package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.player.ManifestService;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which files the media endpoint gives a paired player, over real HTTP with two paired screens: only approved
 * files its own screen's manifests name, and for {@link ManifestService#FILE_GRACE} also those of a manifest a
 * newer publish replaced; every other file is the same 404 as one that does not exist.
 */
class DeviceFilesTest {
    final MutableClock clock = new MutableClock(Instant.now());
    TestAdmin admin;
    MediaFixtures fx;
    TestPlayer playerA;
    TestPlayer playerB;

    /** An uploaded image: its media id and its file's SHA-256. */
    record Item(String id, String sha) {
    }

    @BeforeEach
    void start() {
        admin = TestAdmin.start(TestDatabases.h2Url(), clock);
        fx = new MediaFixtures(admin);
        playerA = new TestPlayer(admin.baseUrl(), TestScreens.createAndPair(admin, TestScreens.profile("layar-a")));
        playerB = new TestPlayer(admin.baseUrl(), TestScreens.createAndPair(admin, TestScreens.profile("layar-b")));
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    @Test
    void aPlayerGetsTheFilesOfItsOwnManifestAndTheSame404ForAnyOtherFileThatExists() {
        Item onA = image(Role.HEALTH_EDITOR, true);
        Item onB = image(Role.HEALTH_EDITOR, true);
        Item unbooked = image(Role.HEALTH_EDITOR, true);
        Item pending = image(Role.CONTRIBUTOR, false);
        publish(Map.of("layar-a", onA, "layar-b", onB));

        assertThat(MediaFixtures.manifestFiles(playerA)).containsExactly(onA.sha());
        assertThat(fetch(playerA, onA.sha()).statusCode()).isEqualTo(200);
        assertThat(fetch(playerB, onB.sha()).statusCode()).isEqualTo(200);

        var unknown = fetch(playerA, "0".repeat(64));
        assertThat(unknown.statusCode()).isEqualTo(404);
        for (String other : List.of(onB.sha(), unbooked.sha(), pending.sha())) {
            var r = fetch(playerA, other);
            assertThat(r.statusCode()).as("screen A asking for " + other).isEqualTo(404);
            assertThat(r.body()).as("no hint that the file exists").isEqualTo(unknown.body());
        }
        assertThat(fetch(playerB, onA.sha()).statusCode()).isEqualTo(404);
        assertThat(fx.as(Role.REVIEWER).get("/api/v1/media/" + pending.sha()).statusCode())
                .as("staff still preview any file").isEqualTo(200);
    }

    @Test
    void aPlayerMidUpdateGetsTheNewPlansFilesAndForADayTheFilesOfThePlanItStillPlays() {
        Item before = image(Role.HEALTH_EDITOR, true);
        Item after = image(Role.HEALTH_EDITOR, true);
        publish(Map.of("layar-a", before));
        assertThat(MediaFixtures.manifestFiles(playerA)).containsExactly(before.sha());
        assertThat(fetch(playerA, after.sha()).statusCode()).as("not booked yet").isEqualTo(404);

        // A new plan replaces the old one: the player downloads the new file before it switches, and may
        // still need the old plan's file meanwhile.
        publish(Map.of("layar-a", after));
        assertThat(MediaFixtures.manifestFiles(playerA)).containsExactly(after.sha());
        assertThat(fetch(playerA, after.sha()).statusCode()).isEqualTo(200);
        assertThat(fetch(playerA, before.sha()).statusCode()).isEqualTo(200);
        assertThat(fetch(playerB, before.sha()).statusCode()).as("never on screen B").isEqualTo(404);

        clock.advance(ManifestService.FILE_GRACE.plusMinutes(1));
        assertThat(fetch(playerA, before.sha()).statusCode()).as("a day after its plan was replaced").isEqualTo(404);
        assertThat(fetch(playerA, after.sha()).statusCode()).isEqualTo(200);
    }

    private Item image(Role uploader, boolean approve) {
        Map<String, String> fields = meta("Gambar uji", "HEALTH", "");
        if (approve) {
            fields.put("approveNow", "true");
        }
        JsonNode m = fx.uploaded(uploader, "gambar.png", MediaFixtures.uniquePng(64, 32), fields);
        return new Item(m.get("id").asText(), m.get("file").get("sha256").asText());
    }

    /** Publishes each screen's one booking (made or changed) with its item. */
    private void publish(Map<String, Item> byScreen) {
        var scheduling = admin.services().scheduling;
        User health = user(Role.HEALTH_EDITOR);
        LocalDate today = LocalDate.now(clock.withZone(ScreenProfile.DEFAULT_ZONE));
        byScreen.forEach((screen, item) -> scheduling.saveDraft(health, new Booking("bk-" + screen,
                "Uji " + screen, Category.HEALTH, "Dinkes", List.of(item.id()), Targets.screens(screen), today,
                today.plusDays(30), Set.of(), List.of(), new Frequency.PerLoop(1), 5)));
        scheduling.publish(health, scheduling.latestNumber(), "uji berkas pemutar");
    }

    private User user(Role role) {
        return admin.services().users.findByUsername("uji_" + role.name().toLowerCase(Locale.ROOT)).orElseThrow();
    }


    private static HttpResponse<String> fetch(TestPlayer player, String sha) {
        return player.get(ManifestService.MEDIA_PATH + sha);
    }
}
