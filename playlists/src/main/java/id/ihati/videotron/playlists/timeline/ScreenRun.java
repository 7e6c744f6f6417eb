package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.LoopComposer.Composition;
import id.ihati.videotron.playlists.timeline.LoopComposer.Demand;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One resolution of one manifest: the state shared by the days of a range (caches, sorted bookings). */
final class ScreenRun {
    private static final int MAX_LOOKAHEAD_DAYS = 62;
    /** Bookings are placed by priority, higher first, ties by id. */
    private static final Comparator<Booking> BOOKING_ORDER =
            (a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority()) : a.id().compareTo(b.id());

    /** A media file as the resolver needs it: slots per play and validity in whole epoch seconds. */
    private record MediaInfo(String id, int slots, long fromSec, long untilSec) {
        boolean usable(long s, long e) {
            return fromSec <= s && e <= untilSec;
        }
    }

    private record TallyKey(LocalDate day, String bookingId) {
    }

    /** Requested, planned and missing plays of one booking on one of its days. */
    private static final class Tally {
        final String bookingId;
        final LocalDate day;
        int requested;
        int planned;
        /** Plays its windows would ask for where the screen is dark: never requested, never lost. */
        int outside;
        final int[] missing = new int[Reason.values().length];

        Tally(String bookingId, LocalDate day) {
            this.bookingId = bookingId;
            this.day = day;
        }
    }

    /**
     * A booking on one of its days, seen from the day whose loops are being planned. Slot ranges are
     * {@code {first, end, …}} in the day's slot grid (slot g starts at midnight + g·slot length).
     */
    private static final class Occurrence {
        final int index;
        final Booking booking;
        final long[] eligible;
        final int[] windowRanges;
        final int[] eligibleRanges;
        int[] dayTargets;
        int[] firstTarget;
        boolean darkTargets;
        final Tally tally;
        // What planning a loop reads of the booking, copied here so that it is one object away.
        /** Its items' media ({@code null} where the manifest lacks one). */
        final MediaInfo[] items;
        final int group;
        final Category category;
        /** Plays per loop of a per-loop booking, else 0. */
        final int perLoop;
        /** n of an every-Nth-loop booking, else 0 (per-day bookings have {@link #dayTargets}). */
        final int everyNth;

        Occurrence(int index, Booking booking, MediaInfo[] items, int group, long[] eligible, int[] windowRanges,
                   int[] eligibleRanges, Tally tally) {
            this.index = index;
            this.booking = booking;
            this.items = items;
            this.group = group;
            this.category = booking.category();
            this.eligible = eligible;
            this.windowRanges = windowRanges;
            this.eligibleRanges = eligibleRanges;
            this.tally = tally;
            this.perLoop = booking.frequency() instanceof Frequency.PerLoop f ? f.slots() : 0;
            this.everyNth = booking.frequency() instanceof Frequency.EveryNthLoop nth ? nth.n() : 0;
        }

        /**
         * The first loop from {@code k} on in which the booking may ask for plays (every-Nth-loop and per-day
         * bookings skip most loops); {@code dayTargets.length} or more when there is none.
         */
        int nextAsk(int k) {
            if (dayTargets != null) {
                while (k < dayTargets.length && dayTargets[k] == 0) {
                    k++;
                }
                return k;
            }
            int r = everyNth == 0 ? 0 : k % everyNth;
            return r == 0 ? k : k + everyNth - r;
        }
    }

    /** What a booking asks of one loop, with where it comes from and the item chosen for each play. */
    private static final class LoopDemand extends Demand {
        Occurrence occurrence;
        /** Media id of each play's item. */
        String[] items = new String[lengths.length];
    }

