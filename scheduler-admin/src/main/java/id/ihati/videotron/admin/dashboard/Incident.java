package id.ihati.videotron.admin.dashboard;

import java.time.Instant;

/**
 * Something wrong with a screen that staff should see.
 *
 * @param subject      what it is about within its kind ("" for OFFLINE, DISK_LOW, HELD_PLAYS and the picture
 *                     faults, the media id for MEDIA_ERROR)
 * @param began        when the trouble began, if before it was opened (the last heartbeat of an offline screen,
 *                     the failed play of a media error), else {@code null}
 * @param acknowledged who said they are on it, or {@code null}
 * @param closing      who closed it by hand and why, or {@code null} (open, or closed by the server)
 */
public record Incident(long id, String screenId, Kind kind, String subject, String detail, Instant began,
                       Instant openedAt, Instant closedAt, Note acknowledged, Note closing) {

    /** BLACK_PICTURE and FROZEN_PICTURE: the player sees its own picture black or frozen while content plays. */
    public enum Kind { OFFLINE, MEDIA_ERROR, DISK_LOW, HELD_PLAYS, BLACK_PICTURE, FROZEN_PICTURE }

    /** A person's (or the system's) note on an incident. */
    public record Note(Instant at, String by, String text) {
    }

    public boolean open() {
        return closedAt == null;
    }

    /** When the trouble began: {@link #began} if known, else when it was opened. */
    public Instant since() {
        return began != null ? began : openedAt;
    }

    /** The same incident with its subject written for people (a media title instead of its id). */
    public Incident withSubject(String shown) {
        return new Incident(id, screenId, kind, shown, detail, began, openedAt, closedAt, acknowledged, closing);
    }
}
