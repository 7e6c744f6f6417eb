package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.FitMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * For bin/bench-player-startup: fills a data directory as a paired player leaves it after a sync — device token,
 * {@code manifest/current.json} (filler pb-red and pb-blue, always on) and the verified files in
 * {@code media/<sha256>} — so the player starts from a warm cache. Argument: the data directory.
 */
public final class StartupFixture {
    private StartupFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir.resolve("manifest"));
        Files.createDirectories(dir.resolve("media"));
        Files.writeString(dir.resolve("device-token"), "bench-token-not-valid-on-any-server");
        var base = TestMedia.manifest(TestMedia.screen(FitMode.CONTAIN, true), "pb-red", "pb-red.mp4",
                "pb-blue.mp4");
        var manifest = ManifestCodec.withContentHash(new id.ihati.videotron.playlists.manifest.Manifest(
                base.formatVersion(), base.screen(), base.generatedAt(), base.validUntil(), base.scheduleVersion(),
                base.mediaPath(), base.media(), base.bookings(), base.alerts(),
                new id.ihati.videotron.playlists.schedule.Filler(java.util.List.of("pb-red", "pb-blue")), null));
        Files.writeString(dir.resolve("manifest/current.json"), ManifestCodec.write(manifest), StandardCharsets.UTF_8);
        for (var m : manifest.media()) {
            Files.copy(TestMedia.DIR.resolve(m.id() + ".mp4"), dir.resolve("media").resolve(m.sha256()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
