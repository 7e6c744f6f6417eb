package id.ihati.videotron.playlists.bench;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.testing.OutputDigest;
import id.ihati.videotron.playlists.timeline.RandomScheduleDigest;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resolves one full day for a fleet of screens (default 1,000 screens × 500 bookings) and prints the time it
 * takes, single-threaded and on all cores. Not a test: run {@code bin/bench-resolver [screens] [bookings]}.
 *
 * <p>The fleet is seeded, so every run plans the same thing: 40 screen groups (each screen in one or two),
 * bookings targeting one or two groups (45 %), 1–30 named screens (45 %) or all screens (10 %); one to three
 * daily windows or all day (a quarter); some with weekdays; date ranges of a week to three months around the
 * benchmarked day; frequencies per loop (1–2), every 2nd–6th loop, or 10–120 a day; one to four items of
 * 5–60 s. Screens run 05:00–23:00 (some all day, some overnight to 01:00) with a 300 s loop of 15 s slots (a
 * tenth: 120 s of 10 s) and a 40 % health share on half of them. Each screen's manifest carries only the
 * bookings that target it, as the server sends them.
 *
 * <p>After timing it prints two SHA-256 digests of the complete output (every play, shortfall and next change):
 * of this fleet's day and of 5,000 random schedules ({@link RandomScheduleDigest}: DST, alerts, partial
 * ranges), each compared with the digest recorded before the resolver was optimised. A faster resolver must
 * plan exactly the same.
 */
