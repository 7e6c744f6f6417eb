package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the players' own resolver over a schedule for one screen and one local day: the preview, the diff's
 * plays per day and the timeline all come from here, so what staff see is what the street gets.
 */
public final class Planner {
    private final TimelineResolver resolver = new TimelineResolver();
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
    }

    /** The resolver's timeline of {@code screen} for its local {@code day}. */
    public Timeline day(Plan plan, ScreenProfile screen, LocalDate day) {
        Instant from = day.atStartOfDay(screen.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        return resolver.resolve(manifest(plan, screen, from, to), from, to);
    }

    /** The manifest the player of {@code screen} would get for this plan (bookings and alerts for it only). */
    public Manifest manifest(Plan plan, ScreenProfile screen, Instant from, Instant to) {
        List<Booking> bookings = plan.bookings().stream().filter(b -> b.targets().includes(screen)).toList();
        List<Alert> alerts = plan.alerts().stream().filter(a -> a.targets().includes(screen)).toList();
        Set<String> ids = new LinkedHashSet<>();
        bookings.forEach(b -> ids.addAll(b.items()));
        alerts.forEach(a -> ids.add(a.mediaId()));
        if (plan.filler() != null) {
            ids.addAll(plan.filler().items());
        }
        List<Media> found = new ArrayList<>();
        for (String id : ids) {
            media.forScreen(id, screen).ifPresent(found::add);
        }
        return new Manifest(Manifest.FORMAT_VERSION, screen, from, to, plan.version(), null, found, bookings,
                alerts, plan.filler(), null);
    }

    /** Plays on the day per category (a play spanning several slots counts once). */
    public static Map<Category, Integer> playsByCategory(Timeline t, LocalDate day) {
        var counts = new EnumMap<Category, Integer>(Category.class);
        for (PlannedPlay p : t.plays()) {
            if (p.day().equals(day)) {
                counts.merge(p.category(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Plays on the day per booking id. */
    public static Map<String, Integer> playsByBooking(Timeline t, LocalDate day) {
        var counts = new LinkedHashMap<String, Integer>();
        for (PlannedPlay p : t.plays()) {
            if (p.day().equals(day) && p.sourceId() != null
                    && (p.category() == Category.HEALTH || p.category() == Category.CITY)) {
                counts.merge(p.sourceId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Percentage of the day's playing time per category (dark time excluded), rounded. */
    public static Map<Category, Integer> sharePercent(Timeline t, LocalDate day) {
        var seconds = new EnumMap<Category, Long>(Category.class);
        long total = 0;
        for (PlannedPlay p : t.plays()) {
            if (p.day().equals(day)) {
                long s = java.time.Duration.between(p.start(), p.end()).toSeconds();
                seconds.merge(p.category(), s, Long::sum);
                total += s;
            }
        }
        var shares = new EnumMap<Category, Integer>(Category.class);
        for (var e : seconds.entrySet()) {
            shares.put(e.getKey(), total == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / total));
        }
        return shares;
    }
}
