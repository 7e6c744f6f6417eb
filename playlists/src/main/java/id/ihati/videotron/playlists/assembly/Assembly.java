package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.util.List;

/**
 * A screen's manifest as assembled from a schedule.
 *
 * @param missing media ids the schedule names for the screen that the library cannot give it (left out; a
 *                booking left with no item is dropped)
 */
public record Assembly(Manifest manifest, List<String> missing) {
    public Assembly {
        missing = List.copyOf(missing);
    }
}
