package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import java.util.List;

/**
 * Seeding for {@code --demo} and scripts: bookings saved and published through the same rules, audit and
 * player notification as the pages. Media and screens must exist first (approved media, known screens).
 */
public final class DemoSchedule {
    private DemoSchedule() {
    }

    /**
     * Saves every booking as a draft and publishes them, then sets the filler (when given), each as the
     * given ADMIN. Returns the latest version.
     */
    public static ScheduleVersion publish(Scheduling sched, User admin, List<Booking> bookings, Filler filler,
                                          String note) {
        for (Booking b : bookings) {
            sched.saveDraft(admin, b);
        }
        ScheduleVersion v = sched.publish(admin, sched.latestNumber(), note);
        if (filler != null) {
            v = sched.setFiller(admin, filler, v.version(), note);
        }
        return v;
    }
}
