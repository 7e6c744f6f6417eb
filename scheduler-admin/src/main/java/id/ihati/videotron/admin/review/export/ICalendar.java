package id.ihati.videotron.admin.review.export;

import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A screen's bookings as an iCalendar document (RFC 5545): one recurring event per booking and stretch of
 * hours it can really play (its windows inside the screen's operating hours, as the playlists assembler says;
 * weekdays with other operating hours get events of their own), in the screen's time zone with its VTIMEZONE. Text is escaped (§3.3.11) and lines are folded at 75 octets
 * (§3.1) without splitting a UTF-8 character; lines end in CRLF.
 */
public final class ICalendar {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * @param publicIds when true, UIDs are derived from a hash of the booking id so no internal id is shown
     */
    public static byte[] write(ScreenProfile screen, List<Booking> bookings, Instant now, boolean publicIds) {
        ZoneId zone = screen.timeZone();
        boolean fixed = zone.getRules().isFixedOffset() || zone.getRules().getTransitionRules().isEmpty()
                && zone.getRules().nextTransition(now) == null;
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//I-Hati Videotron//Jadwal Videotron//ID");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text("Jadwal videotron " + screen.name()));
        if (fixed) {
            line(out, "X-WR-TIMEZONE:" + zone.getId());
            vtimezone(out, zone, now);
        }
        for (Booking b : bookings) {
            if (!b.targets().includes(screen)) {
                continue;
            }
            int k = 0;
            for (Stretch st : playable(b, screen)) {
                event(out, screen, b, k++, st, now, publicIds, fixed);
            }
        }
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void vtimezone(StringBuilder out, ZoneId zone, Instant now) {
        ZoneOffset offset = zone.getRules().getOffset(now);
        String off = offset(offset);
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + zone.getId());
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:" + off);
        line(out, "TZOFFSETTO:" + off);
        String abbreviation = switch (offset.getTotalSeconds() / 3600) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> off;
        };
        line(out, "TZNAME:" + abbreviation);
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
    }

    private static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        char sign = s < 0 ? '-' : '+';
        s = Math.abs(s);
        return String.format("%c%02d%02d", sign, s / 3600, s / 60 % 60);
    }

    /**
     * One recurring stretch of hours: from {@code offset} seconds after local midnight, {@code length} seconds
     * long, on {@code days}, first on {@code first} and last on {@code last}.
     */
    private record Stretch(int offset, int length, java.util.Set<DayOfWeek> days, LocalDate first, LocalDate last) {
    }

    /**
     * The hours the booking can really play (its windows inside the screen's operating hours, as the playlists
     * assembler says), as recurring stretches: weekdays with the same hours share one. A stretch that starts
     * after midnight (the lit part of an overnight window) recurs on the weekday it starts on. The first and
     * last week of the range are enough: operating hours repeat weekly.
     */
    private static List<Stretch> playable(Booking b, ScreenProfile screen) {
        var days = new java.util.TreeSet<LocalDate>();
        for (int i = 0; i < 7; i++) {
            days.add(b.dateFrom().plusDays(i));
            days.add(b.dateTo().minusDays(i));
        }
        var byHours = new java.util.LinkedHashMap<List<Integer>, Stretch>();
        for (LocalDate d : days) {
            if (d.isBefore(b.dateFrom()) || d.isAfter(b.dateTo())) {
                continue;
            }
            for (Assembler.Window w : Assembler.playableWindows(b, screen, d)) {
                LocalDateTime from = LocalDateTime.ofInstant(w.from(), screen.timeZone());
                LocalDate on = from.toLocalDate();
                int offset = from.toLocalTime().toSecondOfDay();
                int length = (int) (w.to().getEpochSecond() - w.from().getEpochSecond());
                Stretch st = byHours.get(List.of(offset, length));
                var set = st == null ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(st.days());
                set.add(on.getDayOfWeek());
                byHours.put(List.of(offset, length), new Stretch(offset, length, set,
                        st == null || on.isBefore(st.first()) ? on : st.first(),
                        st == null || on.isAfter(st.last()) ? on : st.last()));
            }
        }
        return List.copyOf(byHours.values());
    }

    private static void event(StringBuilder out, ScreenProfile screen, Booking b, int w, Stretch st, Instant now,
                              boolean publicIds, boolean fixed) {
        ZoneId zone = screen.timeZone();
        java.util.Set<DayOfWeek> days = st.days();
        LocalDateTime start = st.first().atStartOfDay().plusSeconds(st.offset());
        LocalDateTime end = start.plusSeconds(st.length());
        LocalDateTime lastStart = st.last().atStartOfDay().plusSeconds(st.offset());
        String uidBase = b.id() + "/" + screen.id() + "/" + w;
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + (publicIds ? sha(uidBase).substring(0, 32) : text(uidBase)) + "@ihati-videotron");
        line(out, "DTSTAMP:" + UTC.format(now));
        if (fixed) {
            line(out, "DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start));
            line(out, "DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(end));
        } else {
            line(out, "DTSTART:" + UTC.format(start.atZone(zone)));
            line(out, "DTEND:" + UTC.format(end.atZone(zone)));
        }
        String until = UTC.format(lastStart.atZone(zone));
        var between = EnumSet.noneOf(DayOfWeek.class);
        for (LocalDate d = st.first(); !d.isAfter(st.last()) && between.size() < 7; d = d.plusDays(1)) {
            between.add(d.getDayOfWeek());
        }
        // Every day from first to last: a daily rule says it plainer than a list of weekdays.
        if (days.containsAll(between)) {
            line(out, "RRULE:FREQ=DAILY;UNTIL=" + until);
        } else {
            line(out, "RRULE:FREQ=WEEKLY;BYDAY=" + days.stream().sorted()
                    .map(d -> d.name().substring(0, 2)).collect(Collectors.joining(",")) + ";UNTIL=" + until);
        }
        line(out, "SUMMARY:" + text(b.title() + " (" + category(b) + ")"));
        line(out, "DESCRIPTION:" + text("Pemilik: " + b.ownerOrganisation() + "\nFrekuensi: " + frequency(b.frequency())
                + "\nLayar: " + screen.name() + "\nPrioritas: " + b.priority()));
        if (screen.location() != null) {
            line(out, "LOCATION:" + text(screen.location().text()));
            line(out, String.format(java.util.Locale.ROOT, "GEO:%.6f;%.6f", screen.location().latitude(),
                    screen.location().longitude()));
        }
        line(out, "CATEGORIES:" + text(category(b)));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    }

    private static String category(Booking b) {
        return switch (b.category()) {
            case HEALTH -> "Edukasi kesehatan";
            case CITY -> "Informasi kota";
            case FILLER -> "Pengisi";
            case ALERT -> "Peringatan darurat";
        };
    }

    private static String frequency(Frequency f) {
        if (f instanceof Frequency.PerLoop p) {
            return p.slots() + " slot tiap putaran";
        }
        if (f instanceof Frequency.EveryNthLoop n) {
            return "1 slot tiap " + n.n() + " putaran";
        }
        return ((Frequency.PerDay) f).plays() + " tayang per hari";
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    static String text(String s) {
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** Appends a content line folded at 75 octets: continuation lines start with one space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
