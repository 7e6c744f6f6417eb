package id.ihati.videotron.playlists.schedule;

import java.util.List;

/** What plays in slots no booking took: these media in rotation. */
public record Filler(List<String> items) {
    public Filler {
        items = List.copyOf(Checks.notEmpty(items, "filler items"));
    }
}
