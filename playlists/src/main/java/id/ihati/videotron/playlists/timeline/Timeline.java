package id.ihati.videotron.playlists.timeline;

import java.time.Instant;
import java.util.List;

/**
 * What the resolver decided for a range: the plays in start order, the shortfalls, and the first instant
 * after the range's start at which what is planned can change (the next loop boundary where a booking,
 * alert, operating window or media validity starts or ends), or {@code null} if nothing changes.
 */
public record Timeline(List<PlannedPlay> plays, List<Shortfall> shortfalls, Instant nextChange) {
    public Timeline {
        plays = List.copyOf(plays);
        shortfalls = List.copyOf(shortfalls);
    }
}
