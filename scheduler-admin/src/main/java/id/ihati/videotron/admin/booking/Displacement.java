package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Shortfall;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A booking of another organisation that loses plays because of a publish: named, with its owner, so the
 * publisher must give a reason and the owner is told. Kept per version in {@code schedule_displacement}.
 *
 * @param ownerUser the account that created the booking (the person told)
 * @param day       the first screen-local day on which it loses plays, summed over its screens
 * @param requested plays it asks for that day
 * @param planned   plays it gets that day after the publish
 * @param lost      plays the publish took that day (beyond what it had already lost before)
 */
public record Displacement(String bookingId, String title, Category category, String ownerOrganisation,
                           String ownerUser, LocalDate day, int requested, int planned, int lost,
                           Shortfall.Reason reason) {

    /** How far ahead a publish is checked: the players hold seven days of schedule. */
    static final int DAYS = 7;

    /** Shortfalls that mean other bookings took the plays (not operating hours, media or item length). */
    static final Set<Shortfall.Reason> TAKEN = EnumSet.of(Shortfall.Reason.OUTRANKED,
            Shortfall.Reason.SHARE_RESERVED, Shortfall.Reason.OVERBOOKED);

    /** A displacement as the version that caused it recorded it: who published, when, and why. */
    public record Notice(long version, Instant publishedAt, String publishedBy, String reason,
                         Displacement displacement) {
    }

    /** Plays one booking loses on one day, over all its screens. */
    public record Loss(String bookingId, LocalDate day, int requested, int planned, int lost, Shortfall.Reason reason) {
    }

    /**
     * For each booking that loses more plays to other bookings under {@code after} than under {@code before},
     * its first such day of the {@code days} from {@code from}. The one place displacement is computed, with
     * the players' resolver through {@link Planner}; a single assembler of per-booking plays can replace its
     * body without changing its callers.
     */
    static Map<String, Loss> losses(Planner planner, Planner.Plan before, Planner.Plan after,
                                    List<ScreenProfile> screens, LocalDate from, int days) {
        var out = new LinkedHashMap<String, Loss>();
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            var requested = new HashMap<String, Integer>();
            var planned = new HashMap<String, Integer>();
            var worst = new HashMap<String, Shortfall.Reason>();
            var missingBefore = new HashMap<String, Integer>();
            for (ScreenProfile screen : screens) {
                List<Shortfall> afterShort = taken(planner.day(after, screen, day).shortfalls(), day);
                if (afterShort.isEmpty()) {
                    continue;
                }
                for (Shortfall s : afterShort) {
                    requested.merge(s.bookingId(), s.requested(), Integer::sum);
                    planned.merge(s.bookingId(), s.planned(), Integer::sum);
                    worst.merge(s.bookingId(), s.reason(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                }
                for (Shortfall s : taken(planner.day(before, screen, day).shortfalls(), day)) {
                    missingBefore.merge(s.bookingId(), s.missing(), Integer::sum);
                }
            }
            for (var e : requested.entrySet()) {
                String id = e.getKey();
                int lost = e.getValue() - planned.get(id) - missingBefore.getOrDefault(id, 0);
                if (lost > 0 && !out.containsKey(id)) {
                    out.put(id, new Loss(id, day, e.getValue(), planned.get(id), lost, worst.get(id)));
                }
            }
        }
        return out;
    }

    private static List<Shortfall> taken(List<Shortfall> shortfalls, LocalDate day) {
        return shortfalls.stream().filter(s -> s.day().equals(day) && TAKEN.contains(s.reason())).toList();
    }
}