public final class ResolverBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /**
     * SHA-256 ({@link OutputDigest}) of the resolver's complete output for the default fleet, recorded before
     * the resolver was optimised: a faster resolver must plan exactly the same day. Re-recorded when dark hours
     * stopped being shortfalls and OVERBOOKED was limited to a level's own excess (same 2,409,655 plays;
     * 54,847 shortfalls instead of 57,309).
     */
    private static final String DEFAULT_FLEET_DIGEST =
            "ed05f8987329bf9e0d6672e8dbc9f91fd81a2ae5084eb83f38304fb5b9e6f654";

    private ResolverBenchmark() {
    }

    public static void main(String[] args) {
        int screens = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<Manifest> fleet = fleet(screens, bookings, new Random(42));
        double perScreen = fleet.stream().mapToInt(m -> m.bookings().size()).average().orElse(0);
        Instant from = DAY.atStartOfDay(WIB).toInstant();
        Instant to = DAY.plusDays(1).atStartOfDay(WIB).toInstant();
        System.out.printf("fleet: %d screens, %d bookings (%.1f per screen on average), day %s (%s)%n",
                screens, bookings, perScreen, DAY, WIB);
        System.out.printf("JVM: %s %s, %d cores, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        TimelineResolver resolver = new TimelineResolver();
        int threads = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        for (int w = 0; w < 3; w++) {
            once(fleet, resolver, from, to, pool, true);
        }
        // Wall time and CPU time: CPU time stays meaningful when other processes share the machine.
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        long[] single = new long[runs];
        long[] singleCpu = new long[runs];
        long[] parallel = new long[runs];
        long[] parallelCpu = new long[runs];
        long[] result = null;
        for (int r = 0; r < runs; r++) {
            long c0 = threadsBean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = once(fleet, resolver, from, to, null, false);
            single[r] = System.nanoTime() - t0;
            singleCpu[r] = threadsBean.getCurrentThreadCpuTime() - c0;
            c0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            once(fleet, resolver, from, to, pool, true);
            parallel[r] = System.nanoTime() - t0;
            parallelCpu[r] = os.getProcessCpuTime() - c0;
        }
        pool.shutdown();
        System.out.printf("planned: %,d plays, %,d shortfalls%n", result[0], result[1]);
        String digest = digest(fleet, resolver, from, to);
        boolean defaultFleet = screens == 1000 && bookings == 500;
        System.out.printf("output digest: %s%s%n", digest, !defaultFleet ? " (no recorded digest for this fleet size)"
                : digest.equals(DEFAULT_FLEET_DIGEST) ? " = the recorded digest: output unchanged"
                : " DIFFERS from the recorded " + DEFAULT_FLEET_DIGEST + ": THE OUTPUT CHANGED");
        String random = RandomScheduleDigest.of(5000);
        System.out.printf("5,000 random schedules (DST, alerts, partial ranges): %s%n", random.equals(RandomScheduleDigest.RECORDED_5000)
                ? random + " = the recorded digest: output unchanged"
                : random + " DIFFERS from the recorded " + RandomScheduleDigest.RECORDED_5000 + ": THE OUTPUT CHANGED");
        System.out.printf("load average at the end: %.1f%n", os.getSystemLoadAverage());
        report("1 thread ", single, singleCpu, "thread CPU");
        report(threads + " threads", parallel, parallelCpu, "process CPU incl. GC");
    }

    private static void report(String what, long[] wall, long[] cpu, String cpuWhat) {
        System.out.printf("%s: wall median %5d ms (min %d, max %d); %s median %5d ms, over %d runs%n", what,
                ms(median(wall)), ms(Arrays.stream(wall).min().orElse(0)), ms(Arrays.stream(wall).max().orElse(0)),
                cpuWhat, ms(median(cpu)), wall.length);
    }

    /** Resolves the day for every screen; returns {plays, shortfalls} so the work cannot be optimised away. */
    private static long[] once(List<Manifest> fleet, TimelineResolver resolver, Instant from, Instant to,
                               ForkJoinPool pool, boolean inParallel) {
        AtomicLong plays = new AtomicLong();
        AtomicLong shortfalls = new AtomicLong();
        Runnable work = () -> (inParallel ? fleet.parallelStream() : fleet.stream()).forEach(m -> {
            Timeline t = resolver.resolve(m, from, to);
            plays.addAndGet(t.plays().size());
            shortfalls.addAndGet(t.shortfalls().size());
        });
        if (pool != null) {
            pool.submit(work).join();
        } else {
            work.run();
        }
        return new long[] {plays.get(), shortfalls.get()};
    }

    /** SHA-256 of every screen's timeline, in fleet order (not timed). */
    private static String digest(List<Manifest> fleet, TimelineResolver resolver, Instant from, Instant to) {
        OutputDigest digest = new OutputDigest();
        for (Manifest m : fleet) {
            digest.add(resolver.resolve(m, from, to));
        }
        return digest.hex();
    }

    static List<Manifest> fleet(int screenCount, int bookingCount, Random r) {
        int groups = 40;
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            media.add(new Media("m" + i, MediaKind.VIDEO, sha(r), 1_000_000, (5 + r.nextInt(56)) * 1000L,
                    new Resolution(960, 480), "Media " + i, "Dinkes", List.of(), null, null, false, null));
        }
        List<Media> fillers = List.of(media.get(0), media.get(1), media.get(2));
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < bookingCount; i++) {
            bookings.add(booking(i, r, screenCount, groups));
        }
        List<Manifest> fleet = new ArrayList<>();
        Instant generated = DAY.atStartOfDay(WIB).toInstant().minusSeconds(3600);
        for (int s = 0; s < screenCount; s++) {
            Set<String> screenGroups = r.nextBoolean() ? Set.of("g" + r.nextInt(groups))
                    : Set.of("g" + r.nextInt(groups / 2), "g" + (groups / 2 + r.nextInt(groups / 2)));
            boolean small = r.nextInt(10) == 0;
            ScreenProfile screen = new ScreenProfile("s" + s, "Videotron " + s, new Location("Cilegon", -6.0, 106.0),
                    WIB, new Resolution(960, 480), small ? 120 : 300, small ? 10 : 15, hours(r),
                    r.nextBoolean() ? Map.of(Category.HEALTH, 40) : Map.of(), null, false, screenGroups, null);
            List<Booking> mine = bookings.stream().filter(b -> b.targets().includes(screen)).toList();
            Set<String> used = new java.util.HashSet<>();
            mine.forEach(b -> used.addAll(b.items()));
            fillers.forEach(f -> used.add(f.id()));
            List<Media> mineMedia = media.stream().filter(m -> used.contains(m.id())).toList();
            fleet.add(new Manifest(1, screen, generated, generated.plusSeconds(7 * 86_400), 1, null, mineMedia, mine,
                    List.of(), new Filler(fillers.stream().map(Media::id).toList()), null));
        }
        return fleet;
    }

    private static Booking booking(int i, Random r, int screens, int groups) {
        int kind = r.nextInt(20);
        Targets targets;
        if (kind < 9) {
            targets = new Targets(Set.of(), r.nextBoolean() ? Set.of("g" + r.nextInt(groups))
                    : Set.of("g" + r.nextInt(groups / 2), "g" + (groups / 2 + r.nextInt(groups / 2))), false);
        } else if (kind < 18) {
            Set<String> named = new java.util.HashSet<>();
            for (int n = 1 + r.nextInt(30); n > 0; n--) {
                named.add("s" + r.nextInt(screens));
            }
            targets = new Targets(named, Set.of(), false);
        } else {
            targets = Targets.all();
        }
        List<TimeWindow> windows = new ArrayList<>();
        if (r.nextInt(4) > 0) {
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                int h = 5 + r.nextInt(16);
                windows.add(new TimeWindow(LocalTime.of(h, 30 * r.nextInt(2)), LocalTime.of(h + 1 + r.nextInt(3), 0)));
            }
        }
        Set<DayOfWeek> weekdays = EnumSet.allOf(DayOfWeek.class);
        if (r.nextInt(3) == 0) {
            weekdays = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY);
        }
        Frequency f = switch (r.nextInt(3)) {
            case 0 -> new Frequency.PerLoop(1 + r.nextInt(2));
            case 1 -> new Frequency.EveryNthLoop(2 + r.nextInt(5));
            default -> new Frequency.PerDay(10 + r.nextInt(111));
        };
        List<String> items = new ArrayList<>();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            items.add("m" + (3 + r.nextInt(397)));
        }
        LocalDate start = DAY.minusDays(r.nextInt(60));
        Category cat = r.nextInt(5) < 3 ? Category.HEALTH : Category.CITY;
        return new Booking("b" + i, "Booking " + i, cat, cat == Category.HEALTH ? "Dinkes" : "Diskominfo", items,
                targets, start, DAY.plusDays(7 + r.nextInt(60)), weekdays, windows, f, r.nextInt(4));
    }

    private static Map<DayOfWeek, List<TimeWindow>> hours(Random r) {
        int kind = r.nextInt(5);
        if (kind == 0) {
            return ScreenProfile.alwaysOn();
        }
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        LocalTime off = kind == 1 ? LocalTime.of(1, 0) : LocalTime.of(23, 0);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(5, 0), off)));
        }
        return hours;
    }

    private static String sha(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
