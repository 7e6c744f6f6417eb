package id.ihati.videotron.playlists.manifest;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the schedule records from a JSON tree, field by field, so that every problem is reported with its
 * path and none is thrown. Each method returns {@code null} when its object had errors. The JSON field names
 * are the record component names (the same ones Jackson writes).
 */
final class ScheduleReader {
    private ScheduleReader() {
    }

    static ScreenProfile screen(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String id = c.get("id").text(true);
        String name = c.get("name").text(true);
        Location location = c.get("location").missing() ? null : location(c.get("location"));
        ZoneId zone = c.get("timeZone").missing() ? null : c.get("timeZone").zone(true);
        Resolution resolution = resolution(c.get("resolution"), true);
        Integer loop = c.get("loopSeconds").positiveInt(true);
        JsonCursor slotField = c.get("slotSeconds");
        Integer slot = slotField.positiveInt(true);
        if (loop != null && loop > 86_400) {
            c.get("loopSeconds").error("paling lama satu hari (86400 dtk), tertulis " + loop,
                    "must be at most one day (86400 s), was " + loop);
        } else if (loop != null && slot != null && loop % slot != 0) {
            slotField.error("panjang slot " + slot + " dtk tidak membagi habis panjang loop " + loop + " dtk",
                    "slot length " + slot + " s does not divide the loop length " + loop + " s");
        }
        Map<DayOfWeek, List<TimeWindow>> hours = operatingHours(c.get("operatingHours"));
        Map<Category, Integer> shares = shares(c.get("minSharePercent"));
        FitMode fit = c.get("fitMode").missing() ? null : c.get("fitMode").enumOf(FitMode.class, true);
        boolean audio = c.get("audio").bool(false);
        List<String> groups = c.get("groups").texts(false, false);
        OutputArea output = c.get("output").missing() ? null : output(c.get("output"));
        return c.build(before, () -> new ScreenProfile(id, name, location, zone, resolution, loop, slot, hours,
                shares, fit, audio, Set.copyOf(groups), output));
    }

    private static Location location(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String text = c.get("text").text(true);
        Double lat = c.get("latitude").decimal(-90, 90);
        Double lon = c.get("longitude").decimal(-180, 180);
        return c.build(before, () -> new Location(text, lat, lon));
    }

    private static Resolution resolution(JsonCursor c, boolean required) {
        int before = c.errorCount();
        if (!c.object(required)) {
            return null;
        }
        Integer w = c.get("width").positiveInt(true);
        Integer h = c.get("height").positiveInt(true);
        return c.build(before, () -> new Resolution(w, h));
    }

    private static OutputArea output(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        Integer x = c.get("x").integer(true);
        Integer y = c.get("y").integer(true);
        Integer w = c.get("width").positiveInt(true);
        Integer h = c.get("height").positiveInt(true);
        return c.build(before, () -> new OutputArea(x, y, w, h));
    }

    /** Required: a screen without operating hours would stay dark, which is never what a missing field means. */
    private static Map<DayOfWeek, List<TimeWindow>> operatingHours(JsonCursor c) {
        Map<String, JsonCursor> days = c.members(true);
        if (days == null) {
            return null;
        }
        Map<DayOfWeek, List<TimeWindow>> out = new EnumMap<>(DayOfWeek.class);
        days.forEach((name, windows) -> {
            DayOfWeek day = dayName(windows, name);
            List<TimeWindow> list = windows(windows);
            if (day != null && list != null) {
                out.put(day, list);
            }
        });
        return out;
    }

    private static Map<Category, Integer> shares(JsonCursor c) {
        Map<String, JsonCursor> members = c.members(false);
        if (members == null) {
            return null;
        }
        Map<Category, Integer> out = new EnumMap<>(Category.class);
        int total = 0;
        for (var e : members.entrySet()) {
            Category cat = enumName(e.getValue(), Category.class, e.getKey());
            Integer pct = e.getValue().integer(true);
            if (pct != null && (pct < 0 || pct > 100)) {
                e.getValue().error("harus 0–100 %, tertulis " + pct, "must be 0–100 %, was " + pct);
            } else if (cat != null && pct != null) {
                out.put(cat, pct);
                total += pct;
            }
        }
        if (total > 100) {
            c.error("jumlah bagian minimum " + total + " %, lebih dari 100 %", "minimum shares add up to " + total + " %, more than 100 %");
        }
        return out;
    }

    static Media media(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String id = c.get("id").text(true);
        MediaKind kind = c.get("kind").enumOf(MediaKind.class, true);
        String sha = sha256(c.get("sha256"));
        Long size = c.get("size").positiveLong(true);
        Long duration = c.get("durationMillis").positiveLong(true);
        Resolution pixels = resolution(c.get("pixels"), false);
        String title = c.get("title").text(true);
        String owner = c.get("owner").text(false);
        List<String> tags = c.get("tags").texts(false, false);
        Instant from = c.get("validFrom").instant(false);
        Instant until = c.get("validUntil").instant(false);
        if (from != null && until != null && !until.isAfter(from)) {
            c.get("validUntil").error("berakhir (" + until + ") sebelum berlaku (" + from + ")",
                    "ends (" + until + ") before it starts (" + from + ")");
        }
        boolean audio = c.get("hasAudio").bool(false);
        FileRef videoOnly = c.get("videoOnly").missing() ? null : fileRef(c.get("videoOnly"));
        if (videoOnly != null && kind != null && kind != MediaKind.VIDEO) {
            c.get("videoOnly").error("hanya video yang punya salinan tanpa suara", "only a video can have a video-only copy");
        }
        return c.build(before, () -> new Media(id, kind, sha, size, duration, pixels, title, owner, tags, from, until,
                audio, videoOnly));
    }

