package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.MediaKind;

/** An approved media item as the booking form's picker lists it. */
public record MediaChoice(String id, String title, MediaKind kind, long durationMillis, Category category,
                          String thumbnailUrl) {
    /** Length of one play in whole seconds, rounded up. */
    public long seconds() {
        return (durationMillis + 999) / 1000;
    }
}
