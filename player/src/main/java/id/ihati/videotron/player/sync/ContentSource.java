package id.ihati.videotron.player.sync;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.nio.file.Path;
import java.util.Optional;

/** What playback needs from sync: the plan to play and the verified files it names. */
public interface ContentSource {

    /**
     * The manifest to play from: the newest one whose media are all cached and verified. A newer manifest
     * whose media are still downloading is not returned yet, so the old plan keeps playing meanwhile.
     */
    Optional<Manifest> manifest();

    /** The cached file with this SHA-256, only if its hash was verified; empty otherwise. */
    Optional<Path> verifiedFile(String sha256);

    /** Calls {@code listener} (on any thread) whenever {@link #manifest()} changes. */
    void onChange(Runnable listener);
}
