package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan changing under the player: alerts, restarts in the middle of a slot, dark hours, no plan. */
class PlanChangesTest {

    private static Manifest manifest(ScreenProfile screen) {
        return TestMedia.manifest(screen, "pb-magenta", "pb-red.mp4", "pb-blue.mp4", "pb-magenta.png");
    }

    @Test
    void anAlertPreemptsThePlayingVideoAtOnce() {
        var normal = manifest(TestMedia.screen(FitMode.CONTAIN, true));
        var withAlert = manifest(TestMedia.screen(FitMode.CONTAIN, true));
        var content = new TestMedia.Content(normal);
        try (var h = new Harness(content)) {
            Instant t0 = Instant.now();
            var regular = TestMedia.plays(t0, "pb-red", 20_000);
            h.play(regular);
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');

            Instant alertAt = Instant.now();
            var alert = new PlannedPlay(alertAt, alertAt.plusSeconds(20), TestMedia.SCREEN, "pb-blue",
                    Category.ALERT, "alert-1", regular.get(0).day(), 0, 0, 1);
            h.schedule = (m, from, to) -> m == withAlert ? List.of(alert) : regular;
            long changed = System.nanoTime();
            content.set(withAlert);
            Harness.waitUntil(Duration.ofSeconds(2), () -> h.centre() == 'B');
            long tookMillis = (System.nanoTime() - changed) / 1_000_000;
            h.screenshot("alert-preempted");

            assertThat(tookMillis).as("alert on screen within a second").isLessThan(1000);
            // The new picture can reach the screen a pulse before the engine hears of the player's first frame.
            Harness.waitUntil(Duration.ofMillis(500), () -> h.engine.nowPlaying().isPresent()
                    && h.engine.nowPlaying().get().sourceId().equals("alert-1"));
            assertThat(h.engine.nowPlaying()).get().extracting(NowPlaying::sourceId).isEqualTo("alert-1");
            Harness.waitUntil(Duration.ofSeconds(2), () -> h.outcomesOf("pb-red").size() == 1);
            var red = h.outcomesOf("pb-red").get(0);
            assertThat(red.completed()).isFalse();
            assertThat(red.error()).contains("pre-empted");
        }
    }

    @Test
    void whileTheNewPlanHasNothingPlayableTheOldPlanFillsInAndIsJournalledAsWhatWasShown() {
        var old = manifest(TestMedia.screen(FitMode.CONTAIN, true));
        var downloading = manifest(TestMedia.screen(FitMode.CONTAIN, true)).withContentHash("a-newer-plan");
        var content = new TestMedia.Content(old);
        try (var h = new Harness(content)) {
            Instant t0 = Instant.now();
            var oldPlays = TestMedia.plays(t0, "pb-red", 30_000);
            h.play(oldPlays);
            Harness.waitUntil(Duration.ofSeconds(5), () -> h.centre() == 'R');

            // The new plan can play only from 3 s on (its items before that are still downloading): the old
            // plan's video goes on until then, and then the new item takes over.
            Instant newFrom = Instant.now().plusSeconds(3);
            var newPlays = List.of(new PlannedPlay(newFrom, newFrom.plusSeconds(20), TestMedia.SCREEN, "pb-blue",
                    Category.HEALTH, "b-new", oldPlays.get(0).day(), 0, 1, 1));
            h.schedule = (m, from, to) -> m == downloading ? newPlays : oldPlays;
            content.set(downloading, old);
            // The change is taken: the old play is journalled up to it, and the old plan goes on in the gap.
            Harness.waitUntil(Duration.ofSeconds(2), () -> !h.outcomesOf("pb-red").isEmpty());
            assertThat(Instant.now()).as("still in the gap").isBefore(newFrom);
            assertThat(h.centre()).as("the old plan plays on in the gap").isEqualTo('R');
            Harness.waitUntil(Duration.ofSeconds(4), () -> h.centre() == 'B');
            Harness.waitUntil(Duration.ofSeconds(2), () -> !h.outcomesOf("pb-red").isEmpty());

            // Journalled as shown: the old play up to the new plan's change, then the piece that filled the gap,
            // which played to its (cut) end; nothing journalled as shown that was not.
            var red = h.outcomesOf("pb-red");
            var filled = red.get(red.size() - 1);
            assertThat(filled.planned().end()).isEqualTo(newFrom);
            assertThat(filled.completed()).isTrue();
            assertThat(filled.planned().sourceId()).isEqualTo(oldPlays.get(0).sourceId());
            assertThat(h.outcomesOf("pb-blue")).isEmpty();   // still playing
        }
    }

