package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One planned showing of one media file on one screen.
 *
 * @param sourceId  the booking or alert id; {@code null} for filler
 * @param day       the screen-local day the loop belongs to
 * @param loop      index of the loop in that day (loop <i>k</i> starts at local midnight + <i>k</i>·loop length)
 * @param slot      index of the first slot it occupies in the loop
 * @param slots     number of consecutive slots it occupies
 */
public record PlannedPlay(
        Instant start,
        Instant end,
        String screenId,
        String mediaId,
        Category category,
        String sourceId,
        LocalDate day,
        int loop,
        int slot,
        int slots) {

    public PlannedPlay {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a play must end after it starts");
        }
    }
}
