package id.ihati.videotron.admin.screen;

import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.Instant;

/**
 * A screen as the admin keeps it: the profile the players and the resolver use, plus notes for the staff and
 * the bookkeeping of edits.
 *
 * @param revision counts edits, starting at 1
 */
public record Screen(ScreenProfile profile, String notes, Instant createdAt, Instant updatedAt, long revision) {
    public String id() {
        return profile.id();
    }
}
