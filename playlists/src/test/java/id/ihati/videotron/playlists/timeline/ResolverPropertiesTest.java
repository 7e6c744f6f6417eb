package id.ihati.videotron.playlists.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.RandomSchedules.Case;
import id.ihati.videotron.playlists.timeline.RandomSchedules.Options;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties over random schedules. Each case comes from a seed; a failure message names it
 * (see {@link RandomSchedules}). The oracles here work on local date-times, independently of the
 * resolver's epoch-second intervals.
 */
class ResolverPropertiesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final List<ZoneId> ALL_ZONES = Stream.concat(RandomSchedules.NO_DST.stream(),
            RandomSchedules.DST.stream()).toList();
    private final TimelineResolver resolver = new TimelineResolver();

    private static LocalDate someDay(long seed, boolean dstDays) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        return dstDays ? RandomSchedules.DST_DAYS.get(r.nextInt(RandomSchedules.DST_DAYS.size())) : DAY.plusDays(r.nextInt(7));
    }

    @Property(tries = 200)
    void playsNeverOverlapAndComeInStartOrder(@ForAll long seed) {
        Case c = RandomSchedules.generate(seed, Options.everything(ALL_ZONES), someDay(seed, seed % 2 == 0), 360);
        List<PlannedPlay> plays = resolver.resolve(c.manifest(), c.from(), c.to()).plays();
        for (int i = 1; i < plays.size(); i++) {
            assertThat(plays.get(i).start()).as("%s: play %d", c, i).isAfterOrEqualTo(plays.get(i - 1).end());
        }
    }

    @Property(tries = 100)
    void everySecondOfOperatingTimeIsCoveredExactlyOnce(@ForAll long seed) {
        Case c = RandomSchedules.generate(seed, Options.everything(RandomSchedules.NO_DST), someDay(seed, false), 180);
        List<PlannedPlay> plays = resolver.resolve(c.manifest(), c.from(), c.to()).plays();
        long from = c.from().getEpochSecond();
        int n = (int) (c.to().getEpochSecond() - from);
        int[] covered = new int[n];
        for (PlannedPlay p : plays) {
            for (long t = Math.max(from, p.start().getEpochSecond()); t < Math.min(from + n, p.end().getEpochSecond()); t++) {
                covered[(int) (t - from)]++;
            }
        }
        for (int i = 0; i < n; i++) {
            Instant t = Instant.ofEpochSecond(from + i);
            int expected = operatingAt(c.screen(), t) ? 1 : 0;
            if (covered[i] != expected) {
                throw new AssertionError(c + ": second " + t + " covered " + covered[i] + "×, expected " + expected);
            }
        }
    }

    @Property(tries = 100)
    void bookingsThatFitGetExactlyTheirFrequency(@ForAll long seed) {
        Options fitting = new Options(ALL_ZONES, false, false, false, false, false, true, true, 6);
        LocalDate day = someDay(seed, seed % 2 == 0);
        Case c = RandomSchedules.generate(seed, fitting, day, 60);
        ScreenProfile s = c.screen();
        List<Booking> mine = c.manifest().bookings().stream().filter(b -> b.targets().includes(s)).toList();
        int asked = 0;
        for (Booking b : mine) {
            asked += b.frequency() instanceof Frequency.PerLoop p ? p.slots() : 1;
        }
        Assume.that(asked <= s.slotsPerLoop());
        Instant from = day.atStartOfDay(s.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(s.timeZone()).toInstant();
        Timeline t = resolver.resolve(c.manifest(), from, to);
        assertThat(t.shortfalls()).as("%s", c).isEmpty();
        int loops = (int) Math.ceil((to.getEpochSecond() - from.getEpochSecond()) / (double) s.loopSeconds());
        for (Booking b : c.manifest().bookings()) {
            int[] perLoop = new int[loops];
            t.plays().stream().filter(p -> b.id().equals(p.sourceId())).forEach(p -> perLoop[p.loop()]++);
            for (int k = 0; k < loops; k++) {
                int expected = !b.targets().includes(s) ? 0
                        : b.frequency() instanceof Frequency.PerLoop p ? p.slots()
                        : b.frequency() instanceof Frequency.EveryNthLoop e ? (k % e.n() == 0 ? 1 : 0)
                        : -1;
                if (expected >= 0) {
                    assertThat(perLoop[k]).as("%s: booking %s loop %d", c, b.id(), k).isEqualTo(expected);
                }
            }
            if (b.frequency() instanceof Frequency.PerDay d && b.targets().includes(s)) {
                assertThat(java.util.Arrays.stream(perLoop).sum()).as("%s: booking %s", c, b.id()).isEqualTo(d.plays());
                assertThat(java.util.Arrays.stream(perLoop).max().orElse(0)).as("%s: %s spread, at most one a loop", c, b.id()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Property(tries = 100)
    void categoryMinimumSharesAreHonouredWhileTheCategoryHasDemand(@ForAll long seed) {
        Options shares = new Options(RandomSchedules.NO_DST, false, false, false, false, true, false, true, 8);
        Case c = RandomSchedules.generate(seed, shares, someDay(seed, false), 45);
        ScreenProfile s = c.screen();
        Assume.that(!s.minSharePercent().isEmpty());
        int slots = s.slotsPerLoop();
        int health = Math.min(slots, ceilPercent(s.minSharePercent().get(Category.HEALTH), slots));
        int city = Math.min(slots - health, ceilPercent(s.minSharePercent().get(Category.CITY), slots));
        Timeline t = resolver.resolve(c.manifest(), c.from(), c.to());
        Map<Integer, int[]> perLoop = new HashMap<>();     // loop → slots used by HEALTH, CITY
        for (PlannedPlay p : t.plays()) {
            long loopStart = p.day().atStartOfDay(s.timeZone()).toEpochSecond() + (long) p.loop() * s.loopSeconds();
            if (loopStart < c.from().getEpochSecond() || loopStart + s.loopSeconds() > c.to().getEpochSecond()) {
                continue;   // only loops wholly inside the range: the others' plays are only partly returned
            }
            int[] used = perLoop.computeIfAbsent(p.loop(), k -> new int[2]);
            if (p.category() == Category.HEALTH) {
                used[0] += p.slots();
            } else if (p.category() == Category.CITY) {
                used[1] += p.slots();
            }
        }
        perLoop.forEach((k, used) -> {
            int[] demand = new int[2];
            for (Booking b : c.manifest().bookings()) {
                if (b.targets().includes(s)) {
                    int plays = b.frequency() instanceof Frequency.PerLoop p ? p.slots()
                            : k % ((Frequency.EveryNthLoop) b.frequency()).n() == 0 ? 1 : 0;
                    demand[b.category() == Category.HEALTH ? 0 : 1] += plays;
                }
            }
            assertThat(used[0]).as("%s: health in loop %d", c, k).isGreaterThanOrEqualTo(Math.min(health, demand[0]));
            assertThat(used[1]).as("%s: city in loop %d", c, k).isGreaterThanOrEqualTo(Math.min(city, demand[1]));
        });
    }

    @Property(tries = 100)
    void sameInputGivesIdenticalOutputWhateverTheOrderOfItsLists(@ForAll long seed) {
        Case c = RandomSchedules.generate(seed, Options.everything(ALL_ZONES), someDay(seed, seed % 2 == 0), 240);
        Manifest m = c.manifest();
        List<Booking> bookings = new ArrayList<>(m.bookings());
        List<id.ihati.videotron.playlists.schedule.Media> media = new ArrayList<>(m.media());
        Collections.shuffle(bookings, new Random(seed));
        Collections.shuffle(media, new Random(seed + 1));
        Manifest shuffled = new Manifest(m.formatVersion(), m.screen(), m.generatedAt(), m.validUntil(),
                m.scheduleVersion(), m.mediaPath(), media, bookings, m.alerts(), m.filler(), m.contentHash());
        Timeline first = resolver.resolve(m, c.from(), c.to());
        assertThat(resolver.resolve(m, c.from(), c.to())).as("%s", c).isEqualTo(first);
        assertThat(new TimelineResolver().resolve(shuffled, c.from(), c.to())).as("%s", c).isEqualTo(first);
    }

    @Property(tries = 100)
    void resolvingPartOfARangeGivesThePlaysOfThatPart(@ForAll long seed) {
        Case c = RandomSchedules.generate(seed, Options.everything(ALL_ZONES), someDay(seed, seed % 3 == 0), 600);
        Random r = new Random(seed);
        long span = c.to().getEpochSecond() - c.from().getEpochSecond();
        Instant a = c.from().plusSeconds(r.nextInt((int) span));
        Instant b = a.plusSeconds(1 + r.nextInt((int) (c.to().getEpochSecond() - a.getEpochSecond())));
        List<PlannedPlay> whole = resolver.resolve(c.manifest(), c.from(), c.to()).plays();
        List<PlannedPlay> part = resolver.resolve(c.manifest(), a, b).plays();
        assertThat(part).as("%s, part %s – %s", c, a, b)
                .isEqualTo(whole.stream().filter(p -> p.end().isAfter(a) && p.start().isBefore(b)).toList());
    }

    @Property(tries = 150)
    void windowsWeekdaysAndOperatingHoursAreHonouredInZonesWithDaylightSaving(@ForAll long seed) {
        Case c = RandomSchedules.generate(seed, Options.everything(RandomSchedules.DST), someDay(seed, true), 600);
        ScreenProfile s = c.screen();
        ZoneId zone = s.timeZone();
        Map<String, Booking> byId = new HashMap<>();
        c.manifest().bookings().forEach(b -> byId.put(b.id(), b));
        for (PlannedPlay p : resolver.resolve(c.manifest(), c.from(), c.to()).plays()) {
            LocalDateTime first = LocalDateTime.ofInstant(p.start(), zone);
            LocalDateTime last = LocalDateTime.ofInstant(p.end().minusSeconds(1), zone);
            assertThat(inWindows(s.operatingHours(), null, first, last)).as("%s: %s outside operating hours", c, p).isTrue();
            long loopStart = p.day().atStartOfDay(zone).toEpochSecond() + (long) p.loop() * s.loopSeconds();
            long slotStart = loopStart + (long) p.slot() * s.slotSeconds();
            assertThat(p.start().getEpochSecond()).as("%s: %s off the wall-clock grid", c, p)
                    .isBetween(slotStart, slotStart + s.slotSeconds() - 1);
            if (p.category() == Category.HEALTH || p.category() == Category.CITY) {
                Booking b = byId.get(p.sourceId());
                assertThat(b.targets().includes(s)).isTrue();
                assertThat(inWindows(null, b, first, last)).as("%s: %s outside its booking's days or windows", c, p).isTrue();
            }
        }
    }

    /** True when {@code [first, last]} lies in one window of a day that is on (operating hours or booking). */
    private static boolean inWindows(Map<java.time.DayOfWeek, List<TimeWindow>> hours, Booking b,
                                     LocalDateTime first, LocalDateTime last) {
        for (LocalDate x = first.toLocalDate().minusDays(1); !x.isAfter(first.toLocalDate()); x = x.plusDays(1)) {
            List<TimeWindow> windows;
            if (b != null) {
                boolean active = !x.isBefore(b.dateFrom()) && !x.isAfter(b.dateTo()) && b.weekdays().contains(x.getDayOfWeek());
                windows = active ? b.windows() : List.of();
            } else {
                windows = hours.getOrDefault(x.getDayOfWeek(), List.of());
            }
            for (TimeWindow w : windows) {
                LocalDateTime start = x.atTime(w.from());
                LocalDateTime end = (w.overnight() ? x.plusDays(1) : x).atTime(w.to());
                if (!first.isBefore(start) && last.isBefore(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean operatingAt(ScreenProfile s, Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, s.timeZone());
        return inWindows(s.operatingHours(), null, local, local);
    }

    private static int ceilPercent(Integer share, int slots) {
        return share == null ? 0 : (share * slots + 99) / 100;
    }
}
