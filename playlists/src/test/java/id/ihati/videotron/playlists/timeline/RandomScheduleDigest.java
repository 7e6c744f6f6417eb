package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.testing.OutputDigest;
import java.time.LocalDate;

/**
 * The resolver's complete output over many random schedules, as one SHA-256 ({@link OutputDigest}). The
 * benchmark fleet has no alerts, no DST and no partial ranges; these schedules have all of them (DST days in
 * four zones, alerts, shares, partly lit slots, long items, ranges of a minute to three days), so equal
 * digests before and after a change to the resolver show it plans exactly the same in those cases too.
 */
public final class RandomScheduleDigest {
    /**
     * Digest of {@link #of of(5000)}: recorded before the resolver was optimised (December 2026), re-recorded
     * when dark hours stopped being shortfalls and OVERBOOKED was limited to a level's own excess (the plays are
     * unchanged; only shortfalls' requested counts and reasons changed).
     */
    public static final String RECORDED_5000 =
            "89106e85b3ecb7b8c0e785c6587c767a040d1b943b9c0c21cb683297ff57eb15";

    private RandomScheduleDigest() {
    }

    public static String of(int cases) {
        OutputDigest digest = new OutputDigest();
        TimelineResolver resolver = new TimelineResolver();
        for (int i = 0; i < cases; i++) {
            boolean dst = i % 2 == 0;
            RandomSchedules.Options o = RandomSchedules.Options.everything(dst ? RandomSchedules.DST : RandomSchedules.NO_DST);
            LocalDate day = dst ? RandomSchedules.DST_DAYS.get(i % RandomSchedules.DST_DAYS.size())
                    : LocalDate.of(2026, 12, 1).plusDays(i % 7);
            int maxRangeMinutes = switch (i % 3) {
                case 0 -> 3 * 1440;
                case 1 -> 120;
                default -> 1440;
            };
            RandomSchedules.Case c = RandomSchedules.generate(i, o, day, maxRangeMinutes);
            digest.add(resolver.resolve(c.manifest(), c.from(), c.to()));
        }
        return digest.hex();
    }

    public static void main(String[] args) {
        System.out.println(of(args.length > 0 ? Integer.parseInt(args[0]) : 5000));
    }
}
