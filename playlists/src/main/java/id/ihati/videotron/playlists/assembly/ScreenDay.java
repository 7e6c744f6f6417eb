package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one screen plays on one local day, as its player will: the plays of the day's loops (start order), the
 * resolver's shortfalls, each booking's outcome and each minimum share's check.
 */
public record ScreenDay(ScreenProfile screen, LocalDate day, List<PlannedPlay> plays, List<Shortfall> shortfalls,
                        List<BookingOutcome> bookings, List<ShareCheck> shares) {
    public ScreenDay {
        plays = List.copyOf(plays);
        shortfalls = List.copyOf(shortfalls);
        bookings = List.copyOf(bookings);
        shares = List.copyOf(shares);
    }

    /** Plays of one booking or alert that day. */
    public int plays(String sourceId) {
        return (int) plays.stream().filter(p -> sourceId.equals(p.sourceId())).count();
    }

    /**
     * Plays of one source that start before {@code t}: "planned so far" at {@code t}. A past day counts
     * whole, a future one nothing.
     */
    public int plannedBefore(String sourceId, Instant t) {
        return (int) plays.stream().filter(p -> sourceId.equals(p.sourceId()) && p.start().isBefore(t)).count();
    }

    /** Plays of every source that start before {@code t}. */
    public int plannedBefore(Instant t) {
        return (int) plays.stream().filter(p -> p.start().isBefore(t)).count();
    }

    public Optional<BookingOutcome> outcome(String bookingId) {
        return bookings.stream().filter(b -> b.bookingId().equals(bookingId)).findFirst();
    }

    /** Shortfalls that took plays (not those of bookings asking only for dark hours). */
    public List<Shortfall> losses() {
        return shortfalls.stream().filter(Shortfall::isLoss).toList();
    }

    /** Plays per category (a play spanning several slots counts once). */
    public Map<Category, Integer> playsByCategory() {
        var counts = new EnumMap<Category, Integer>(Category.class);
        plays.forEach(p -> counts.merge(p.category(), 1, Integer::sum));
        return counts;
    }

    /** Plays per booking id (health and city only). */
    public Map<String, Integer> playsByBooking() {
        var counts = new LinkedHashMap<String, Integer>();
        for (PlannedPlay p : plays) {
            if (p.sourceId() != null && (p.category() == Category.HEALTH || p.category() == Category.CITY)) {
                counts.merge(p.sourceId(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Percentage of the day's playing time per category (dark time excluded), rounded. */
    public Map<Category, Integer> sharePercent() {
        return Assembler.sharePercent(plays);
    }
}