    private final Manifest manifest;
    private final ScreenProfile screen;
    private final ZoneId zone;
    private final int slot;
    private final int loop;
    private final int slots;
    private final Map<String, MediaInfo> media = new HashMap<>();
    private final List<Booking> bookings;
    /** Per booking, its items' media ({@code null} where the manifest lacks one), looked up once. */
    private final MediaInfo[][] itemMedia;
    private final int[] group;
    /** Per booking, its demand's index in the loop being planned, valid while {@code demandStamp} matches. */
    private final int[] demandIndex;
    private final int[] demandStamp;
    private int stamp;
    private final List<Alert> alerts;
    private final List<String> filler;
    /** The filler items' media ({@code null} where the manifest lacks one), looked up once. */
    private final MediaInfo[] fillerMedia;
    private final LoopComposer composer;
    private final Map<LocalDate, Long> dayStarts = new HashMap<>();
    private final Map<LocalDate, long[]> operating = new HashMap<>();
    private final Map<TallyKey, Tally> tallies = new HashMap<>();
    /** Per day, each booking's windows of that day ({@link Intervals#of}), computed once per run. */
    private final Map<LocalDate, long[][]> windows = new HashMap<>();
    /** Demands of the loop being planned are taken from here, reused from loop to loop. */
    private final List<LoopDemand> demandPool = new ArrayList<>();
    /** End of the play added last, see {@link #add}. */
    private long lastEndSec = Long.MIN_VALUE;
    private Instant lastEnd;

    // Per-loop scratch arrays, reused so that planning a day does not allocate per slot.
    private final byte[] state;
    private final int[] alertAt;
    private final byte[] code;
    private final int[] startDemand;
    private final int[] startPlay;

    private static final byte FULL = 0;
    private static final byte PARTIAL = 1;
    private static final byte DARK = 2;

