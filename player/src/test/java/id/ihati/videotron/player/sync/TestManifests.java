package id.ihati.videotron.player.sync;

import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Manifests over the repository's real test media, for tests that need a plan without a server. */
final class TestManifests {
    static final Path MEDIA = Path.of("..", "test-media");

    private TestManifests() {
    }

    static Media media(String id, String file, MediaKind kind) {
        byte[] content = bytes(file);
        return new Media(id, kind, sha256(content), content.length, 10_000, new Resolution(960, 480), id, "Dinkes",
                List.of(), null, null, false, null);
    }

    /** A plan for screen {@code screenId} filling every slot with {@code media} in rotation. */
    static Manifest plan(String screenId, long scheduleVersion, Instant generatedAt, List<Media> media) {
        var m = new Manifest(Manifest.FORMAT_VERSION, TestScreens.profile(screenId), generatedAt,
                generatedAt.plusSeconds(7 * 86_400), scheduleVersion, null, media, List.of(), List.of(),
                new Filler(media.stream().map(Media::id).toList()), null);
        return ManifestCodec.withContentHash(m);
    }

    static FileRef ref(Media m) {
        return new FileRef(m.sha256(), m.size());
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(MEDIA.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