    private static FileRef fileRef(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String sha = sha256(c.get("sha256"));
        Long size = c.get("size").positiveLong(true);
        return c.build(before, () -> new FileRef(sha, size));
    }

    private static String sha256(JsonCursor c) {
        String s = c.text(true);
        if (s != null && !FileRef.isSha256(s)) {
            c.error("harus 64 digit heksadesimal huruf kecil (SHA-256)", "must be 64 lower-case hex digits (SHA-256)");
            return null;
        }
        return s;
    }

    static Booking booking(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String id = c.get("id").text(true);
        String title = c.get("title").text(true);
        JsonCursor catField = c.get("category");
        Category category = catField.enumOf(Category.class, true);
        if (category != null && category != Category.HEALTH && category != Category.CITY) {
            catField.error("pemesanan harus HEALTH atau CITY", "a booking must be HEALTH or CITY");
        }
        String owner = c.get("ownerOrganisation").text(true);
        List<String> items = c.get("items").texts(true, true);
        Targets targets = targets(c.get("targets"));
        LocalDate from = c.get("dateFrom").date(true);
        LocalDate to = c.get("dateTo").date(true);
        if (from != null && to != null && to.isBefore(from)) {
            c.get("dateTo").error("tanggal akhir " + to + " sebelum tanggal mulai " + from,
                    "end date " + to + " is before start date " + from);
        }
        Set<DayOfWeek> weekdays = weekdays(c.get("weekdays"));
        List<TimeWindow> windows = c.get("windows").missing() ? List.of() : windows(c.get("windows"));
        Frequency frequency = frequency(c.get("frequency"));
        Integer priority = c.get("priority").integer(true);
        return c.build(before, () -> new Booking(id, title, category, owner, items, targets, from, to, weekdays,
                windows, frequency, priority));
    }

    private static Set<DayOfWeek> weekdays(JsonCursor c) {
        List<JsonCursor> days = c.list(false);
        if (days == null) {
            return null;
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (JsonCursor d : days) {
            DayOfWeek day = d.enumOf(DayOfWeek.class, true);
            if (day != null) {
                out.add(day);
            }
        }
        return out;
    }

    private static List<TimeWindow> windows(JsonCursor c) {
        int before = c.errorCount();
        List<JsonCursor> list = c.list(true);
        if (list == null) {
            return null;
        }
        List<TimeWindow> out = new ArrayList<>();
        for (JsonCursor w : list) {
            int b = w.errorCount();
            if (!w.object(true)) {
                continue;
            }
            LocalTime from = w.get("from").time(true);
            LocalTime to = w.get("to").time(true);
            TimeWindow tw = w.build(b, () -> new TimeWindow(from, to));
            if (tw != null) {
                out.add(tw);
            }
        }
        return c.failedSince(before) ? null : out;
    }

    private static Frequency frequency(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String type = c.get("type").text(true);
        if (type == null) {
            return null;
        }
        switch (type) {
            case "PER_LOOP": {
                Integer n = c.get("slots").positiveInt(true);
                return c.build(before, () -> new Frequency.PerLoop(n));
            }
            case "EVERY_NTH_LOOP": {
                Integer n = c.get("n").positiveInt(true);
                return c.build(before, () -> new Frequency.EveryNthLoop(n));
            }
            case "PER_DAY": {
                Integer n = c.get("plays").positiveInt(true);
                return c.build(before, () -> new Frequency.PerDay(n));
            }
            default:
                c.get("type").error("harus PER_LOOP, EVERY_NTH_LOOP atau PER_DAY; tertulis \"" + type + "\"",
                        "must be PER_LOOP, EVERY_NTH_LOOP or PER_DAY; was \"" + type + "\"");
                return null;
        }
    }

    static Targets targets(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        List<String> screens = c.get("screens").texts(false, false);
        List<String> groups = c.get("groups").texts(false, false);
        boolean all = c.get("allScreens").bool(false);
        if (!c.failedSince(before) && !all && screens.isEmpty() && groups.isEmpty()) {
            c.error("sebutkan layar, grup layar, atau semua layar", "name a screen, a screen group, or all screens");
        }
        return c.build(before, () -> new Targets(Set.copyOf(screens), Set.copyOf(groups), all));
    }

    static Alert alert(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        String id = c.get("id").text(true);
        String title = c.get("title").text(true);
        String mediaId = c.get("mediaId").text(true);
        Targets targets = targets(c.get("targets"));
        Instant from = c.get("from").instant(true);
        Instant until = c.get("until").instant(false);
        if (from != null && until != null && !until.isAfter(from)) {
            c.get("until").error("berakhir (" + until + ") sebelum mulai (" + from + ")",
                    "ends (" + until + ") before it starts (" + from + ")");
        }
        Integer priority = c.get("priority").missing() ? Integer.valueOf(0) : c.get("priority").integer(true);
        return c.build(before, () -> new Alert(id, title, mediaId, targets, from, until, priority));
    }

    static Filler filler(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        List<String> items = c.get("items").texts(true, true);
        return c.build(before, () -> new Filler(items));
    }

    /** Reports ids used twice in one list, at the second use. */
    static void uniqueIds(List<JsonCursor> list) {
        Set<String> seen = new HashSet<>();
        for (JsonCursor c : list) {
            JsonCursor id = c.get("id");
            String value = id.peekText();
            if (value != null && !seen.add(value)) {
                id.error("id ini sudah dipakai di daftar yang sama", "this id is already used in the same list");
            }
        }
    }

    private static DayOfWeek dayName(JsonCursor c, String name) {
        return enumName(c, DayOfWeek.class, name);
    }

    private static <E extends Enum<E>> E enumName(JsonCursor c, Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            c.error("nama kunci harus salah satu dari: " + allowed, "the key must be one of: " + allowed);
            return null;
        }
    }
}