    ScreenRun(Manifest manifest) {
        this.manifest = manifest;
        this.screen = manifest.screen();
        this.zone = screen.timeZone();
        this.slot = screen.slotSeconds();
        this.loop = screen.loopSeconds();
        this.slots = screen.slotsPerLoop();
        for (Media m : manifest.media()) {
            long from = m.validFrom() == null ? Long.MIN_VALUE : ceilSeconds(m.validFrom());
            long until = m.validUntil() == null ? Long.MAX_VALUE : m.validUntil().getEpochSecond();
            int need = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (m.durationMillis() + slot * 1000L - 1) / (slot * 1000L)));
            media.putIfAbsent(m.id(), new MediaInfo(m.id(), need, from, until));
        }
        List<Booking> targeting = new ArrayList<>();
        for (Booking b : manifest.bookings()) {
            if (b.targets().includes(screen)) {
                targeting.add(b);
            }
        }
        targeting.sort(BOOKING_ORDER);
        this.bookings = targeting;
        this.itemMedia = new MediaInfo[bookings.size()][];
        for (int b = 0; b < bookings.size(); b++) {
            itemMedia[b] = mediaOf(bookings.get(b).items());
        }
        this.demandIndex = new int[bookings.size()];
        this.demandStamp = new int[bookings.size()];
        this.group = new int[bookings.size()];
        for (int i = 1; i < bookings.size(); i++) {
            group[i] = group[i - 1] + (bookings.get(i).priority() == bookings.get(i - 1).priority() ? 0 : 1);
        }
        this.alerts = manifest.alerts().stream()
                .filter(a -> a.targets().includes(screen))
                .sorted(Comparator.comparingInt(Alert::priority).reversed().thenComparing(Alert::from)
                        .thenComparing(Alert::id))
                .toList();
        this.filler = manifest.filler() == null ? List.of() : manifest.filler().items();
        this.fillerMedia = mediaOf(filler);
        this.composer = new LoopComposer(slots, screen.minSharePercent());
        this.state = new byte[slots];
        this.alertAt = new int[slots];
        this.code = new byte[slots];
        this.startDemand = new int[slots];
        this.startPlay = new int[slots];
    }

    /** The media of {@code ids}, {@code null} where the manifest lacks one. */
    private MediaInfo[] mediaOf(List<String> ids) {
        MediaInfo[] out = new MediaInfo[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = media.get(ids.get(i));
        }
        return out;
    }

    Timeline resolve(Instant from, Instant to) {
        long fromSec = from.getEpochSecond();
        long toSec = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        // Sized for about one play per slot (capped), so that the list rarely grows while a day is planned.
        List<PlannedPlay> plays = new ArrayList<>((int) Math.min(1 << 16, (toSec - fromSec) / slot + 16));
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            planDay(d, fromSec, toSec, plays);
        }
        return new Timeline(plays, shortfalls(), nextChange(from, to));
    }

    // ---------------------------------------------------------------- days and loops

    private void planDay(LocalDate day, long fromSec, long toSec, List<PlannedPlay> out) {
        long ds = dayStart(day);
        long de = dayStart(day.plusDays(1));
        int loops = (int) ceilDiv(de - ds, loop);
        int k0 = (int) Math.max(0, Math.floorDiv(fromSec - ds, loop));
        int k1 = (int) Math.min(loops - 1, Math.floorDiv(toSec - 1 - ds, loop));
        if (k0 > k1) {
            return;
        }
        long[] avail = operating(day);
        List<Occurrence> occurrences = occurrences(day, ds, de, loops, avail);
        LoopIndex index = new LoopIndex(occurrences, loops, k0, k1);
        List<LoopDemand> demands = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            long ls = ds + (long) k * loop;
            long le = Math.min(ls + loop, de);
            classifySlots(avail, ls, le);
            markAlerts(ls, le);
            demands.clear();
            collectDemands(occurrences, index, k, ls, le, demands);
            // Not cached: in the benchmark's over-booked fleet only 3 % of loops repeat an earlier composition,
            // so building and looking up a key cost more than composing again.
            Composition c = demands.isEmpty() ? null : composer.compose(code, demands);
            Arrays.fill(startDemand, -1);
            if (c != null) {
                for (int d = 0; d < demands.size(); d++) {
                    Tally t = demands.get(d).occurrence.tally;
                    for (int p = 0; p < demands.get(d).plays; p++) {
                        int s = c.start(d, p);
                        if (s >= 0) {
                            t.planned++;
                            startDemand[s] = d;
                            startPlay[s] = p;
                        } else {
                            t.missing[c.lost(d, p).ordinal()]++;
                        }
                    }
                }
            }
            emitLoop(day, k, ls, le, avail, demands, fromSec, toSec, out);
        }
    }

    /** Bookings in force during the day's loops: those of the day itself and overnight windows of the day before. */
    private List<Occurrence> occurrences(LocalDate day, long ds, long de, int loops, long[] avail) {
        List<Occurrence> result = new ArrayList<>();
        for (int b = 0; b < bookings.size(); b++) {
            Booking booking = bookings.get(b);
            for (LocalDate x = day.minusDays(1); !x.isAfter(day); x = x.plusDays(1)) {
                if (!activeOn(booking, x)) {
                    continue;
                }
                long[] window = windows(b, x);
                long[] inDay = Intervals.clip(window, ds, de);
                if (inDay.length == 0) {
                    continue;
                }
                long[] eligible = Intervals.intersect(inDay, avail);
                Occurrence o = new Occurrence(b, booking, itemMedia[b], group[b], eligible, slotRanges(inDay, ds),
                        slotRanges(eligible, ds), tallyFor(booking, x));
                if (booking.frequency() instanceof Frequency.PerDay perDay) {
                    spreadPerDay(o, x, window, day, loops, perDay.plays());
                }
                result.add(o);
            }
        }
        return result;
    }

    private Tally tallyFor(Booking booking, LocalDate day) {
        return tallies.computeIfAbsent(new TallyKey(day, booking.id()), key -> new Tally(booking.id(), day));
    }

    /**
     * Spreads a per-day booking's plays evenly over the slots of its occurrence (which may run past midnight)
     * that lie inside both its windows and the operating hours, and keeps the ones falling on {@code day}.
     * When no such slot exists the plays are spread over the window alone and all reported missing.
     */
    private void spreadPerDay(Occurrence o, LocalDate occurrenceDay, long[] window, LocalDate day, int loops, int plays) {
        o.dayTargets = new int[loops];
        o.firstTarget = new int[loops];
        Arrays.fill(o.firstTarget, -1);
        for (int pass = 0; pass < 2; pass++) {
            boolean dark = pass == 1;
            List<long[]> ranges = new ArrayList<>();      // {dayOffset, firstSlot, endSlot}
            long total = 0;
            for (int off = 0; off < 2; off++) {
                LocalDate y = occurrenceDay.plusDays(off);
                long ys = dayStart(y);
                long[] part = Intervals.clip(window, ys, dayStart(y.plusDays(1)));
                if (!dark) {
                    part = Intervals.intersect(part, operating(y));
                }
                for (int i = 0; i < part.length; i += 2) {
                    long g0 = ceilDiv(part[i] - ys, slot);
                    long g1 = Math.floorDiv(part[i + 1] - ys, slot);
                    if (g0 < g1) {
                        ranges.add(new long[] {off, g0, g1});
                        total += g1 - g0;
                    }
                }
            }
            if (total == 0) {
                continue;
            }
            o.darkTargets = dark;
            int dayOffset = (int) (day.toEpochDay() - occurrenceDay.toEpochDay());
            for (int j = 0; j < plays; j++) {
                long pos = (2L * j + 1) * total / (2L * plays);
                for (long[] r : ranges) {
                    long len = r[2] - r[1];
                    if (pos < len) {
                        if (r[0] == dayOffset) {
                            int k = (int) ((r[1] + pos) / slots);
                            o.dayTargets[k]++;
                            if (o.firstTarget[k] < 0) {
                                o.firstTarget[k] = j;
                            }
                        }
                        break;
                    }
                    pos -= len;
                }
            }
            return;
        }
    }

    /** What each occurrence asks of loop {@code k}; records requests and plays lost outside operating hours. */
    private void collectDemands(List<Occurrence> occurrences, LoopIndex index, int k, long ls, long le,
                                List<LoopDemand> demands) {
        stamp++;
        for (int j = index.start[k]; j < index.start[k + 1]; j++) {
            Occurrence o = occurrences.get(index.occurrence[j]);
            int w = index.window[j];
            int e = index.eligible[j];
            int askedInWindow;
            int askedHere;
            int base;
            if (o.perLoop > 0) {
                askedInWindow = share(o.perLoop, w);
                askedHere = share(o.perLoop, e);
                base = k * o.perLoop;
            } else if (o.everyNth > 0) {
                boolean due = k % o.everyNth == 0;
                askedInWindow = due ? share(1, w) : 0;
                askedHere = due ? share(1, e) : 0;
                base = k / o.everyNth;
            } else {
                askedInWindow = o.dayTargets[k];
                askedHere = o.darkTargets ? 0 : askedInWindow;
                base = Math.max(0, o.firstTarget[k]);
            }
            if (askedInWindow == 0) {
                continue;
            }
            // Only lit time is asked for: a window reaching into dark hours (an all-day booking on a screen
            // that runs 05:00-24:00) loses nothing there.
            o.tally.requested += askedHere;
            o.tally.outside += askedInWindow - askedHere;
            if (askedHere == 0) {
                continue;
            }
            MediaInfo[] items = o.items;
            LoopDemand dm = pooledDemand(demands.size(), askedHere);
            String[] chosen = dm.items;
            int[] lengths = dm.lengths;
            boolean available = true;
            for (int p = 0; p < askedHere && available; p++) {
                int idx = usableItem(items, base + p, ls, le);
                if (idx < 0) {
                    available = false;
                } else {
                    chosen[p] = items[idx].id();
                    lengths[p] = items[idx].slots();
                }
            }
            if (!available) {
                o.tally.missing[Reason.MEDIA_UNAVAILABLE.ordinal()] += askedHere;
                continue;
            }
            int same = demandStamp[o.index] == stamp ? demandIndex[o.index] : demands.size();
            demandStamp[o.index] = stamp;
            demandIndex[o.index] = same;
            dm.same = same;
            dm.group = o.group;
            dm.category = o.category;
            dm.mask = e == slots ? null : mask(o.eligible, ls);
            dm.plays = askedHere;
            dm.occurrence = o;
            demands.add(dm);
        }
    }

    /** The pool's demand number {@code at}, with room for {@code plays} plays. */
    private LoopDemand pooledDemand(int at, int plays) {
        while (demandPool.size() <= at) {
            demandPool.add(new LoopDemand());
        }
        LoopDemand dm = demandPool.get(at);
        if (dm.lengths.length < plays) {
            dm.lengths = new int[Math.max(plays, 2 * dm.lengths.length)];
            dm.items = new String[dm.lengths.length];
        }
        return dm;
    }

    /** {@code perLoop} scaled to a loop of which only {@code inside} slots count, rounded half up. */
    private int share(int perLoop, int inside) {
        if (inside == slots) {
            return perLoop;
        }
        return (int) ((2L * perLoop * inside + slots) / (2L * slots));
    }

    /** Index of the first item, from {@code start} on in rotation, that is in the manifest and valid all loop. */
    private static int usableItem(MediaInfo[] items, int start, long ls, long le) {
        int n = items.length;
        for (int i = 0; i < n; i++) {
            int idx = Math.floorMod(start + i, n);
            MediaInfo m = items[idx];
            if (m != null && m.usable(ls, le)) {
                return idx;
            }
        }
        return -1;
    }

    private int[] mask(long[] eligible, long ls) {
        int[] out = new int[eligible.length];
        int len = 0;
        for (int i = 0; i < eligible.length; i += 2) {
            long s0 = Math.max(0, ceilDiv(eligible[i] - ls, slot));
            long s1 = Math.min(slots, Math.floorDiv(eligible[i + 1] - ls, slot));
            if (s0 < s1) {
                out[len++] = (int) s0;
                out[len++] = (int) s1;
            }
        }
        return Arrays.copyOf(out, len);
    }

    /** Fills {@link #state}: which slots of the loop are wholly, partly or not at all inside operating hours. */
    private void classifySlots(long[] avail, long ls, long le) {
        if (le - ls == loop && Intervals.covers(avail, ls, le)) {
            Arrays.fill(state, FULL);
        } else if (!Intervals.overlaps(avail, ls, le)) {
            Arrays.fill(state, DARK);
        } else {
            for (int s = 0; s < slots; s++) {
                long a = ls + (long) s * slot;
                long b = Math.min(a + slot, le);
                if (a >= le || !Intervals.overlaps(avail, a, b)) {
                    state[s] = DARK;
                } else if (b - a == slot && Intervals.covers(avail, a, b)) {
                    state[s] = FULL;
                } else {
                    state[s] = PARTIAL;
                }
            }
        }
    }

    /** Fills {@link #alertAt} (highest-priority alert overlapping each lit slot) and {@link #code}. */
    private void markAlerts(long ls, long le) {
        Arrays.fill(alertAt, -1);
        for (int a = 0; a < alerts.size(); a++) {
            Alert alert = alerts.get(a);
            long af = alert.from().getEpochSecond();
            long au = alert.until() == null ? Long.MAX_VALUE : ceilSeconds(alert.until());
            MediaInfo m = media.get(alert.mediaId());
            if (af >= le || au <= ls || m == null || !m.usable(ls, le)) {
                continue;
            }
            for (int s = 0; s < slots; s++) {
                long sa = ls + (long) s * slot;
                long sb = Math.min(sa + slot, le);
                if (state[s] != DARK && alertAt[s] < 0 && sa < au && af < sb) {
                    alertAt[s] = a;
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            code[s] = state[s] != FULL ? LoopComposer.UNBOOKABLE : alertAt[s] >= 0 ? LoopComposer.ALERT : LoopComposer.FREE;
        }
    }

    // ---------------------------------------------------------------- turning slots into plays

    private void emitLoop(LocalDate day, int k, long ls, long le, long[] avail, List<LoopDemand> demands,
                          long fromSec, long toSec,
                          List<PlannedPlay> out) {
        if (le <= fromSec || ls >= toSec) {
            return;
        }
        int[] fillerNext = {filler.isEmpty() ? 0 : k % filler.size()};
        int s = 0;
        while (s < slots) {
            long a = ls + (long) s * slot;
            if (startDemand[s] >= 0) {
                int d = startDemand[s];
                LoopDemand dm = demands.get(d);
                int len = dm.lengths[startPlay[s]];
                Booking b = dm.occurrence.booking;
                String item = dm.items[startPlay[s]];
                add(out, fromSec, toSec, a, a + (long) len * slot, item, b.category(), b.id(), day, k, s, len);
                s += len;
            } else if (state[s] == DARK) {
                s++;
            } else if (state[s] == PARTIAL) {
                long b = Math.min(a + slot, le);
                long[] lit = Intervals.clip(avail, a, b);
                for (int i = 0; i < lit.length; i += 2) {
                    if (alertAt[s] >= 0) {
                        Alert alert = alerts.get(alertAt[s]);
                        add(out, fromSec, toSec, lit[i], lit[i + 1], alert.mediaId(), Category.ALERT, alert.id(),
                                day, k, s, 1);
                    } else {
                        fill(out, fromSec, toSec, lit[i], lit[i + 1], 1, fillerNext, ls, le, day, k, s);
                    }
                }
                s++;
            } else {
                int run = 1;
                int who = alertAt[s];
                while (s + run < slots && state[s + run] == FULL && startDemand[s + run] < 0 && alertAt[s + run] == who) {
                    run++;
                }
                if (who >= 0) {
                    Alert alert = alerts.get(who);
                    int need = media.get(alert.mediaId()).slots();
                    for (int done = 0; done < run; done += need) {
                        int len = Math.min(need, run - done);
                        long pa = a + (long) done * slot;
                        add(out, fromSec, toSec, pa, pa + (long) len * slot, alert.mediaId(), Category.ALERT,
                                alert.id(), day, k, s + done, len);
                    }
                } else {
                    for (int done = 0; done < run; ) {
                        long pa = a + (long) done * slot;
                        int used = fill(out, fromSec, toSec, pa, a + (long) run * slot, run - done, fillerNext, ls, le,
                                day, k, s + done);
                        if (used == 0) {
                            break;
                        }
                        done += used;
                    }
                }
                s += run;
            }
        }
    }

    /**
     * Plays the next filler item in {@code [a, b)}, which spans {@code room} slots (or is a partial slot):
     * the next item in rotation that fits, else the next usable one cut short at {@code b}. Returns the slots
     * used, 0 when no filler item is usable.
     */
    private int fill(List<PlannedPlay> out, long fromSec, long toSec, long a, long b, int room, int[] next,
                     long ls, long le, LocalDate day, int k, int s) {
        int n = filler.size();
        int fallback = -1;
        for (int i = 0; i < n; i++) {
            int idx = (next[0] + i) % n;
            MediaInfo m = fillerMedia[idx];
            if (m == null || !m.usable(ls, le)) {
                continue;
            }
            if (fallback < 0) {
                fallback = idx;
            }
            if (m.slots() <= room && b - a == (long) room * slot) {
                long end = a + (long) m.slots() * slot;
                add(out, fromSec, toSec, a, end, m.id(), Category.FILLER, null, day, k, s, m.slots());
                next[0] = (idx + 1) % n;
                return m.slots();
            }
        }
        if (fallback < 0) {
            return 0;
        }
        add(out, fromSec, toSec, a, b, filler.get(fallback), Category.FILLER, null, day, k, s, room);
        next[0] = (fallback + 1) % n;
        return room;
    }

    private void add(List<PlannedPlay> out, long fromSec, long toSec, long start, long end, String mediaId,
                     Category category, String sourceId, LocalDate day, int k, int s, int n) {
        if (end > fromSec && start < toSec) {
            // Most plays start where the one before ended: share that (immutable) Instant instead of a new one.
            Instant startsAt = start == lastEndSec ? lastEnd : Instant.ofEpochSecond(start);
            lastEnd = Instant.ofEpochSecond(end);
            lastEndSec = end;
            out.add(new PlannedPlay(startsAt, lastEnd, screen.id(), mediaId, category, sourceId, day, k, s, n));
        }
    }

    // ---------------------------------------------------------------- shortfalls and next change

    private List<Shortfall> shortfalls() {
        List<Tally> sorted = new ArrayList<>(tallies.values());
        sorted.sort((a, b) -> a.day.equals(b.day) ? a.bookingId.compareTo(b.bookingId) : a.day.compareTo(b.day));
        List<Shortfall> out = new ArrayList<>();
        for (Tally t : sorted) {
            if (t.requested == 0 && t.outside > 0) {
                // Its windows that day lie wholly where the screen is dark: told, but not a loss.
                out.add(new Shortfall(t.bookingId, screen.id(), t.day, t.outside, 0,
                        Reason.OUTSIDE_OPERATING_HOURS));
                continue;
            }
            if (t.planned >= t.requested) {
                continue;
            }
            Reason worst = null;
            for (Reason r : Reason.values()) {
                if (t.missing[r.ordinal()] > 0 && (worst == null || t.missing[r.ordinal()] > t.missing[worst.ordinal()])) {
                    worst = r;
                }
            }
            out.add(new Shortfall(t.bookingId, screen.id(), t.day, t.requested, t.planned,
                    worst == null ? Reason.OUTRANKED : worst));
        }
        return out;
    }

    private Instant nextChange(Instant from, Instant to) {
        long fromSec = from.getEpochSecond();
        Instant horizon = manifest.validUntil().isAfter(to) ? manifest.validUntil() : to;
        Instant cap = from.plus(java.time.Duration.ofDays(MAX_LOOKAHEAD_DAYS));
        if (horizon.isAfter(cap)) {
            horizon = cap;
        }
        long horizonSec = horizon.getEpochSecond();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(horizon, zone).plusDays(1);
        // Most plans change within a day or two: look at a few days first, at the rest only if needed.
        LocalDate near = first.plusDays(4);
        long best = Long.MAX_VALUE;
        if (near.isBefore(last)) {
            best = earliestChange(first, near, fromSec);
            if (best >= dayStart(near)) {
                best = Long.MAX_VALUE;     // a change seen on the last day looked at may merge with the next day
            }
        }
        if (best == Long.MAX_VALUE) {
            best = earliestChange(first, last, fromSec);
        }
        return best == Long.MAX_VALUE || best > horizonSec ? null : Instant.ofEpochSecond(best);
    }

    /** The first loop start after {@code fromSec} at which something starts or ends, looking at days first…last. */
    private long earliestChange(LocalDate first, LocalDate last, long fromSec) {
        long best = Long.MAX_VALUE;
        List<long[]> parts = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            parts.add(Intervals.of(d, screen.operatingHours().get(d.getDayOfWeek()), zone));
        }
        best = earliestAfter(best, Intervals.unionAll(parts), fromSec);
        for (int b = 0; b < bookings.size(); b++) {
            parts.clear();
            // A day's windows start at its midnight or later. Once that lies a loop past the best change found,
            // neither those windows nor what they would merge with can give an earlier one: stop there.
            for (LocalDate d = first; !d.isAfter(last) && dayStart(d) - loop < best; d = d.plusDays(1)) {
                if (activeOn(bookings.get(b), d)) {
                    parts.add(windows(b, d));
                }
            }
            best = earliestAfter(best, Intervals.unionAll(parts), fromSec);
        }
        List<long[]> points = new ArrayList<>();
        for (Alert a : alerts) {
            points.add(new long[] {a.from().getEpochSecond(), a.until() == null ? Long.MIN_VALUE : ceilSeconds(a.until())});
        }
        for (Media m : manifest.media()) {
            points.add(new long[] {m.validFrom() == null ? Long.MIN_VALUE : ceilSeconds(m.validFrom()),
                    m.validUntil() == null ? Long.MIN_VALUE : m.validUntil().getEpochSecond()});
        }
        for (long[] p : points) {
            best = earliestAfter(best, p, fromSec);
        }
        return best;
    }

    /** The earliest loop start after {@code after} among the loops containing any of {@code instants}. */
    private long earliestAfter(long best, long[] instants, long after) {
        for (long t : instants) {
            // The loop containing t starts at or before t and after t - loop: skip what cannot come between.
            if (t == Long.MIN_VALUE || t == Long.MAX_VALUE || t <= after || t - loop >= best) {
                continue;
            }
            LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(t), zone);
            long ds = dayStart(d);
            long loopStart = ds + Math.floorDiv(t - ds, loop) * loop;
            if (loopStart > after && loopStart < best) {
                best = loopStart;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- small helpers

    private static boolean activeOn(Booking b, LocalDate d) {
        return !d.isBefore(b.dateFrom()) && !d.isAfter(b.dateTo()) && b.weekdays().contains(d.getDayOfWeek());
    }

    /** Booking {@code b}'s windows on {@code day}, whether or not it is active then. */
    private long[] windows(int b, LocalDate day) {
        long[][] ofDay = windows.computeIfAbsent(day, d -> new long[bookings.size()][]);
        if (ofDay[b] == null) {
            ofDay[b] = Intervals.of(day, bookings.get(b).windows(), zone);
        }
        return ofDay[b];
    }

    private long dayStart(LocalDate d) {
        return dayStarts.computeIfAbsent(d, x -> Intervals.dayStart(x, zone));
    }

    /** Operating time of a day's loops: its own windows and the overnight end of the day before's. */
    private long[] operating(LocalDate day) {
        return operating.computeIfAbsent(day, d -> {
            long[] prev = Intervals.of(d.minusDays(1), screen.operatingHours().get(d.minusDays(1).getDayOfWeek()), zone);
            long[] own = Intervals.of(d, screen.operatingHours().get(d.getDayOfWeek()), zone);
            return Intervals.clip(Intervals.union(prev, own), dayStart(d), dayStart(d.plusDays(1)));
        });
    }

    /** The day-grid slots lying wholly inside {@code intervals}, as ranges {@code {first, end, …}}. */
    private int[] slotRanges(long[] intervals, long ds) {
        int[] out = new int[intervals.length];
        int len = 0;
        for (int i = 0; i < intervals.length; i += 2) {
            long g0 = ceilDiv(intervals[i] - ds, slot);
            long g1 = Math.floorDiv(intervals[i + 1] - ds, slot);
            if (g0 < g1) {
                out[len++] = (int) g0;
                out[len++] = (int) g1;
            }
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /**
     * Which occurrences may ask for plays in each loop of a day, as a compact index: those of loop k are entries
     * {@code start[k] … start[k + 1] - 1}, in occurrence order, each with how many of the loop's slots lie in
     * the booking's window and how many also in the operating hours. Planning a loop then reads only the
     * bookings in force in it, from flat arrays.
     */
    private final class LoopIndex {
        final int[] start;
        final int[] occurrence;
        final int[] window;
        final int[] eligible;
        /** Only loops {@code k0 … k1} (those being planned) are indexed. */
        private final int k0;
        private final int k1;

        LoopIndex(List<Occurrence> occurrences, int loops, int k0, int k1) {
            this.k0 = k0;
            this.k1 = k1;
            start = new int[loops + 1];
            int[] last = new int[loops];
            Arrays.fill(last, -1);
            for (int i = 0; i < occurrences.size(); i++) {
                Occurrence o = occurrences.get(i);
                int[] r = o.windowRanges;
                for (int j = 0; j < r.length; j += 2) {
                    int kEnd = Math.min(k1, (r[j + 1] - 1) / slots);
                    for (int k = o.nextAsk(Math.max(k0, r[j] / slots)); k <= kEnd; k = o.nextAsk(k + 1)) {
                        if (last[k] != i) {
                            last[k] = i;
                            start[k + 1]++;
                        }
                    }
                }
            }
            for (int k = 0; k < loops; k++) {
                start[k + 1] += start[k];
            }
            occurrence = new int[start[loops]];
            window = new int[start[loops]];
            eligible = new int[start[loops]];
            int[] fill = Arrays.copyOf(start, loops);
            int[] entry = new int[loops];
            Arrays.fill(last, -1);
            for (int i = 0; i < occurrences.size(); i++) {
                Occurrence o = occurrences.get(i);
                add(o, o.windowRanges, i, last, fill, entry, window, true);
                add(o, o.eligibleRanges, i, last, fill, entry, eligible, false);
            }
        }

        /**
         * Adds each range's slots to the loops it covers in which the occurrence may ask for plays; new entries
         * only for window ranges (the eligible ones lie inside them).
         */
        private void add(Occurrence o, int[] r, int i, int[] last, int[] fill, int[] entry, int[] counts, boolean open) {
            for (int j = 0; j < r.length; j += 2) {
                int kEnd = Math.min(k1, (r[j + 1] - 1) / slots);
                for (int k = o.nextAsk(Math.max(k0, r[j] / slots)); k <= kEnd; k = o.nextAsk(k + 1)) {
                    if (open && last[k] != i) {
                        last[k] = i;
                        entry[k] = fill[k]++;
                        occurrence[entry[k]] = i;
                    }
                    int lo = k * slots;
                    counts[entry[k]] += Math.min(lo + slots, r[j + 1]) - Math.max(lo, r[j]);
                }
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long ceilSeconds(Instant t) {
        return t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
    }
}
