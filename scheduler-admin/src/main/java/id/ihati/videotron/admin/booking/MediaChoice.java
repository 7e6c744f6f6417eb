package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.MediaKind;

/** An approved media item as the booking form's picker lists it. */
public record MediaChoice(String id, String title, MediaKind kind, long durationMillis) {
    /** "Video · 15 dtk" style label, seconds rounded up. */
    public long seconds() {
        return (durationMillis + 999) / 1000;
    }
}
