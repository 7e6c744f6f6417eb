package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.media.intake.Clips;
import id.ihati.videotron.admin.media.intake.Ffmpeg;
import id.ihati.videotron.admin.media.intake.IntakePlan;
import id.ihati.videotron.admin.media.intake.IntakePlanner;
import id.ihati.videotron.admin.media.intake.Panel;
import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An iPhone-style HEVC clip converted with the admin server's own intake (same planner, same ffmpeg arguments:
 * {@link Ffmpeg#convertArgs}) plays through the real JavaFX player, with its sound, to its end. The admin's
 * classes come from its test-jar, which the player's tests already use.
 */
class ConvertedClipPlaysTest {
    @TempDir
    Path dir;

    @Test
    void anHevcPhoneClipConvertedByTheIntakePlaysWithSoundToItsEnd() throws Exception {
        Path hevc = Clips.make(dir, Clips.phoneAndEditorOutputs().get(0), 2);
        var ffmpeg = Ffmpeg.onPath();
        var screen = TestMedia.screen(FitMode.CONTAIN, true);
        var plan = (IntakePlan.Convert) IntakePlanner.decide(ffmpeg.probe(hevc).orElseThrow(),
                List.of(new Panel(screen.name(), screen.resolution(), screen.fitMode())));
        Path converted = dir.resolve("converted.mp4");
        ffmpeg.convert(hevc, converted, plan, p -> { });
        long millis = ffmpeg.probe(converted).orElseThrow().durationMillis();

        var base = TestMedia.manifest(screen, "pb-magenta", "pb-magenta.png");
        var media = new ArrayList<Media>(base.media());
        media.add(new Media("converted", MediaKind.VIDEO, TestMedia.sha256(converted), Files.size(converted), millis,
                plan.size(), "converted", "test", List.of(), null, null, true, null));
        var manifest = new Manifest(base.formatVersion(), base.screen(), base.generatedAt(), base.validUntil(),
                base.scheduleVersion(), base.mediaPath(), media, base.bookings(), base.alerts(), base.filler(),
                base.contentHash() + "-converted");
        try (var h = new Harness(new TestMedia.Content(manifest).add(converted))) {
            h.play(TestMedia.plays(Instant.now().plusMillis(1500), "converted", millis));
            Harness.waitUntil(Duration.ofSeconds(20), () -> h.outcomesOf("converted").size() == 1);
            PlayOutcome o = h.outcomesOf("converted").get(0);
            assertThat(o.error()).isNull();
            assertThat(o.completed()).isTrue();
            assertThat(Duration.between(o.actualStart(), o.actualEnd()).toMillis())
                    .as("played in real time to its end").isBetween(millis - 300, millis + 1000);
        }
    }
}
