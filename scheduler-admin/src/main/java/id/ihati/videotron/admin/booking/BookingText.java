package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Bookings in plain words for the pages, in the page's language. Times are the screens' local time (WIB). */
public final class BookingText {
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private BookingText() {
    }

    public static String frequency(PageContext p, Frequency f) {
        if (f instanceof Frequency.PerLoop x) {
            return p.t("booking.freq.perLoop.text", x.slots());
        }
        if (f instanceof Frequency.EveryNthLoop x) {
            return x.n() == 1 ? p.t("booking.freq.perLoop.text", 1) : p.t("booking.freq.everyNth.text", x.n());
        }
        return p.t("booking.freq.perDay.text", ((Frequency.PerDay) f).plays());
    }

    public static String windows(PageContext p, List<TimeWindow> windows) {
        if (windows.equals(List.of(TimeWindow.ALL_DAY))) {
            return p.t("booking.allDay");
        }
        return windows.stream().map(w -> w.from() + "–" + w.to() + (w.overnight() ? " (" + p.t("booking.overnight")
                + ")" : "")).collect(Collectors.joining(", ")) + " WIB";
    }

    public static String weekdays(PageContext p, java.util.Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return p.t("booking.everyDay");
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return p.t("booking.workdays");
        }
        return EnumSet.copyOf(days).stream().map(d -> day(p, d)).collect(Collectors.joining(", "));
    }

    public static String day(PageContext p, DayOfWeek d) {
        return p.fmt().day(d);
    }

    public static String dates(PageContext p, LocalDate from, LocalDate to) {
        var f = p.fmt();
        return from.equals(to) ? f.date(from) : f.date(from) + " – " + f.date(to);
    }

    public static String date(PageContext p, LocalDate d) {
        return p.fmt().longDate(d);
    }

    public static String when(PageContext p, Booking b) {
        return dates(p, b.dateFrom(), b.dateTo()) + " · " + weekdays(p, b.weekdays()) + " · " + windows(p, b.windows());
    }

    public static String targets(PageContext p, Targets t, Map<String, String> screenNames) {
        if (t.allScreens()) {
            return p.t("booking.targets.all");
        }
        var parts = new java.util.ArrayList<String>();
        t.screens().stream().sorted().forEach(s -> parts.add(screenNames.getOrDefault(s, s)));
        t.groups().stream().sorted().forEach(g -> parts.add(p.t("booking.group", g)));
        return String.join(", ", parts);
    }

    /** A moment in WIB, "25 Nov 2026 14:05 WIB". */
    public static String instant(PageContext p, Instant t) {
        return p.fmt().dateTime(t, WIB);
    }

    /**
     * A version's note; one the system wrote (a rollback or a filler change without a note) in the reader's
     * language. Versions of before 2026-12 stored those notes in Indonesian: they are recognised and translated.
     */
    public static String note(PageContext p, String note, Long rollbackOf) {
        if (rollbackOf != null && (note == null || note.isBlank() || note.equals("Rollback ke versi " + rollbackOf))) {
            return p.t("versions.rollbackNote", rollbackOf);
        }
        if (note == null || note.isBlank() || note.equals("Filler diperbarui")) {
            return p.t("versions.fillerNote");
        }
        return note;
    }

    public static String items(List<String> ids, Map<String, String> titles) {
        return ids.stream().map(i -> titles.getOrDefault(i, i)).collect(Collectors.joining(" → "));
    }

    public static String field(PageContext p, String name) {
        return p.t("booking.field." + name);
    }
}
