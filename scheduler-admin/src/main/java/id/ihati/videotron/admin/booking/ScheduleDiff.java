package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changes between two schedules: bookings added, changed (with the names of the fields that differ) and
 * removed, whether the filler changed, and per screen the plays of one day before and after, as the resolver
 * plans them. The review pages show it read-only through {@code booking/diff.jte}.
 *
 * @param fromVersion the older version (0 for the empty schedule; -1 for "the drafts about to be published")
 * @param toVersion   the newer version (-1 for the drafts about to be published)
 */
public record ScheduleDiff(long fromVersion, long toVersion, List<Booking> added, List<Change> changed,
                           List<Booking> removed, boolean fillerChanged, List<ScreenDelta> screens) {

    /** A booking present on both sides with different content. */
    public record Change(Booking before, Booking after, List<String> fields) {
    }

    /**
     * Plays on one screen on one day, before and after, per category and per booking id.
     */
    public record ScreenDelta(String screenId, String screenName, LocalDate day, Map<Category, Integer> before,
                              Map<Category, Integer> after, Map<String, Integer> bookingBefore,
                              Map<String, Integer> bookingAfter) {
        public int before(Category c) {
            return before.getOrDefault(c, 0);
        }

        public int after(Category c) {
            return after.getOrDefault(c, 0);
        }

        public boolean changed() {
            return !before.equals(after) || !bookingBefore.equals(bookingAfter);
        }
    }

    /** Changed bookings, plus one when the filler changed: the count matches the rows listed. */
    public int changedCount() {
        return changed.size() + (fillerChanged ? 1 : 0);
    }

    public boolean empty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && !fillerChanged;
    }

    /** The booking part of the diff (screens are added by {@link Scheduling#diff}, which runs the resolver). */
    public static ScheduleDiff between(long fromVersion, Snapshot before, long toVersion, Snapshot after,
                                       List<ScreenDelta> screens) {
        var added = new ArrayList<Booking>();
        var changed = new ArrayList<Change>();
        var removed = new ArrayList<Booking>();
        for (Booking b : after.bookings()) {
            var old = before.booking(b.id());
            if (old.isEmpty()) {
                added.add(b);
            } else if (!old.get().equals(b)) {
                changed.add(new Change(old.get(), b, changedFields(old.get(), b)));
            }
        }
        for (Booking b : before.bookings()) {
            if (after.booking(b.id()).isEmpty()) {
                removed.add(b);
            }
        }
        return new ScheduleDiff(fromVersion, toVersion, added, changed, removed,
                !Objects.equals(before.filler(), after.filler()), screens);
    }

    /** Names of the record components that differ, in declaration order (message keys "booking.field.x"). */
    static List<String> changedFields(Booking a, Booking b) {
        var names = new ArrayList<String>();
        for (var c : Booking.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    names.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessors are public", e);
            }
        }
        return names;
    }

    /** Ids of every booking the diff touches. */
    public Set<String> touchedIds() {
        var ids = new TreeSet<String>();
        added.forEach(b -> ids.add(b.id()));
        changed.forEach(c -> ids.add(c.after().id()));
        removed.forEach(b -> ids.add(b.id()));
        return ids;
    }
}
