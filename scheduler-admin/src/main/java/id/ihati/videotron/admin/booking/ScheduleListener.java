package id.ihati.videotron.admin.booking;

/**
 * Told after every change of what is on the street (a publish, rollback, filler, alert or boundary). The
 * player hub listens, registered by the composition root: booking does not know the players.
 */
@FunctionalInterface
public interface ScheduleListener {
    void scheduleChanged();
}
