package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * Sets of half-open time intervals in epoch seconds, stored flat as {@code {start0, end0, start1, end1, …}}:
 * sorted, disjoint and never touching (touching intervals are merged), so "inside the set" means "inside one
 * interval". Plain arrays because the resolver builds many of them per screen-day.
 */
final class Intervals {
    static final long[] NONE = new long[0];

    private Intervals() {
    }

    /** Epoch second of local midnight starting {@code day} (the end of a DST gap if midnight is skipped). */
    static long dayStart(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    /**
     * Epoch second at which the local {@code time} of {@code day} happens. A time that does not exist (DST
     * gap) is the moment the clocks jump. A time that happens twice (clocks going back) is its later
     * occurrence when {@code start} and its earlier one otherwise, so that a window never includes a moment
     * whose local time lies outside it.
     */
    static long epoch(LocalDate day, LocalTime time, ZoneId zone, boolean start) {
        LocalDateTime local = LocalDateTime.of(day, time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toEpochSecond(offsets.get(0));
        }
        ZoneOffsetTransition t = rules.getTransition(local);
        if (offsets.isEmpty()) {
            return t.getInstant().getEpochSecond();
        }
        return local.toEpochSecond(start ? t.getOffsetAfter() : t.getOffsetBefore());
    }

    /** The daily windows of {@code day}; overnight windows end on the next day. */
    static long[] of(LocalDate day, List<TimeWindow> windows, ZoneId zone) {
        if (windows == null || windows.isEmpty()) {
            return NONE;
        }
        long[] raw = new long[windows.size() * 2];
        int i = 0;
        for (TimeWindow w : windows) {
            raw[i++] = epoch(day, w.from(), zone, true);
            raw[i++] = epoch(w.overnight() ? day.plusDays(1) : day, w.to(), zone, false);
        }
        return merge(raw);
    }

    /** Sorts and merges overlapping or touching intervals; drops empty ones. */
    static long[] merge(long[] raw) {
        int n = raw.length / 2;
        if (n == 0) {
            return NONE;
        }
        long[] sorted = raw.clone();
        // Insertion sort of (start, end) pairs by start: the lists are a handful of windows long.
        for (int i = 1; i < n; i++) {
            long s = sorted[2 * i];
            long e = sorted[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && sorted[2 * j] > s) {
                sorted[2 * j + 2] = sorted[2 * j];
                sorted[2 * j + 3] = sorted[2 * j + 1];
                j--;
            }
            sorted[2 * j + 2] = s;
            sorted[2 * j + 3] = e;
        }
        long[] out = new long[raw.length];
        int len = 0;
        for (int i = 0; i < n; i++) {
            long s = sorted[2 * i];
            long e = sorted[2 * i + 1];
            if (e <= s) {
                continue;
            }
            if (len > 0 && s <= out[len - 1]) {
                out[len - 1] = Math.max(out[len - 1], e);
            } else {
                out[len++] = s;
                out[len++] = e;
            }
        }
        return len == out.length ? out : Arrays.copyOf(out, len);
    }

    /** Merges the intervals of all {@code parts}. */
    static long[] unionAll(List<long[]> parts) {
        int size = 0;
        for (long[] p : parts) {
            size += p.length;
        }
        long[] all = new long[size];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return merge(all);
    }

    static long[] union(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return merge(both);
    }

    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int len = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long s = Math.max(a[i], b[j]);
            long e = Math.min(a[i + 1], b[j + 1]);
            if (s < e) {
                out[len++] = s;
                out[len++] = e;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return len == 0 ? NONE : Arrays.copyOf(out, len);
    }

    static long[] clip(long[] a, long from, long to) {
        return intersect(a, new long[] {from, to});
    }

    /** True when {@code [s, e)} lies inside one interval of {@code a}. */
    static boolean covers(long[] a, long s, long e) {
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] <= s && e <= a[i + 1]) {
                return true;
            }
            if (a[i] > s) {
                return false;
            }
        }
        return false;
    }

    /** True when {@code [s, e)} shares at least one second with {@code a}. */
    static boolean overlaps(long[] a, long s, long e) {
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] < e && s < a[i + 1]) {
                return true;
            }
            if (a[i] >= e) {
                return false;
            }
        }
        return false;
    }

    static long total(long[] a) {
        long t = 0;
        for (int i = 0; i < a.length; i += 2) {
            t += a[i + 1] - a[i];
        }
        return t;
    }
}
