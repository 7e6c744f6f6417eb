package id.ihati.videotron.playlists.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A request for screen time: which media (rotating from loop to loop), where, on which days, in which daily
 * windows, how often, and how important it is against other bookings.
 *
 * @param items     media ids, in order; play <i>n</i> of the booking on a day shows item <i>n mod size</i>
 * @param dateFrom  first day, inclusive, in the screen's local time
 * @param dateTo    last day, inclusive
 * @param weekdays  days of the week it plays on; empty means every day
 * @param windows   daily windows; empty means the whole day
 * @param priority  higher wins when slots are short
 */
public record Booking(
        String id,
        String title,
        Category category,
        String ownerOrganisation,
        List<String> items,
        Targets targets,
        LocalDate dateFrom,
        LocalDate dateTo,
        Set<DayOfWeek> weekdays,
        List<TimeWindow> windows,
        Frequency frequency,
        int priority) {

    public Booking {
        Checks.notBlank(id, "booking id");
        Checks.notBlank(title, "booking title");
        Checks.notNull(category, "category");
        if (category != Category.HEALTH && category != Category.CITY) {
            throw new IllegalArgumentException("a booking is HEALTH or CITY, was " + category);
        }
        Checks.notBlank(ownerOrganisation, "owner organisation");
        items = List.copyOf(Checks.notEmpty(items, "items"));
        Checks.notNull(targets, "targets");
        Checks.notNull(dateFrom, "date from");
        Checks.notNull(dateTo, "date to");
        if (dateTo.isBefore(dateFrom)) {
            throw new IllegalArgumentException("date range ends (" + dateTo + ") before it starts (" + dateFrom + ")");
        }
        weekdays = weekdays == null || weekdays.isEmpty()
                ? Set.copyOf(EnumSet.allOf(DayOfWeek.class)) : Set.copyOf(weekdays);
        windows = windows == null || windows.isEmpty() ? List.of(TimeWindow.ALL_DAY) : List.copyOf(windows);
        Checks.notNull(frequency, "frequency");
    }
}
