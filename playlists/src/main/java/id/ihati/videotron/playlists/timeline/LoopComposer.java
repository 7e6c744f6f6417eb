package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Places the bookings' plays of one loop into its slots. Knows nothing about time, media or items: only slot
 * lengths, priorities, categories and which slots each booking may use.
 *
 * <p>Rules, in order: bookings are placed by priority (higher first); bookings of equal priority take turns,
 * one play each per round, so an over-booked priority level is shared fairly. A play needs as many
 * consecutive free slots as its item needs. Each booking's plays aim at evenly spaced points of the loop
 * (staggered between bookings), take the free run nearest to that point, and avoid touching another play of
 * the same booking where another run is free. Slots reserved for a category's minimum share are not given to
 * other categories while that category still has plays that want them.
 */
final class LoopComposer {

    /** Slot codes. */
    static final byte FREE = 0;
    static final byte ALERT = 1;
    static final byte UNBOOKABLE = 2;

    /**
     * What one booking asks of the loop. Mutable so that the resolver can reuse its demands from loop to loop
     * (a day has hundreds of loops, each with a dozen demands).
     */
    static class Demand {
        /** Index of the first demand of the same booking in this loop (itself usually): its plays should not touch. */
        int same;
        /** Priority rank; 0 is the highest priority present. */
        int group;
        Category category;
        /** Slot ranges {@code {from0, to0, …}} inside the booking's window, or {@code null} for all. */
        int[] mask;
        /** Slots needed by each play, in play order; only the first {@code plays} count. */
        int[] lengths = new int[4];
        /** How many plays it asks for. */
        int plays;
    }

    /**
     * Where each demand's plays went: {@link #start} gives the first slot of play p of demand d, or -1 when it
     * was not placed, in which case {@link #lost} says why. It is the composer's own scratch space, so it is
     * valid until the composer's next {@link #compose} (planning a loop allocates nothing per play).
     */
    static final class Composition {
        /** Per demand, the index of its first play in {@code start} and {@code lost}. */
        private int[] first = new int[0];
        private int[] start = new int[0];
        private Reason[] lost = new Reason[0];

        int start(int demand, int play) {
            return start[first[demand] + play];
        }

        Reason lost(int demand, int play) {
            return lost[first[demand] + play];
        }

        private void ensure(int demands, int plays) {
            if (first.length < demands) {
                first = new int[Math.max(demands, 2 * first.length)];
            }
            if (start.length < plays) {
                start = new int[Math.max(plays, 2 * start.length)];
                lost = new Reason[start.length];
            }
        }
    }

    private static final Category[] CATEGORIES = Category.values();

    private final int slots;
    /** Minimum share in percent per category ordinal; 0 where none (never for alerts). */
    private final int[] sharePercent = new int[CATEGORIES.length];

    // Scratch space reused from loop to loop: a composer is used by one thread (one resolution) at a time.
    private final Composition result = new Composition();
    /** Per slot, the booking (Demand.same) holding it, or -1. */
    private final int[] owner;
    private final int[] scratchRuns;
    private final int[] runsAny;
    private final int[] pending = new int[CATEGORIES.length];
    private final int[] placed = new int[CATEGORIES.length];
    private final int[] reserve = new int[CATEGORIES.length];
    /**
     * Per category, {@link #stillWanted}, and their sum, kept up to date as plays are placed or lost, so that
     * checking the reserves for a play does not loop over all categories.
     */
    private final int[] wanted = new int[CATEGORIES.length];
    private int wantedTotal;
    private int[] roomBefore = new int[0];
    private double[] phase = new double[0];

    LoopComposer(int slots, Map<Category, Integer> shares) {
        this.slots = slots;
        for (Category c : CATEGORIES) {
            Integer share = shares.get(c);
            if (share != null && share > 0 && c != Category.ALERT) {
                sharePercent[c.ordinal()] = share;
            }
        }
        this.owner = new int[slots];
        this.scratchRuns = new int[slots];
        this.runsAny = new int[slots];
    }

