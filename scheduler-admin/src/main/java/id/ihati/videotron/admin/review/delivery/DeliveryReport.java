package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.LocalDate;
import java.util.List;

/**
 * Planned versus delivered for a period: one row per screen, day and source, and totals per screen, booking
 * and category. Days are the screens' local days, {@code from} to {@code to} inclusive.
 */
public record DeliveryReport(LocalDate from, LocalDate to, List<Row> rows, List<ScreenTotal> screens,
                             List<BookingTotal> bookings, List<CategoryTotal> categories, Tally total) {

    public DeliveryReport {
        rows = List.copyOf(rows);
        screens = List.copyOf(screens);
        bookings = List.copyOf(bookings);
        categories = List.copyOf(categories);
    }

    /** One screen, one day, one source ({@code sourceId} null for filler). */
    public record Row(String screenId, String screenName, LocalDate day, String sourceId, String title,
                      Category category, String owner, Tally tally) {
    }

    /** A screen's totals and whether its proof-of-play chain verified intact. */
    public record ScreenTotal(String screenId, String name, Tally tally, ChainStatus chain, long offlineSeconds) {
    }

    /** A booking's (or alert's) totals over all its screens and days. */
    public record BookingTotal(String bookingId, String title, Category category, String owner, Tally tally) {
    }

    /**
     * A category's totals.
     *
     * @param sharePercent its planned screen time as a percentage of all planned screen time
     */
    public record CategoryTotal(Category category, Tally tally, double sharePercent) {
    }

    /** The rows of one screen, or of one booking; a report narrowed to it. */
    public DeliveryReport onlyScreen(String screenId) {
        return DeliveryCalculator.regroup(this, rows.stream().filter(r -> r.screenId().equals(screenId)).toList(),
                screens.stream().filter(s -> s.screenId().equals(screenId)).toList());
    }

    public DeliveryReport onlyBooking(String bookingId) {
        var kept = rows.stream().filter(r -> bookingId.equals(r.sourceId())).toList();
        var screenIds = kept.stream().map(Row::screenId).distinct().toList();
        return DeliveryCalculator.regroup(this, kept,
                screens.stream().filter(s -> screenIds.contains(s.screenId())).toList());
    }
}
