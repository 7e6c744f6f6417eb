package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Alert;
import java.time.Instant;

/** An alert with who put it up and who cancelled it. */
public record AlertRecord(Alert alert, AlertState state, String createdBy, Instant createdAt, String cancelledBy,
                          Instant cancelledAt) {
    public String id() {
        return alert.id();
    }

    /** The state the clock says it should have now (the stored one may lag by one job run). */
    public AlertState stateAt(Instant now) {
        if (state == AlertState.CANCELLED) {
            return state;
        }
        if (alert.until() != null && !now.isBefore(alert.until())) {
            return AlertState.ENDED;
        }
        return now.isBefore(alert.from()) ? AlertState.SCHEDULED : AlertState.ACTIVE;
    }
}
