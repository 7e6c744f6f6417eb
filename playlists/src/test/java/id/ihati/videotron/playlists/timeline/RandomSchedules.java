package id.ihati.videotron.playlists.timeline;

import static id.ihati.videotron.playlists.testing.Samples.media;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random but valid schedules for the property tests, built from a seed so that a failure names a seed that
 * reproduces it. {@link Options} switches off what a property cannot allow (e.g. long items).
 */
final class RandomSchedules {
    static final List<ZoneId> NO_DST = List.of(ZoneId.of("Asia/Jakarta"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Asia/Makassar"), ZoneId.of("America/Bogota"), ZoneId.of("Australia/Brisbane"));
    static final List<ZoneId> DST = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"));
    /** Days on or next to a DST change in the zones above (2026). */
    static final List<LocalDate> DST_DAYS = List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 4, 5), LocalDate.of(2026, 9, 6), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 25),
            LocalDate.of(2026, 11, 1), LocalDate.of(2026, 3, 28), LocalDate.of(2026, 10, 24));
    private static final int[][] LOOPS = {{60, 15}, {120, 15}, {120, 10}, {90, 30}, {45, 15}, {300, 15}, {60, 20}};

    /** What a generated schedule may contain. */
    record Options(List<ZoneId> zones, boolean partialHours, boolean windows, boolean longItems, boolean alerts,
                   boolean shares, boolean perDay, boolean everyNth, int maxBookings) {
        static Options everything(List<ZoneId> zones) {
            return new Options(zones, true, true, true, true, true, true, true, 8);
        }
    }

    /** A manifest and a range to resolve. */
    record Case(Manifest manifest, Instant from, Instant to, long seed) {
        ScreenProfile screen() {
            return manifest.screen();
        }

        @Override
        public String toString() {
            return "seed " + seed + ", " + manifest.screen().timeZone() + ", loop " + manifest.screen().loopSeconds()
                    + "/" + manifest.screen().slotSeconds() + ", " + from + " – " + to + ", "
                    + manifest.bookings().size() + " bookings";
        }
    }

    private RandomSchedules() {
    }

    static Case generate(long seed, Options o, LocalDate day, int maxRangeMinutes) {
        Random r = new Random(seed);
        ZoneId zone = o.zones.get(r.nextInt(o.zones.size()));
        int[] ls = LOOPS[r.nextInt(LOOPS.length)];
        int loop = ls[0];
        int slot = ls[1];
        Map<DayOfWeek, List<TimeWindow>> hours = o.partialHours && r.nextInt(3) > 0 ? hours(r) : ScreenProfile.alwaysOn();
        Map<Category, Integer> shares = Map.of();
        if (o.shares && r.nextBoolean()) {
            int h = r.nextInt(61);
            shares = Map.of(Category.HEALTH, h, Category.CITY, r.nextInt(101 - h));
        }
        ScreenProfile screen = new ScreenProfile("layar-" + seed, "Layar", new Location("Cilegon", -6, 106), zone,
                new Resolution(960, 480), loop, slot, hours, shares, null, false, Set.of("g1"), null);

        List<Media> media = new ArrayList<>();
        int maxSeconds = o.longItems ? loop + slot : slot;
        for (int i = 1; i <= 6; i++) {
            media.add(media("M" + i, 1 + r.nextInt(maxSeconds)));
        }
        media.add(media("F1", 1 + r.nextInt(o.longItems ? 3 * slot : slot)));
        media.add(media("F2", 1 + r.nextInt(o.longItems ? 3 * slot : slot)));
        media.add(media("A1", 1 + r.nextInt(o.longItems ? 2 * slot : slot)));

        List<Booking> bookings = new ArrayList<>();
        int count = r.nextInt(o.maxBookings + 1);
        for (int i = 0; i < count; i++) {
            bookings.add(booking(r, i, o, day, loop / slot));
        }
        Instant from = day.atTime(LocalTime.ofSecondOfDay(r.nextInt(86_400))).atZone(zone).toInstant();
        Instant to = from.plusSeconds(60 + r.nextInt(maxRangeMinutes * 60));
        List<Alert> alerts = new ArrayList<>();
        if (o.alerts && r.nextInt(3) == 0) {
            Instant af = from.plusSeconds(r.nextInt(3600) - 600);
            alerts.add(new Alert("alert", "Peringatan", "A1", Targets.all(), af,
                    r.nextBoolean() ? null : af.plusSeconds(1 + r.nextInt(1800)), 1));
        }
        Instant generated = from.minusSeconds(86_400);
        Manifest m = new Manifest(1, screen, generated, generated.plusSeconds(8 * 86_400), 1, null, media, bookings,
                alerts, new Filler(List.of("F1", "F2")), null);
        return new Case(m, from, to, seed);
    }

    private static Booking booking(Random r, int i, Options o, LocalDate day, int slotsPerLoop) {
        Category cat = r.nextBoolean() ? Category.HEALTH : Category.CITY;
        List<String> items = new ArrayList<>();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            items.add("M" + (1 + r.nextInt(6)));
        }
        Frequency f;
        int kind = r.nextInt(4);
        if (kind == 0 && o.perDay) {
            f = new Frequency.PerDay(1 + r.nextInt(40));
        } else if (kind == 1 && o.everyNth) {
            f = new Frequency.EveryNthLoop(1 + r.nextInt(5));
        } else {
            f = new Frequency.PerLoop(1 + r.nextInt(Math.max(1, slotsPerLoop / 2)));
        }
        List<TimeWindow> windows = new ArrayList<>();
        if (o.windows) {
            for (int n = r.nextInt(3); n > 0; n--) {
                windows.add(new TimeWindow(randomTime(r), randomTime(r)));
            }
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        if (o.windows && r.nextBoolean()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (r.nextBoolean()) {
                    weekdays.add(d);
                }
            }
        }
        LocalDate from = o.windows ? day.plusDays(r.nextInt(3) - 2) : day.minusDays(2);
        LocalDate to = o.windows ? from.plusDays(r.nextInt(4)) : day.plusDays(2);
        Targets targets = switch (r.nextInt(4)) {
            case 0 -> Targets.all();
            case 1 -> new Targets(Set.of(), Set.of("g1"), false);
            case 2 -> Targets.screens("elsewhere");
            default -> new Targets(Set.of("elsewhere"), Set.of("g1", "g2"), false);
        };
        return new Booking("b" + i, "Booking " + i, cat, "Org", items, targets, from, to, weekdays, windows, f,
                r.nextInt(3));
    }

    private static Map<DayOfWeek, List<TimeWindow>> hours(Random r) {
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextInt(6) == 0) {
                continue;                       // dark all day
            }
            List<TimeWindow> w = new ArrayList<>();
            for (int n = 1 + r.nextInt(2); n > 0; n--) {
                w.add(new TimeWindow(randomTime(r), randomTime(r)));
            }
            hours.put(d, w);
        }
        return hours;
    }

    /** Mostly whole quarter hours, sometimes odd seconds (slots partly inside), sometimes midnight. */
    private static LocalTime randomTime(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> LocalTime.MIDNIGHT;
            case 1 -> LocalTime.ofSecondOfDay(r.nextInt(86_400));
            default -> LocalTime.of(r.nextInt(24), 15 * r.nextInt(4));
        };
    }
}
