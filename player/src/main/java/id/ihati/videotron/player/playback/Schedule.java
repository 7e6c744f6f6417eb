package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Instant;
import java.util.List;

/**
 * The plays of a manifest in a time range, in start order. In the player this is the playlists resolver; tests
 * give hand-made plays, so playback can be tested without it.
 */
@FunctionalInterface
public interface Schedule {

    List<PlannedPlay> plays(Manifest manifest, Instant from, Instant to);

    /** The real thing: the shared, pure timeline resolver. */
    static Schedule resolver() {
        var resolver = new TimelineResolver();
        return (manifest, from, to) -> resolver.resolve(manifest, from, to).plays();
    }

    /** Always these plays (those overlapping the asked range), whatever the manifest says. */
    static Schedule fixed(List<PlannedPlay> plays) {
        var copy = List.copyOf(plays);
        return (manifest, from, to) -> copy.stream()
                .filter(p -> p.end().isAfter(from) && p.start().isBefore(to))
                .toList();
    }
}
