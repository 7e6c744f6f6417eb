package id.ihati.videotron.playlists.schedule;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One videotron: where it is, how big it is, how its time is divided and when it is on.
 *
 * @param loopSeconds      length of the loop that repeats all day, aligned to local midnight
 * @param slotSeconds      length of one slot; divides {@code loopSeconds}
 * @param operatingHours   per weekday, the windows in which the screen is on; a missing weekday is dark
 * @param minSharePercent  per category, the smallest share of each loop it must get (e.g. HEALTH → 40)
 * @param output           the desktop rectangle the LED sending card reads, or {@code null} for full screen
 */
public record ScreenProfile(
        String id,
        String name,
        Location location,
        ZoneId timeZone,
        Resolution resolution,
        int loopSeconds,
        int slotSeconds,
        Map<DayOfWeek, List<TimeWindow>> operatingHours,
        Map<Category, Integer> minSharePercent,
        FitMode fitMode,
        boolean audio,
        Set<String> groups,
        OutputArea output) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");

    public ScreenProfile {
        Checks.notBlank(id, "screen id");
        Checks.notBlank(name, "screen name");
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
        Checks.notNull(resolution, "resolution");
        Checks.positive(loopSeconds, "loop length");
        Checks.positive(slotSeconds, "slot length");
        if (loopSeconds % slotSeconds != 0) {
            throw new IllegalArgumentException(
                    "slot length " + slotSeconds + " s does not divide loop length " + loopSeconds + " s");
        }
        if (loopSeconds > 86_400) {
            throw new IllegalArgumentException("loop length must be at most one day, was " + loopSeconds + " s");
        }
        operatingHours = copyHours(operatingHours);
        minSharePercent = minSharePercent == null || minSharePercent.isEmpty()
                ? Map.of() : Map.copyOf(new EnumMap<>(minSharePercent));
        int total = 0;
        for (var e : minSharePercent.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 100) {
                throw new IllegalArgumentException("share of " + e.getKey() + " must be 0–100 %, was " + e.getValue());
            }
            total += e.getValue();
        }
        if (total > 100) {
            throw new IllegalArgumentException("minimum shares add up to " + total + " %, more than 100 %");
        }
        fitMode = fitMode == null ? FitMode.CONTAIN : fitMode;
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    private static Map<DayOfWeek, List<TimeWindow>> copyHours(Map<DayOfWeek, List<TimeWindow>> hours) {
        if (hours == null) {
            return Map.of();
        }
        var copy = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        hours.forEach((day, windows) -> copy.put(day, List.copyOf(windows)));
        return Map.copyOf(copy);
    }

    /** Number of slots in one loop. */
    public int slotsPerLoop() {
        return loopSeconds / slotSeconds;
    }

    /** Operating hours that are on all day, every day. */
    public static Map<DayOfWeek, List<TimeWindow>> alwaysOn() {
        var all = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, List.of(TimeWindow.ALL_DAY));
        }
        return all;
    }
}
