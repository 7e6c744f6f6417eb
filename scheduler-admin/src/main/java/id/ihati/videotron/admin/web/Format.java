package id.ihati.videotron.admin.web;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that writes dates, times and numbers for people, in the page's language: "5 Des 2026" and
 * "1.440" in Indonesian, "5 Dec 2026" and "1,440" in English. Every page helper and template formats through it
 * (a {@link PageContext} hands one out as {@code page.fmt()}), so no page mixes the two languages' formats.
 * Times are office time (WIB) unless a zone is given.
 */
public record Format(Locale locale) {
    /** The zone of the office and, by default, of the screens: Western Indonesian Time. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");
    private static final Map<String, String> ZONE_LABELS = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    public Format {
        locale = Messages.EN.getLanguage().equals(locale.getLanguage()) ? Messages.EN : Messages.ID;
    }

    public static Format of(Locale locale) {
        return new Format(locale);
    }

    /** "1.440" / "1,440". */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A number with exactly {@code digits} decimals: "63,5" / "63.5". */
    public String decimal(double value, int digits) {
        var nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(digits);
        nf.setMaximumFractionDigits(digits);
        return nf.format(value);
    }

    /** "63,5 %" / "63.5 %". */
    public String percent(double value) {
        return decimal(value, 1) + " %";
    }

    /** A file size: "512 B", "1,5 MB" / "1.5 MB". */
    public String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        return n < 1024 * 1024 ? decimal(n / 1024.0, 1) + " KB" : decimal(n / (1024.0 * 1024), 1) + " MB";
    }

    /** A clip's length, "1:05", or "0:03,5" / "0:03.5" for clips under ten seconds. */
    public String clip(long millis) {
        long s = millis / 1000;
        long tenths = (millis % 1000) / 100;
        String base = (s / 60) + ":" + String.format(locale, "%02d", s % 60);
        char separator = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return s < 10 && tenths > 0 ? base + separator + tenths : base;
    }

    /** A duration as hours and minutes, "1.234:05" / "1,234:05". */
    public String hoursMinutes(long seconds) {
        return number(seconds / 3600) + ":" + String.format(locale, "%02d", seconds / 60 % 60);
    }

    /** "5 Des 2026" / "5 Dec 2026". */
    public String date(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("d MMM yyyy", locale));
    }

    /** "Sab 5 Des 2026" / "Sat 5 Dec 2026". */
    public String dayDate(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale));
    }

    /** "Sabtu, 5 Desember 2026" / "Saturday, 5 December 2026". */
    public String longDate(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale));
    }

    /** "5 Desember 2026" / "5 December 2026". */
    public String fullDate(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    /** "5 Des 2026 14:05 WIB", in office time. */
    public String dateTime(Instant t) {
        return dateTime(t, OFFICE_ZONE);
    }

    /** "5 Des 2026 14:05 WITA", in {@code zone}. */
    public String dateTime(Instant t, ZoneId zone) {
        return t == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).format(t.atZone(zone))
                + " " + zoneLabel(zone);
    }

    /** "14:05:09 WIB" when {@code t} is on the same day as {@code now}, else as {@link #dateTime(Instant, ZoneId)}. */
    public String moment(Instant t, ZoneId zone, Instant now) {
        if (t == null) {
            return "";
        }
        if (t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
            return DateTimeFormatter.ofPattern("HH:mm:ss", locale).format(t.atZone(zone)) + " " + zoneLabel(zone);
        }
        return dateTime(t, zone);
    }

    /** "14:05" (the same in both languages; kept here so every time is written one way). */
    public String time(LocalTime t) {
        return t == null ? "" : t.format(DateTimeFormatter.ofPattern("HH:mm", locale));
    }

    /** An hour of the day as a two-digit label, "09". */
    public String hour(int h) {
        return String.format(locale, "%02d", h);
    }

    /** "Sen" / "Mon". */
    public String day(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, locale);
    }

    /** "WIB" for Asia/Jakarta, else the zone's id. */
    public static String zoneLabel(ZoneId zone) {
        return ZONE_LABELS.getOrDefault(zone.getId(), zone.getId());
    }
}
