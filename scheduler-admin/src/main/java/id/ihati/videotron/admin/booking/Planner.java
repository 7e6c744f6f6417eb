package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.Schedule;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.LocalDate;
import java.util.List;

/**
 * Plans a schedule for one screen and one local day with the playlists {@link Assembler}, the code that also
 * makes the players' manifests: the preview, the publish page, the diff's plays per day and the timeline all
 * come from here, so what staff see is what the street gets.
 */
public final class Planner {
    private final MediaCatalog media;

    public Planner(MediaCatalog media) {
        this.media = media;
    }

    /** A schedule to plan: bookings, alerts and filler (any of them may be empty or null). */
    public record Plan(List<Booking> bookings, List<Alert> alerts, Filler filler, long version) {
        public Plan {
            bookings = List.copyOf(bookings);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }

        public static Plan of(Snapshot s, List<Alert> alerts, long version) {
            return new Plan(s.bookings(), alerts, s.filler(), version);
        }

        public Schedule schedule() {
            return new Schedule(version, bookings, alerts, filler);
        }
    }

    /** What {@code screen} plays on its local {@code day} under the plan, and what each booking gets. */
    public ScreenDay day(Plan plan, ScreenProfile screen, LocalDate day) {
        return Assembler.day(plan.schedule(), media::forScreen, screen, day);
    }

    /** The day's plays and shortfalls as a resolver timeline (for the loop strips). */
    public static Timeline timeline(ScreenDay d) {
        return new Timeline(d.plays(), d.shortfalls(), null);
    }
}
