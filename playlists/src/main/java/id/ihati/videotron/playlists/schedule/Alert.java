package id.ihati.videotron.playlists.schedule;

import java.time.Instant;

/**
 * Emergency content that takes over the targeted screens from {@code from} until {@code until}
 * (exclusive; {@code null} means until cancelled), pre-empting every booking and filler.
 */
public record Alert(String id, String title, String mediaId, Targets targets, Instant from, Instant until,
                    int priority) {
    public Alert {
        Checks.notBlank(id, "alert id");
        Checks.notBlank(title, "alert title");
        Checks.notBlank(mediaId, "alert media");
        Checks.notNull(targets, "targets");
        Checks.notNull(from, "alert start");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("alert ends before it starts");
        }
    }

    /** True when the alert is in force at the given instant. */
    public boolean activeAt(Instant t) {
        return !t.isBefore(from) && (until == null || t.isBefore(until));
    }
}
