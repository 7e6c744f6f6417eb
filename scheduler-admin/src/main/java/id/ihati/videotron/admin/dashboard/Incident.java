package id.ihati.videotron.admin.dashboard;

import java.time.Instant;

/**
 * Something wrong with a screen that staff should see.
 *
 * @param subject what it is about within its kind ("" for OFFLINE, DISK_LOW and HELD_PLAYS, the media id for MEDIA_ERROR)
 */
public record Incident(long id, String screenId, Kind kind, String subject, String detail, Instant openedAt,
                       Instant closedAt) {

    public enum Kind { OFFLINE, MEDIA_ERROR, DISK_LOW, HELD_PLAYS }

    public boolean open() {
        return closedAt == null;
    }
}
