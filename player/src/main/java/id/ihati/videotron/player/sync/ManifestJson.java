package id.ihati.videotron.player.sync;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.validation.Parsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading a manifest document from the server or the disk, with the shared codec. */
final class ManifestJson {
    private ManifestJson() {
    }

    /**
     * The manifest in {@code json}. Refuses a document with field errors, and one whose content does not
     * match its {@code contentHash} (damaged on the way or on disk): playing a plan nobody published is
     * worse than playing the previous one a little longer.
     */
    static Manifest read(byte[] json) throws IOException {
        Parsed<Manifest> parsed = ManifestCodec.read(new String(json, StandardCharsets.UTF_8));
        if (!(parsed instanceof Parsed.Ok<Manifest> ok)) {
            throw new IOException("manifest refused: " + parsed.errors());
        }
        Manifest manifest = ok.value();
        if (!ManifestCodec.contentHashMatches(manifest)) {
            throw new IOException("manifest refused: its content does not match its contentHash "
                    + manifest.contentHash());
        }
        return manifest;
    }
}
