package id.ihati.videotron.admin.screen;

import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The screen form's fields as text, and their reading into a {@link ScreenProfile} with a problem per field
 * in both languages. Pure: no database, no clock.
 *
 * <p>Fields: id, name, locationText, latitude, longitude, timeZone, width, height, loopSeconds, slotSeconds,
 * hours.MONDAY … hours.SUNDAY, share.HEALTH, share.CITY, fitMode, audio, groups, outputX, outputY, outputWidth,
 * outputHeight (all four blank = full screen), notes.
 */
public record ScreenForm(Map<String, String> values) {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    public static final List<Category> SHARE_CATEGORIES = List.of(Category.HEALTH, Category.CITY);
    static final List<String> FIELDS;

    static {
        var f = new ArrayList<>(List.of("id", "name", "locationText", "latitude", "longitude", "timeZone", "width",
                "height", "loopSeconds", "slotSeconds", "fitMode", "audio", "groups", "outputX", "outputY",
                "outputWidth", "outputHeight", "notes"));
        for (DayOfWeek d : DayOfWeek.values()) {
            f.add("hours." + d);
        }
        SHARE_CATEGORIES.forEach(c -> f.add("share." + c));
        FIELDS = List.copyOf(f);
    }

    public ScreenForm {
        var copy = new HashMap<String, String>();
        values.forEach((k, v) -> copy.put(k, v == null ? "" : v.strip()));
        values = Map.copyOf(copy);
    }

    /** The value of a field, "" when absent. */
    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** Reads the named fields from a request's form parameters. */
    public static ScreenForm from(Function<String, String> param) {
        var v = new HashMap<String, String>();
        for (String f : FIELDS) {
            String value = param.apply(f);
            v.put(f, value == null ? "" : value);
        }
        return new ScreenForm(v);
    }

    /** A new screen's defaults: WIB, 15 s slots in a 2-minute loop, 06:00–22:00 daily, 40 % health, silent. */
    public static ScreenForm defaults() {
        var v = new HashMap<String, String>();
        v.put("timeZone", ScreenProfile.DEFAULT_ZONE.getId());
        v.put("loopSeconds", "120");
        v.put("slotSeconds", "15");
        v.put("fitMode", FitMode.CONTAIN.name());
        v.put("share.HEALTH", "40");
        v.put("share.CITY", "0");
        for (DayOfWeek d : DayOfWeek.values()) {
            v.put("hours." + d, "06:00-22:00");
        }
        return new ScreenForm(v);
    }

    public static ScreenForm of(Screen screen) {
        ScreenProfile p = screen.profile();
        var v = new HashMap<String, String>();
        v.put("id", p.id());
        v.put("name", p.name());
        if (p.location() != null) {
            v.put("locationText", p.location().text());
            v.put("latitude", Double.toString(p.location().latitude()));
            v.put("longitude", Double.toString(p.location().longitude()));
        }
        v.put("timeZone", p.timeZone().getId());
        v.put("width", Integer.toString(p.resolution().width()));
        v.put("height", Integer.toString(p.resolution().height()));
        v.put("loopSeconds", Integer.toString(p.loopSeconds()));
        v.put("slotSeconds", Integer.toString(p.slotSeconds()));
        for (DayOfWeek d : DayOfWeek.values()) {
            v.put("hours." + d, ScreenText.formatWindows(p.operatingHours().getOrDefault(d, List.of())));
        }
        SHARE_CATEGORIES.forEach(c -> v.put("share." + c, Integer.toString(p.minSharePercent().getOrDefault(c, 0))));
        v.put("fitMode", p.fitMode().name());
        v.put("audio", p.audio() ? "on" : "");
        v.put("groups", ScreenText.formatGroups(p.groups()));
        if (p.output() != null) {
            v.put("outputX", Integer.toString(p.output().x()));
            v.put("outputY", Integer.toString(p.output().y()));
            v.put("outputWidth", Integer.toString(p.output().width()));
            v.put("outputHeight", Integer.toString(p.output().height()));
        }
        v.put("notes", screen.notes() == null ? "" : screen.notes());
        return new ScreenForm(v);
    }

    public String notes() {
        String n = get("notes");
        return n.isEmpty() ? null : n;
    }