    @Test
    void aRestartedPlayerResumesTheRightSlotAtTheRightOffset() {
        var content = new TestMedia.Content(manifest(TestMedia.screen(FitMode.CONTAIN, true)));
        try (var h = new Harness(content)) {
            // The player "comes back" 4.5 s into a plan of three 3 s videos: pb-blue, 1.5 s in.
            Instant t0 = Instant.now().minusMillis(4500);
            h.play(TestMedia.plays(t0, "pb-red", 3000, "pb-blue", 3000, "pb-red", 3000));
            Harness.waitUntil(Duration.ofSeconds(3), () -> h.centre() == 'B');
            var c = h.pixel(Harness.W / 2, Harness.H / 2);
            long sinceStart = Duration.between(t0.plusMillis(3000), Instant.now()).toMillis();
            h.screenshot("resumed-mid-slot");

            assertThat(h.engine.nowPlaying()).get().extracting(NowPlaying::mediaId).isEqualTo("pb-blue");
            // Frame number (25 fps) matches the time since the slot started, not the start of the file.
            int expected = (int) (sinceStart / 40);
            assertThat(Colours.frame(c)).isBetween(expected - 8, expected + 3);
            assertThat(expected).isGreaterThan(30);
            Harness.waitUntil(Duration.ofSeconds(4), () -> h.outcomesOf("pb-blue").size() == 1);
            var blue = h.outcomesOf("pb-blue").get(0);
            assertThat(blue.completed()).isTrue();
            assertThat(blue.actualStart()).isAfter(blue.planned().start().plusSeconds(1));
            assertThat(h.outcomesOf("pb-red")).as("the slot that had passed is not played").isEmpty();
        }
    }

    @Test
    void outsideOperatingHoursTheScreenIsBlackAndTheDisplayAsleepUntilTheyStart() {
        // Operating hours start 3 s from now, local time, today only: in a zone where it is about noon now, so
        // that the test never runs into midnight.
        ZoneId zone = ZoneOffset.ofHours(12 - Instant.now().atZone(ZoneOffset.UTC).getHour());
        var now = Instant.now().atZone(zone);
        var opens = now.plusSeconds(3).toLocalTime().withNano(0);
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        hours.put(now.getDayOfWeek(), List.of(new TimeWindow(opens, LocalTime.of(23, 59, 59))));
        var screen = new ScreenProfile(TestMedia.SCREEN, "Layar uji", null, zone,
                new id.ihati.videotron.playlists.schedule.Resolution(320, 160), 60, 3, hours, Map.of(),
                FitMode.CONTAIN, true, null, null);
        Instant opening = now.toLocalDate().atTime(opens).atZone(zone).toInstant();
        try (var h = new Harness(new TestMedia.Content(manifest(screen)))) {
            h.play(TestMedia.plays(opening, "pb-magenta", 60_000));
            // The engine has decided the screen is off: it put the display to sleep.
            Harness.waitUntil(Duration.ofSeconds(2), () -> !h.powerCommands.isEmpty());
            assertThat(Instant.now()).as("still before the opening").isBefore(opening);

            assertThat(Fx.call(h.window::view)).isEqualTo(PlayerWindow.View.DARK);
            assertThat(h.pixel(Harness.W / 2, Harness.H / 2).getBrightness()).isLessThan(0.05);
            assertThat(h.engine.nowPlaying()).isEmpty();
            assertThat(h.powerCommands).containsExactly(List.of("xset", "dpms", "force", "off"));
            h.screenshot("dark-hours");
            Harness.waitUntil(Duration.ofSeconds(6), () -> h.centre() == 'M');
            assertThat(Fx.call(h.window::view)).isEqualTo(PlayerWindow.View.CONTENT);
            Harness.waitUntil(Duration.ofSeconds(2), () -> h.powerCommands.size() == 3);
            assertThat(h.powerCommands).containsExactly(List.of("xset", "dpms", "force", "off"),
                    List.of("xset", "dpms", "force", "on"), List.of("xset", "-dpms"));
        }
    }

    @Test
    void withoutAPlanTheScreenSaysThereIsNoContentYet() {
        var content = new TestMedia.Content(null);
        try (var h = new Harness(content)) {
            h.play(List.of());
            Harness.waitUntil(Duration.ofSeconds(2),
                    () -> Fx.call(h.window::view) == PlayerWindow.View.STATUS);
            Harness.waitUntil(Duration.ofSeconds(2), h::showsBrightPixels);   // the status line is drawn
            h.screenshot("no-content-yet");
            assertThat(h.engine.nowPlaying()).isEmpty();

            Instant t = Instant.now();
            h.schedule = Schedule.fixed(TestMedia.plays(t, "pb-magenta", 60_000));
            content.set(manifest(TestMedia.screen(FitMode.CONTAIN, true)));
            Harness.waitUntil(Duration.ofSeconds(3), () -> h.centre() == 'M');
        }
    }
}
