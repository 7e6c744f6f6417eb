package id.ihati.videotron.player.sync;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.io.IOException;

/** Reading a manifest document. */
final class ManifestJson {
    private ManifestJson() {
    }

    static Manifest read(byte[] json) throws IOException {
        return Json.mapper().readValue(json, Manifest.class);
    }
}
