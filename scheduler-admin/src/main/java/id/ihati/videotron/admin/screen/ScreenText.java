package id.ihati.videotron.admin.screen;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The short text forms of a screen's operating hours ({@code 06:00-22:00, 23:00-02:00}), minimum shares
 * ({@code HEALTH=40;CITY=20}) and groups ({@code pusat-kota, jalan-utama}), used by the form and the database
 * alike. Parsing is pure and throws {@link IllegalArgumentException} with an English reason.
 */
public final class ScreenText {
    /** Group names: lower-case letters, digits and dashes, so they read the same in URLs and targets. */
    public static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    private ScreenText() {
    }

    /** Windows of one day, e.g. {@code "06:00-12:00, 13:00-22:00"}; blank = dark; {@code 00:00-24:00} = all day. */
    public static List<TimeWindow> parseWindows(String text) {
        List<TimeWindow> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return windows;
        }
        for (String part : text.split(",")) {
            var m = WINDOW.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a time window HH:MM-HH:MM: " + part.strip());
            }
            LocalTime from = time(m.group(1));
            LocalTime to = m.group(2).equals("24:00") ? LocalTime.MIDNIGHT : time(m.group(2));
            windows.add(new TimeWindow(from, to));
        }
        return windows;
    }

    private static LocalTime time(String s) {
        try {
            return LocalTime.parse(s.length() == 4 ? "0" + s : s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day: " + s, e);
        }
    }

    public static String formatWindows(List<TimeWindow> windows) {
        return windows.stream().map(w -> w.from() + "-" + (w.to().equals(LocalTime.MIDNIGHT) ? "24:00" : w.to()))
                .collect(Collectors.joining(", "));
    }

    /** {@code MONDAY=06:00-22:00;TUESDAY=...}; a missing day is dark. */
    public static String formatHours(Map<DayOfWeek, List<TimeWindow>> hours) {
        var sb = new StringBuilder();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<TimeWindow> w = hours.get(d);
            if (w != null && !w.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ";").append(d).append('=').append(formatWindows(w));
            }
        }
        return sb.toString();
    }

    public static Map<DayOfWeek, List<TimeWindow>> parseHours(String text) {
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        if (text == null || text.isBlank()) {
            return hours;
        }
        for (String day : text.split(";")) {
            String[] kv = day.split("=", 2);
            hours.put(DayOfWeek.valueOf(kv[0].strip()), parseWindows(kv[1]));
        }
        return hours;
    }

    public static String formatShares(Map<Category, Integer> shares) {
        var sorted = new EnumMap<Category, Integer>(Category.class);
        sorted.putAll(shares);
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Minimum shares for people: "Kesehatan 40 %" / "Health 40 %", never the category's code. */
    public static String sharesText(id.ihati.videotron.admin.web.PageContext page, Map<Category, Integer> shares) {
        var sorted = new EnumMap<Category, Integer>(Category.class);
        sorted.putAll(shares);
        return sorted.entrySet().stream().map(e -> page.t("media.category." + e.getKey()) + " "
                + page.number(e.getValue()) + " %").collect(Collectors.joining(", "));
    }

    public static Map<Category, Integer> parseShares(String text) {
        var shares = new EnumMap<Category, Integer>(Category.class);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(";")) {
                String[] kv = part.split("=", 2);
                shares.put(Category.valueOf(kv[0].strip()), Integer.parseInt(kv[1].strip()));
            }
        }
        return shares;
    }

    /** Groups from a comma- or space-separated list, lower-cased; throws on a name that is not a slug. */
    public static Set<String> parseGroups(String text) {
        Set<String> groups = new TreeSet<>();
        if (text == null) {
            return groups;
        }
        for (String g : text.split("[,\\s]+")) {
            String name = g.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!GROUP.matcher(name).matches()) {
                throw new IllegalArgumentException("not a group name: " + g);
            }
            groups.add(name);
        }
        return groups;
    }

    public static String formatGroups(Set<String> groups) {
        return String.join(", ", new TreeSet<>(groups));
    }
}
