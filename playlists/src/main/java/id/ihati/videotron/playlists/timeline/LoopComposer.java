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
     * What one booking asks of the loop.
     *
     * @param same     index of the first demand of the same booking in this loop (itself usually): plays of
     *                 one booking should not touch
     * @param group    priority rank; 0 is the highest priority present
     * @param mask     slot ranges {@code {from0, to0, …}} inside the booking's window, or {@code null} for all
     * @param lengths  slots needed by each play, in play order (only the first {@code plays} count: the
     *                 resolver reuses these arrays from loop to loop)
     * @param plays    how many plays it asks for
     */
    record Demand(int same, int group, Category category, int[] mask, int[] lengths, int plays) {
    }

    /**
     * Where each demand's plays went: {@code start[d][p]} is the first slot of play p of demand d, or -1 when
     * it was not placed, in which case {@code lost[d][p]} says why.
     */
    record Composition(int[][] start, Reason[][] lost) {
    }

    private final int slots;
    private final Map<Category, Integer> shares;

    /** Scratch space of {@link #runs}; a composer is used by one thread (one resolution) at a time. */
    private final int[] scratchRuns;
    private final int[] runsAny;
    private int longestAny;

    LoopComposer(int slots, Map<Category, Integer> shares) {
        this.slots = slots;
        this.shares = shares;
        this.scratchRuns = new int[slots];
        this.runsAny = new int[slots];
    }

    Composition compose(byte[] code, List<Demand> demands) {
        int n = demands.size();
        int[] owner = new int[slots];           // demand's booking (Demand.same) holding the slot, or -1
        Arrays.fill(owner, -1);
        freshRuns(code, owner, null, runsAny);
        longestAny = -1;
        int free = 0;
        for (byte b : code) {
            if (b == FREE) {
                free++;
            }
        }
        int[][] start = new int[n][];
        Reason[][] lost = new Reason[n][];
        boolean[][] tooLong = new boolean[n][];
        int cats = Category.values().length;
        int[] pending = new int[cats];
        int[] placed = new int[cats];
        int active = 0;
        int longestAny = longestRun(code, null);
        for (int d = 0; d < n; d++) {
            Demand dm = demands.get(d);
            int plays = dm.plays;
            start[d] = new int[plays];
            Arrays.fill(start[d], -1);
            lost[d] = new Reason[plays];
            tooLong[d] = new boolean[plays];
            int longest = dm.mask == null ? longestAny : longestRun(code, dm.mask);
            for (int p = 0; p < plays; p++) {
                if (dm.lengths[p] > longest) {
                    tooLong[d][p] = true;
                } else {
                    pending[dm.category.ordinal()] += dm.lengths[p];
                }
            }
            if (plays > 0) {
                active++;
            }
        }
        int[] reserve = reserves(free);
        int[] roomBefore = new int[n];

        int rank = 0;
        double[] phase = new double[n];
        for (int d = 0; d < n; d++) {
            if (demands.get(d).plays > 0) {
                phase[d] = (rank++ + 0.5) / active;
            }
        }

        int first = 0;
        while (first < n) {
            int end = first;
            while (end < n && demands.get(end).group == demands.get(first).group) {
                end++;
            }
            // What the loop looked like before this priority level: a play that would have fitted then lost
            // to its equals (OVERBOOKED), one that would not lost to higher priorities or alerts (OUTRANKED).
            int rounds = 0;
            int roomAny = longestFree(code, owner, null);
            for (int d = first; d < end; d++) {
                int[] mask = demands.get(d).mask;
                rounds = Math.max(rounds, demands.get(d).plays);
                roomBefore[d] = mask == null ? roomAny : longestFree(code, owner, mask);
            }
            for (int r = 0; r < rounds; r++) {
                for (int d = first; d < end; d++) {
                    Demand dm = demands.get(d);
                    if (r >= dm.plays) {
                        continue;
                    }
                    if (tooLong[d][r]) {
                        lost[d][r] = Reason.ITEM_TOO_LONG;
                        continue;
                    }
                    int len = dm.lengths[r];
                    int cat = dm.category.ordinal();
                    int held = heldForOthers(cat, reserve, placed, pending);
                    if (held > 0 && free >= len && free - len < held) {
                        lost[d][r] = Reason.SHARE_RESERVED;
                        pending[cat] -= len;
                        continue;
                    }
                    double centre = (r + phase[d]) * slots / dm.plays;
                    boolean noRoom = free < len || (dm.mask == null && len > longestRunAny());
                    int at = noRoom ? -1 : bestStart(code, owner, dm, len, centre);
                    pending[cat] -= len;
                    if (at < 0) {
                        lost[d][r] = len <= roomBefore[d] ? Reason.OVERBOOKED : Reason.OUTRANKED;
                        continue;
                    }
                    Arrays.fill(owner, at, at + len, dm.same);
                    taken(at, len);
                    start[d][r] = at;
                    free -= len;
                    placed[cat] += len;
                }
            }
            first = end;
        }
        return new Composition(start, lost);
    }

    /** Slots reserved per category for this loop: its share of the free slots, rounded up, never over all. */
    private int[] reserves(int free) {
        int[] reserve = new int[Category.values().length];
        int left = free;
        for (Category c : Category.values()) {
            Integer share = shares.get(c);
            if (share == null || share <= 0 || c == Category.ALERT) {
                continue;
            }
            int r = Math.min(left, (share * free + 99) / 100);
            reserve[c.ordinal()] = r;
            left -= r;
        }
        return reserve;
    }

    /** Free slots other categories may still claim for their minimum share (filler's share is always held). */
    private static int heldForOthers(int cat, int[] reserve, int[] placed, int[] pending) {
        int held = 0;
        for (int c = 0; c < reserve.length; c++) {
            if (c == cat || reserve[c] == 0) {
                continue;
            }
            int stillWanted = c == Category.FILLER.ordinal() ? reserve[c] : Math.min(reserve[c] - placed[c], pending[c]);
            held += Math.max(0, stillWanted);
        }
        return held;
    }

    private int bestStart(byte[] code, int[] owner, Demand dm, int len, double centre) {
        int[] run = runs(code, owner, dm.mask);
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int p = 0; p + len <= slots; p++) {
            if (run[p] < len) {
                continue;
            }
            double cost = Math.abs(p + len / 2.0 - centre);
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
    private int[] runs(byte[] code, int[] owner, int[] mask) {
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
        longestAny = -1;
    }

    /** The longest free run of the loop, remembered until the next play is placed. */
    private int longestRunAny() {
        if (longestAny < 0) {
            int best = 0;
            for (int r : runsAny) {
                best = Math.max(best, r);
            }
            longestAny = best;
        }
        return longestAny;
    }

    private int longestFree(byte[] code, int[] owner, int[] mask) {
        int[] run = runs(code, owner, mask);
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
