package id.ihati.videotron.admin.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/**
 * The common cases, one click each. A preset sets when and how often; what and where stay as typed. Names
 * are message keys {@code preset.<name>} (label) and {@code preset.<name>.hint}.
 */
public final class Presets {
    public static final List<String> NAMES = List.of("everyLoopThisMonth", "rushHours", "weekend", "evening",
            "campaignWeek", "fewTimesADay");
    private static final Set<String> WORKDAYS = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private Presets() {
    }

    /** The form with the preset applied, or unchanged for an unknown name. */
    public static BookingForm apply(String name, BookingForm f, LocalDate today) {
        String monthEnd = today.with(TemporalAdjusters.lastDayOfMonth()).toString();
        String t = today.toString();
        return switch (name) {
            case "everyLoopThisMonth" -> when(f, t, monthEnd, Set.of(), List.of(), "PER_LOOP", "1");
            case "rushHours" -> when(f, t, monthEnd, WORKDAYS, List.of(new BookingForm.Window("06:00", "09:00"),
                    new BookingForm.Window("16:00", "19:00")), "PER_LOOP", "2");
            case "weekend" -> when(f, t, today.plusWeeks(4).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                    .toString(), Set.of("SATURDAY", "SUNDAY"), List.of(), "PER_LOOP", "1");
            case "evening" -> when(f, t, monthEnd, Set.of(), List.of(new BookingForm.Window("18:00", "06:00")),
                    "PER_LOOP", "1");
            case "campaignWeek" -> when(f, t, today.plusDays(6).toString(), Set.of(), List.of(), "PER_LOOP", "2");
            case "fewTimesADay" -> when(f, t, monthEnd, Set.of(), List.of(), "PER_DAY", "24");
            default -> f;
        };
    }

    private static BookingForm when(BookingForm f, String from, String to, Set<String> days,
                                    List<BookingForm.Window> windows, String type, String value) {
        return new BookingForm(f.id(), f.title(), f.category(), f.owner(), f.items(), f.screens(), f.groups(),
                f.allScreens(), from, to, days, windows, type, type.equals("PER_LOOP") ? value : "",
                type.equals("EVERY_NTH_LOOP") ? value : "", type.equals("PER_DAY") ? value : "", f.priority(),
                f.confirmOverbooked());
    }
}