    Composition compose(byte[] code, List<? extends Demand> demands) {
        int n = demands.size();
        Arrays.fill(owner, -1);
        freshRuns(code, owner, null, runsAny);
        int free = 0;
        for (byte b : code) {
            if (b == FREE) {
                free++;
            }
        }
        int plays = 0;
        for (Demand dm : demands) {
            plays += dm.plays;
        }
        result.ensure(n, plays);
        if (roomBefore.length < n) {
            roomBefore = new int[Math.max(n, 2 * roomBefore.length)];
            phase = new double[roomBefore.length];
        }
        int[] first = result.first;
        int[] start = result.start;
        Reason[] lost = result.lost;
        Arrays.fill(pending, 0);
        Arrays.fill(placed, 0);
        int active = 0;
        int longestAny = longestRun(code, null);
        for (int d = 0, at = 0; d < n; d++) {
            Demand dm = demands.get(d);
            first[d] = at;
            int longest = dm.mask == null ? longestAny : longestRun(code, dm.mask);
            for (int p = 0; p < dm.plays; p++, at++) {
                start[at] = -1;
                // An item longer than any run the booking could ever use is lost before placing starts.
                if (dm.lengths[p] > longest) {
                    lost[at] = Reason.ITEM_TOO_LONG;
                } else {
                    lost[at] = null;
                    pending[dm.category.ordinal()] += dm.lengths[p];
                }
            }
            if (dm.plays > 0) {
                active++;
            }
        }
        reserves(free);
        wantedTotal = 0;
        for (int c = 0; c < CATEGORIES.length; c++) {
            wanted[c] = stillWanted(c);
            wantedTotal += wanted[c];
        }

        int rank = 0;
        for (int d = 0; d < n; d++) {
            if (demands.get(d).plays > 0) {
                phase[d] = (rank++ + 0.5) / active;
            }
        }

        int firstOfGroup = 0;
        while (firstOfGroup < n) {
            int end = firstOfGroup;
            while (end < n && demands.get(end).group == demands.get(firstOfGroup).group) {
                end++;
            }
            // What the loop looked like before this priority level: a play that would have fitted then lost
            // to its equals (OVERBOOKED), one that would not lost to higher priorities or alerts (OUTRANKED).
            int rounds = 0;
            int roomAny = longestFree(code, null);
            for (int d = firstOfGroup; d < end; d++) {
                int[] mask = demands.get(d).mask;
                rounds = Math.max(rounds, demands.get(d).plays);
                roomBefore[d] = mask == null ? roomAny : longestFree(code, mask);
            }
            // Slots the level asks for, against the slots it could have had with no higher priority and no
            // alert: only what exceeds that was lost to its equals, the rest to those above it.
            int groupDemand = 0;
            for (int d = firstOfGroup; d < end; d++) {
                for (int p = 0; p < demands.get(d).plays; p++) {
                    if (lost[first[d] + p] != Reason.ITEM_TOO_LONG) {
                        groupDemand += demands.get(d).lengths[p];
                    }
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (int d = firstOfGroup; d < end; d++) {
                    Demand dm = demands.get(d);
                    int i = first[d] + r;
                    if (r >= dm.plays || lost[i] == Reason.ITEM_TOO_LONG) {
                        continue;
                    }
                    int len = dm.lengths[r];
                    int cat = dm.category.ordinal();
                    int held = heldForOthers(cat);
                    if (held > 0 && free >= len && free - len < held) {
                        lost[i] = Reason.SHARE_RESERVED;
                        pending[cat] -= len;
                        changed(cat);
                        continue;
                    }
                    double centre = (r + phase[d]) * slots / dm.plays;
                    // bestStart finds nothing when no free run is long enough; counting free slots first saves
                    // scanning the runs of a full loop.
                    int at = free < len ? -1 : bestStart(code, dm, len, centre);
                    pending[cat] -= len;
                    if (at < 0) {
                        lost[i] = len <= roomBefore[d] ? Reason.OVERBOOKED : Reason.OUTRANKED;
                        changed(cat);
                        continue;
                    }
                    Arrays.fill(owner, at, at + len, dm.same);
                    taken(at, len);
                    start[i] = at;
                    free -= len;
                    placed[cat] += len;
                    changed(cat);
                }
            }
            attributeLosses(demands, first, lost, firstOfGroup, end, rounds, groupDemand - bookable(code));
            firstOfGroup = end;
        }
        return result;
    }

    /**
     * Splits the level's plays that found no room between OVERBOOKED and OUTRANKED: the last {@code overflow}
     * slots of them (the level asked that many more than the loop has) were lost to equals, the rest to
     * higher priorities or alerts. A priority-3 booking squeezed out by a priority-5 one is thus told so, even
     * when it is alone on its level.
     */
    private static void attributeLosses(List<? extends Demand> demands, int[] first, Reason[] lost, int from,
                                        int to, int rounds, int overflow) {
        for (int r = rounds - 1; r >= 0; r--) {
            for (int d = to - 1; d >= from; d--) {
                Demand dm = demands.get(d);
                int i = first[d] + r;
                if (r < dm.plays && (lost[i] == Reason.OVERBOOKED || lost[i] == Reason.OUTRANKED)) {
                    lost[i] = overflow > 0 ? Reason.OVERBOOKED : Reason.OUTRANKED;
                    overflow -= dm.lengths[r];
                }
            }
        }
    }

    /** Slots of the loop bookings could use if no alert and no higher priority took any. */
    private static int bookable(byte[] code) {
        int n = 0;
        for (byte b : code) {
            if (b != UNBOOKABLE) {
                n++;
            }
        }
        return n;
    }

    /** Fills {@link #reserve}: per category its share of the free slots, rounded up, never more than all. */
    private void reserves(int free) {
        int left = free;
        for (int c = 0; c < CATEGORIES.length; c++) {
            int r = sharePercent[c] == 0 ? 0 : Math.min(left, (sharePercent[c] * free + 99) / 100);
            reserve[c] = r;
            left -= r;
        }
    }

    /** Free slots other categories may still claim for their minimum share (filler's share is always held). */
    private int heldForOthers(int cat) {
        return wantedTotal - wanted[cat];
    }

    /** Slots of its reserve category {@code c} still holds: filler all of it, the others what their plays want. */
    private int stillWanted(int c) {
        return Math.max(0, c == Category.FILLER.ordinal() ? reserve[c] : Math.min(reserve[c] - placed[c], pending[c]));
    }

    /** Keeps {@link #wanted} and {@link #wantedTotal} right after {@code pending} or {@code placed} of c changed. */
    private void changed(int c) {
        int now = stillWanted(c);
        wantedTotal += now - wanted[c];
        wanted[c] = now;
    }

    private int bestStart(byte[] code, Demand dm, int len, double centre) {
        int[] run = runs(code, dm.mask);
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int p = 0; p + len <= slots; p++) {
            double offset = p + len / 2.0 - centre;
            if (offset >= bestCost) {
                break;      // every later start is farther from the centre still: none can cost less
            }
            if (run[p] < len) {
                continue;
            }
            double cost = Math.abs(offset);
            boolean touches = (p > 0 && owner[p - 1] == dm.same) || (p + len < slots && owner[p + len] == dm.same);
            if (touches) {
                cost += slots;
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = p;
            }
        }
        return best;
    }

