package id.ihati.videotron.admin.booking;

/** Where the player API reads the schedule in force from. */
@FunctionalInterface
public interface ScheduleSource {
    PublishedSchedule published();
}
