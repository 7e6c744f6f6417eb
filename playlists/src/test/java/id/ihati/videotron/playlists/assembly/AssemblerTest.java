package id.ihati.videotron.playlists.assembly;

import static id.ihati.videotron.playlists.testing.Samples.DAY;
import static id.ihati.videotron.playlists.testing.Samples.WIB;
import static id.ihati.videotron.playlists.testing.Samples.booking;
import static id.ihati.videotron.playlists.testing.Samples.media;
import static id.ihati.videotron.playlists.testing.Samples.screen;
import static id.ihati.videotron.playlists.testing.Samples.wib;
import static id.ihati.videotron.playlists.testing.Samples.window;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssemblerTest {
    /** 05:00–24:00 every day, 300 s loops of 15 s slots: 19 h = 228 loops. */
    private static final ScreenProfile FIVE_TO_MIDNIGHT = screen("alun-alun", WIB, 300, 15, hours("05:00", "00:00"),
            Map.of());
    private static final Map<String, Media> MEDIA = Map.of("H1", media("H1", 15), "C1", media("C1", 15),
            "F1", media("F1", 15), "F2", media("F2", 15));
    private static final MediaLibrary LIBRARY = (id, screen) -> Optional.ofNullable(MEDIA.get(id));

    private static Map<DayOfWeek, List<TimeWindow>> hours(String from, String to) {
        var m = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d, List.of(window(from, to)));
        }
        return m;
    }

    private static Schedule schedule(Booking... bookings) {
        return new Schedule(1, List.of(bookings), List.of(), new Filler(List.of("F1", "F2")));
    }

    @Test
    void aWholeOperatingDayBookingAsksOnlyForTheOperatingHoursAndLosesNothing() {
        Booking h = booking("h", Category.HEALTH, 5, new Frequency.PerLoop(2), "H1");
        ScreenDay d = Assembler.day(schedule(h), LIBRARY, FIVE_TO_MIDNIGHT, DAY);
        assertThat(d.losses()).isEmpty();
        assertThat(d.outcome("h")).contains(new BookingOutcome("h", "alun-alun", DAY, 456, 456, null, List.of()));
        assertThat(d.plays("h")).isEqualTo(456);
    }

    @Test
    void aLowerPriorityCityBookingIsToldItLostToTheHigherPriorityHealthBooking() {
        // 20 slots a loop: health (priority 5) asks 15, city (priority 3) 10. City gets 5, loses 5 a loop to
        // the higher priority — not to "bookings of the same priority", of which it has none.
        ScreenProfile s = screen(300, 15);
        Booking h = booking("h", Category.HEALTH, 5, new Frequency.PerLoop(15), "H1");
        Booking c = booking("c", Category.CITY, 3, new Frequency.PerLoop(10), "C1");
        ScreenDay d = Assembler.day(schedule(h, c), LIBRARY, s, DAY);
        BookingOutcome city = d.outcome("c").orElseThrow();
        assertThat(city.reason()).isEqualTo(Reason.OUTRANKED);
        assertThat(city.displaced()).isEqualTo(288 * 5);
        assertThat(city.requested()).isEqualTo(288 * 10);
        assertThat(city.lostTo()).containsExactly("h");
        assertThat(d.outcome("h").orElseThrow().displaced()).isZero();
    }

    @Test
    void equalsThatTogetherAskTooMuchAreToldTheyLostToTheirEquals() {
        ScreenProfile s = screen(300, 15);
        Booking a = booking("a", Category.CITY, 3, new Frequency.PerLoop(12), "C1");
        Booking b = booking("b", Category.CITY, 3, new Frequency.PerLoop(12), "C1");
        ScreenDay d = Assembler.day(schedule(a, b), LIBRARY, s, DAY);
        assertThat(d.outcome("a").orElseThrow().reason()).isEqualTo(Reason.OVERBOOKED);
        assertThat(d.outcome("a").orElseThrow().lostTo()).containsExactly("b");
        assertThat(d.outcome("a").orElseThrow().displaced() + d.outcome("b").orElseThrow().displaced())
                .isEqualTo(288 * 4);
    }

    @Test
    void aBookingWhoseWindowIsWhollyDarkIsToldSoWithoutCountingALoss() {
        Booking h = booking("h", Category.HEALTH, 5, new Frequency.PerLoop(1), List.of(window("01:00", "02:00")),
                "H1");
        ScreenDay d = Assembler.day(schedule(h), LIBRARY, FIVE_TO_MIDNIGHT, DAY);
        BookingOutcome o = d.outcome("h").orElseThrow();
        assertThat(o.reason()).isEqualTo(Reason.OUTSIDE_OPERATING_HOURS);
        assertThat(o.displaced()).isZero();
        assertThat(d.losses()).isEmpty();
    }

    @Test
    void theHoursABookingCanReallyPlayAreItsWindowsInsideTheOperatingHours() {
        Booking allDay = booking("h", Category.HEALTH, 5, new Frequency.PerLoop(1), "H1");
        assertThat(Assembler.playableWindows(allDay, FIVE_TO_MIDNIGHT, DAY))
                .containsExactly(new Assembler.Window(wib("05:00"), DAY.plusDays(1).atStartOfDay(WIB).toInstant()));
        Booking evening = booking("e", Category.HEALTH, 5, new Frequency.PerLoop(1),
                List.of(window("04:00", "06:00"), window("22:00", "02:00")), "H1");
        assertThat(Assembler.playableWindows(evening, FIVE_TO_MIDNIGHT, DAY)).containsExactly(
                new Assembler.Window(wib("05:00"), wib("06:00")),
                new Assembler.Window(wib("22:00"), DAY.plusDays(1).atStartOfDay(WIB).toInstant()));
        assertThat(Assembler.playableWindows(evening, FIVE_TO_MIDNIGHT, LocalDate.of(2027, 6, 1))).isEmpty();
    }

    @Test
    void plannedSoFarCountsPlaysStartingBeforeTheGivenInstant() {
        Booking h = booking("h", Category.HEALTH, 5, new Frequency.PerLoop(2), "H1");
        ScreenDay d = Assembler.day(schedule(h), LIBRARY, FIVE_TO_MIDNIGHT, DAY);
        assertThat(d.plannedBefore("h", wib("05:00"))).isZero();
        assertThat(d.plannedBefore("h", wib("06:00"))).isEqualTo(24);
        assertThat(d.plannedBefore("h", DAY.plusDays(3).atStartOfDay(WIB).toInstant())).isEqualTo(456);
    }

    @Test
    void theManifestKeepsBookingsWhoseOvernightWindowReachesIntoTheFirstDay() {
        Booking night = new Booking("n", "Malam", Category.CITY, "Diskominfo", List.of("C1"),
                id.ihati.videotron.playlists.schedule.Targets.all(), DAY.minusDays(3), DAY.minusDays(1), null,
                List.of(window("22:00", "02:00")), new Frequency.PerLoop(1), 1);
        ScreenProfile s = screen(300, 15);
        Assembly a = Assembler.manifest(schedule(night), LIBRARY, s, wib("00:00"), DAY, DAY.plusDays(7), null);
        assertThat(a.manifest().bookings()).extracting(Booking::id).containsExactly("n");
        ScreenDay d = Assembler.day(schedule(night), LIBRARY, s, DAY);
        assertThat(d.plays("n")).isEqualTo(24);
    }

    @Test
    void aMinimumShareIsShownWithWhetherItHolds() {
        ScreenProfile s = screen("alun-alun", WIB, 300, 15, hours("05:00", "00:00"), Map.of(Category.HEALTH, 40));
        Booking h = booking("h", Category.HEALTH, 1, new Frequency.PerLoop(2), "H1");
        Booking c = booking("c", Category.CITY, 10, new Frequency.PerLoop(20), "C1");
        ScreenDay d = Assembler.day(schedule(h, c), LIBRARY, s, DAY);
        assertThat(d.shares()).containsExactly(new ShareCheck(Category.HEALTH, 40, 10, true, true));
        assertThat(d.outcome("c").orElseThrow().reason()).isEqualTo(Reason.SHARE_RESERVED);
        assertThat(d.outcome("c").orElseThrow().lostTo()).containsExactly("h");
    }
}