    /** The profile these fields describe, or a {@link ValidationException} listing every problem. */
    public ScreenProfile toProfile() {
        List<Problem> problems = new ArrayList<>();
        String id = get("id");
        if (id.isEmpty()) {
            problems.add(Problem.of("id", "screen.idRequired"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(Problem.of("id", "screen.idFormat"));
        }
        String name = get("name");
        if (name.isEmpty()) {
            problems.add(Problem.of("name", "screen.nameRequired"));
        } else if (name.length() > 200) {
            problems.add(Problem.of("name", "screen.tooLong", 200));
        } else {
            BidiControls.refuse("name", name, problems);
        }
        if (get("notes").length() > 2000) {
            problems.add(Problem.of("notes", "screen.tooLong", 2000));
        }
        Location location = location(problems);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(get("timeZone").isEmpty() ? ScreenProfile.DEFAULT_ZONE.getId() : get("timeZone"));
        } catch (DateTimeException e) {
            problems.add(Problem.of("timeZone", "screen.timeZoneInvalid"));
        }
        Integer width = integer("width", 16, 16_384, true, problems);
        Integer height = integer("height", 16, 16_384, true, problems);
        Integer loop = integer("loopSeconds", 5, 86_400, true, problems);
        Integer slot = integer("slotSeconds", 1, 86_400, true, problems);
        if (loop != null && slot != null && loop % slot != 0) {
            problems.add(Problem.of("slotSeconds", "screen.slotDivides", slot, loop));
        }
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            try {
                List<TimeWindow> w = ScreenText.parseWindows(get("hours." + d));
                if (!w.isEmpty()) {
                    hours.put(d, w);
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("hours." + d, "screen.hoursFormat"));
            }
        }
        Map<Category, Integer> shares = new EnumMap<>(Category.class);
        int total = 0;
        for (Category c : SHARE_CATEGORIES) {
            Integer v = integer("share." + c, 0, 100, false, problems);
            if (v != null && v > 0) {
                shares.put(c, v);
                total += v;
            }
        }
        if (total > 100) {
            problems.add(Problem.of("share.HEALTH", "screen.sharesTotal", total));
        }
        FitMode fit = null;
        try {
            fit = FitMode.valueOf(get("fitMode").isEmpty() ? "CONTAIN" : get("fitMode"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("fitMode", "screen.fitModeInvalid"));
        }
        Set<String> groups = Set.of();
        try {
            groups = ScreenText.parseGroups(get("groups"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("groups", "screen.groupFormat"));
        }
        OutputArea output = output(problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean audio = !get("audio").isEmpty() && !get("audio").equals("false");
        return new ScreenProfile(id, name, location, zone, new Resolution(width, height), loop, slot, hours, shares,
                fit, audio, groups, output);
    }

    private Location location(List<Problem> problems) {
        String text = get("locationText");
        if (text.isEmpty()) {
            problems.add(Problem.of("locationText", "screen.locationRequired"));
        } else if (text.length() > 300) {
            problems.add(Problem.of("locationText", "screen.tooLong", 300));
        }
        Double lat = decimal("latitude", -90, 90, problems);
        Double lon = decimal("longitude", -180, 180, problems);
        return text.isEmpty() || text.length() > 300 || lat == null || lon == null ? null
                : new Location(text, lat, lon);
    }

    private OutputArea output(List<Problem> problems) {
        List<String> names = List.of("outputX", "outputY", "outputWidth", "outputHeight");
        if (names.stream().allMatch(n -> get(n).isEmpty())) {
            return null;
        }
        Integer x = integer("outputX", -100_000, 100_000, true, problems);
        Integer y = integer("outputY", -100_000, 100_000, true, problems);
        Integer w = integer("outputWidth", 1, 100_000, true, problems);
        Integer h = integer("outputHeight", 1, 100_000, true, problems);
        return x == null || y == null || w == null || h == null ? null : new OutputArea(x, y, w, h);
    }

    private Integer integer(String field, int min, int max, boolean required, List<Problem> problems) {
        String v = get(field);
        if (v.isEmpty()) {
            if (required) {
                problems.add(Problem.of(field, "screen.required"));
            }
            return required ? null : 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problems.add(Problem.of(field, "screen.range", min, max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "screen.wholeNumber"));
            return null;
        }
    }

    private Double decimal(String field, double min, double max, List<Problem> problems) {
        String v = get(field).replace(',', '.');
        if (v.isEmpty()) {
            problems.add(Problem.of(field, "screen.required"));
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                problems.add(Problem.of(field, "screen.range", min, max));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "screen.decimal"));
            return null;
        }
    }
}
