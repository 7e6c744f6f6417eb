package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** What the review templates show, shaped for them, and formatting in the page's language. */
public final class Views {
    private Views() {
    }

    /** One hour of a screen's day in the week view: the category that had most of it, and each share. */
    public record HourCell(int hour, String dominant, String tooltip) {
    }

    /** One screen-day of the week view. */
    public record DayRow(LocalDate day, List<HourCell> hours) {
    }

    /** One screen's week. */
    public record ScreenWeek(String screenId, String name, List<DayRow> days) {
    }

    /** One play in the day view. */
    public record Slot(String start, String end, String category, String title, String content, String sourceId,
                       int slots, boolean highlighted) {
    }

    /** One loop in the day view. */
    public record Loop(String start, List<Slot> slots, boolean highlighted) {
    }

    /** A booking as the list shows it. */
    public record BookingLine(Booking booking, String status, String targets, String windows, String frequency,
                              int comments) {
    }

    /** One booking that changed between two versions. */
    public record Change(String kind, String bookingId, String title, String detail) {
    }

    /** One published schedule version, with what changed from the one before. */
    public record VersionLine(long version, Instant from, int bookings, List<Change> changes, int comments) {
    }

    public static String pct(PageContext page, double value) {
        return page.fmt().percent(value);
    }

    public static String num(PageContext page, long n) {
        return page.fmt().number(n);
    }

    public static String date(PageContext page, LocalDate d) {
        return page.fmt().dayDate(d);
    }

    public static String dateTime(PageContext page, Instant t, ZoneId zone) {
        return page.fmt().dateTime(t, zone);
    }

    public static String windows(List<TimeWindow> windows) {
        return windows.stream().map(w -> w.equals(TimeWindow.ALL_DAY) ? "00:00–24:00" : w.from() + "–" + w.to())
                .collect(Collectors.joining(", "));
    }

    /**
     * The hours {@code b} can really play on {@code screens} (its windows inside each screen's operating hours,
     * as the playlists assembler says) on its first playing day from {@code today}: "05:00–24:00". When the
     * screens differ, each is named; a screen where it never plays is left out.
     */
    public static String playableHours(Booking b, List<ScreenProfile> screens,
                                       LocalDate today) {
        LocalDate day = b.dateFrom().isAfter(today) ? b.dateFrom() : today;
        for (int i = 0; i < 7 && !b.weekdays().contains(day.getDayOfWeek()); i++) {
            day = day.plusDays(1);
        }
        var byText = new java.util.LinkedHashMap<String, List<String>>();
        for (ScreenProfile sc : screens) {
            LocalDate d = day;
            var midnight = d.atStartOfDay(sc.timeZone());
            String text = Assembler.playableWindows(b, sc, d).stream()
                    .map(w -> clock(midnight.toInstant(), w.from()) + "–" + clock(midnight.toInstant(), w.to()))
                    .collect(Collectors.joining(", "));
            if (!text.isEmpty()) {
                byText.computeIfAbsent(text, k -> new java.util.ArrayList<>()).add(sc.name());
            }
        }
        if (byText.isEmpty()) {
            return windows(b.windows());
        }
        if (byText.size() == 1) {
            return byText.keySet().iterator().next();
        }
        return byText.entrySet().stream().map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /** "05:00", or "24:00" for the next midnight, from seconds after {@code midnight}. */
    private static String clock(Instant midnight, Instant t) {
        long s = t.getEpochSecond() - midnight.getEpochSecond();
        long h = s / 3600;
        return String.format(java.util.Locale.ROOT, "%02d:%02d", h > 24 || h == 24 && s % 3600 != 0 ? h - 24 : h,
                s / 60 % 60);
    }

    public static String frequency(PageContext page, Frequency f) {
        if (f instanceof Frequency.PerLoop p) {
            return page.t("review.freq.perLoop", p.slots());
        }
        if (f instanceof Frequency.EveryNthLoop n) {
            return page.t("review.freq.everyNth", n.n());
        }
        return page.t("review.freq.perDay", ((Frequency.PerDay) f).plays());
    }

    public static String hours(PageContext page, long seconds) {
        return page.fmt().hoursMinutes(seconds);
    }
}
