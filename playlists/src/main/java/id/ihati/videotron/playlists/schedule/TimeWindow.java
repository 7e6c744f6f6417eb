package id.ihati.videotron.playlists.schedule;

import java.time.LocalTime;

/**
 * A half-open daily window {@code [from, to)} in the screen's local time. A window whose {@code to} is not
 * after its {@code from} runs past midnight and belongs to the day it starts on; {@code from == to} is the
 * whole day (24 hours from {@code from}).
 */
public record TimeWindow(LocalTime from, LocalTime to) {
    public static final TimeWindow ALL_DAY = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public TimeWindow {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
    }

    /** True when the window runs past midnight into the next day. */
    public boolean overnight() {
        return !to.isAfter(from);
    }

    /** Length of the window in seconds, 1 to 86 400. */
    public int lengthSeconds() {
        int f = from.toSecondOfDay();
        int t = to.toSecondOfDay();
        return t > f ? t - f : t - f + 86_400;
    }
}