    /**
     * For each slot, how many usable slots follow from it (itself included): free, unowned, in the mask. For
     * the whole loop (no mask) this is kept up to date as plays are placed; a mask is computed afresh.
     */
    private int[] runs(byte[] code, int[] mask) {
        return mask == null ? runsAny : freshRuns(code, owner, mask, scratchRuns);
    }

    private int[] freshRuns(byte[] code, int[] owner, int[] mask, int[] run) {
        int next = 0;
        for (int s = slots - 1; s >= 0; s--) {
            next = code[s] == FREE && owner[s] == -1 && inMask(mask, s) ? next + 1 : 0;
            run[s] = next;
        }
        return run;
    }

    /** Updates {@link #runsAny} after slots {@code at … at + len - 1} were taken. */
    private void taken(int at, int len) {
        Arrays.fill(runsAny, at, at + len, 0);
        for (int s = at - 1; s >= 0 && runsAny[s] > 0; s--) {
            runsAny[s] = runsAny[s + 1] + 1;
        }
    }

    private int longestFree(byte[] code, int[] mask) {
        int[] run = runs(code, mask);
        int best = 0;
        for (int s = 0; s < slots; s++) {
            best = Math.max(best, run[s]);
        }
        return best;
    }

    private static boolean inMask(int[] mask, int s) {
        if (mask == null) {
            return true;
        }
        for (int i = 0; i < mask.length; i += 2) {
            if (mask[i] <= s && s < mask[i + 1]) {
                return true;
            }
        }
        return false;
    }


    /** Longest run of slots inside the mask that a booking could ever use (alerts aside). */
    private int longestRun(byte[] code, int[] mask) {
        int best = 0;
        int run = 0;
        for (int s = 0; s < slots; s++) {
            if (code[s] != UNBOOKABLE && inMask(mask, s)) {
                best = Math.max(best, ++run);
            } else {
                run = 0;
            }
        }
        return best;
    }

}
