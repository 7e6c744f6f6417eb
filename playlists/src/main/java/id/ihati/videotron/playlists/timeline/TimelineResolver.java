package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.time.Instant;

/** Decides what plays when. Pure: same input, identical output; no clock or random source is read. */
public final class TimelineResolver {

    /** The plays of {@code manifest}'s screen in {@code [from, to)}, with shortfalls and the next change. */
    public Timeline resolve(Manifest manifest, Instant from, Instant to) {
        throw new UnsupportedOperationException("resolver not written yet");
    }
}
