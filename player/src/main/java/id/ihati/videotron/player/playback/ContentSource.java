package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What playback needs to play: the plan and the verified files it names. Owned by playback, implemented by sync
 * (ManifestSync), so playback never imports sync.
 */
public interface ContentSource {

    /**
     * The manifest to play from: the newest one, without the media whose files are not cached yet (so the
     * resolver treats them as unavailable and never plans a play of a missing file). Items join as their files
     * arrive.
     */
    Optional<Manifest> manifest();

    /**
     * While the newest plan's files are still downloading, the plan that played before it, all of whose files
     * are cached: it fills the times at which {@link #manifest()} has nothing to play. Empty otherwise.
     */
    default Optional<Manifest> fallback() {
        return Optional.empty();
    }

    /** The cached file with this SHA-256, only if its hash was verified; empty otherwise. */
    Optional<Path> verifiedFile(String sha256);

    /** Calls {@code listener} (on any thread) whenever {@link #manifest()} or {@link #fallback()} changes. */
    void onChange(Runnable listener);
}
