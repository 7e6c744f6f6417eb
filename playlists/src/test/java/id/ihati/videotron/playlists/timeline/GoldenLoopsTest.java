package id.ihati.videotron.playlists.timeline;

import static id.ihati.videotron.playlists.testing.Samples.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loop compositions worked out by hand from the rules in docs/playlists.md. Tables read
 * {@code start-end loop/slot×slots CATEGORY source media}, in WIB.
 */
class GoldenLoopsTest {
    private final TimelineResolver resolver = new TimelineResolver();

    /** 2-minute loops of 8 slots of 15 s: loop k starts at k×120 s after midnight (10:00 is loop 300). */
    private static final ScreenProfile EIGHT_SLOTS = screen(120, 15);

    private static final List<Media> MEDIA = List.of(
            media("H1", 15), media("H2", 12), media("H3", 45), media("H4", 31), media("C1", 25), media("A1", 10));

    /** Two health bookings (one with a 45 s video that spans three slots) and one city booking. */
    private static final List<Booking> THREE = List.of(
            booking("h1", Category.HEALTH, 5, new Frequency.PerLoop(2), "H1", "H2"),
            booking("h2", Category.HEALTH, 5, new Frequency.PerLoop(1), "H3", "H4"),
            booking("c", Category.CITY, 1, new Frequency.PerLoop(1), "C1"));

    private String table(Timeline t) {
        return Tables.of(t.plays(), WIB);
    }

    @Test
    void twoHealthBookingsOneCityBookingAndALongVideo() {
        // Order: h1, h2 (priority 5, by id), then c (priority 1). Three bookings, so their aim points are
        // staggered by 1/6, 3/6, 5/6 of a loop's share: h1 aims at slots 0.7 and 4.7, h2 at 4, c at 6.7.
        // h1 play 1 takes slot 0; h2's 45 s video needs 3 slots: 2-4 and 3-5 are equally near 4, the
        // earlier wins; h1 play 2 takes slot 5 (nearest free to 4.7); c's 25 s video needs 2 slots: 6-7.
        // Slot 1 is left: filler, which starts at F1 in even loops and at F2 in odd ones.
        // h2 rotates H3, H4 from loop to loop; H4 (31 s) also needs 3 slots, so loop 301 looks the same.
        Timeline t = resolver.resolve(manifest(EIGHT_SLOTS, MEDIA, THREE, List.of()), wib("10:00"), wib("10:04"));
        assertThat(table(t)).isEqualTo(Tables.expected("""
                10:00:00-10:00:15 300/0×1 HEALTH h1 H1
                10:00:15-10:00:30 300/1×1 FILLER -  F1
                10:00:30-10:01:15 300/2×3 HEALTH h2 H3
                10:01:15-10:01:30 300/5×1 HEALTH h1 H2
                10:01:30-10:02:00 300/6×2 CITY   c  C1
                10:02:00-10:02:15 301/0×1 HEALTH h1 H1
                10:02:15-10:02:30 301/1×1 FILLER -  F2
                10:02:30-10:03:15 301/2×3 HEALTH h2 H4
                10:03:15-10:03:30 301/5×1 HEALTH h1 H2
                10:03:30-10:04:00 301/6×2 CITY   c  C1
                """));
        assertThat(t.shortfalls()).isEmpty();
    }

    @Test
    void anAlertTakesTheSlotsItOverlapsAndTheBookingsShareWhatIsLeft() {
        // The alert runs 10:00:40-10:01:10: it overlaps slots 2, 3 and 4 of loop 300, which show A1 (10 s,
        // one slot each). Left: 0, 1, 5, 6, 7. h1 takes 0; h2 needs 3 in a row: only 5-7; h1's second play
        // can only go to slot 1, next to its first (unavoidable); c finds no 2 free slots and is outranked.
        var alert = alert("banjir", "A1", wib("10:00:40"), wib("10:01:10"));
        Timeline t = resolver.resolve(manifest(EIGHT_SLOTS, MEDIA, THREE, List.of(alert)), wib("10:00"), wib("10:02"));
        assertThat(table(t)).isEqualTo(Tables.expected("""
                10:00:00-10:00:15 300/0×1 HEALTH h1     H1
                10:00:15-10:00:30 300/1×1 HEALTH h1     H2
                10:00:30-10:00:45 300/2×1 ALERT  banjir A1
                10:00:45-10:01:00 300/3×1 ALERT  banjir A1
                10:01:00-10:01:15 300/4×1 ALERT  banjir A1
                10:01:15-10:02:00 300/5×3 HEALTH h2     H3
                """));
        assertThat(t.shortfalls()).containsExactly(
                new Shortfall("c", "simpang-tiga", DAY, 1, 0, Reason.OUTRANKED));
        // Changes take effect from the start of the loop they fall in: the alert starts and ends inside loop
        // 300, which is where the range starts, so nothing changes after 10:00 within the manifest's 7 days.
        assertThat(t.nextChange()).isNull();
    }

    @Test
    void anOverbookedHourHonoursTheHealthShareAndSaysWhoLostWhy() {
        // 60 s loops of 4 slots, health must get ≥ 50 % (2 slots) while it has plays that want them.
        // Two city bookings of priority 9 ask 3 + 2 slots, health (priority 1) asks 1. City takes turns:
        // c1, c2, c1 — then 1 free slot is left but health still wants one, so c2's and c1's last plays are
        // refused (SHARE_RESERVED) and health gets its slot. Every loop of the hour is the same.
        // Aim points (3 bookings, staggered by 1/6, 3/6, 5/6): c1 0.2 and 1.6, c2 1, h 3.3.
        ScreenProfile s = screen("simpang-tiga", WIB, 60, 15, ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 50));
        List<Booking> bookings = List.of(
                booking("c1", Category.CITY, 9, new Frequency.PerLoop(3), "H1"),
                booking("c2", Category.CITY, 9, new Frequency.PerLoop(2), "H2"),
                booking("h", Category.HEALTH, 1, new Frequency.PerLoop(1), "H1"));
        Timeline t = resolver.resolve(manifest(s, MEDIA, bookings, List.of()), wib("10:00"), wib("11:00"));
        assertThat(Tables.of(t.plays().subList(0, 4), WIB)).isEqualTo(Tables.expected("""
                10:00:00-10:00:15 600/0×1 CITY   c1 H1
                10:00:15-10:00:30 600/1×1 CITY   c2 H2
                10:00:30-10:00:45 600/2×1 CITY   c1 H1
                10:00:45-10:01:00 600/3×1 HEALTH h  H1
                """));
        assertThat(t.plays()).hasSize(240);
        assertThat(t.shortfalls()).containsExactly(
                new Shortfall("c1", "simpang-tiga", DAY, 180, 120, Reason.SHARE_RESERVED),
                new Shortfall("c2", "simpang-tiga", DAY, 120, 60, Reason.SHARE_RESERVED));
    }

    @Test
    void aTwoSlotPlayThatFindsOneSlotLeftLostToItsEqualsNotToTheShare() {
        // As above but c1's item is 25 s (2 slots): c1 0-1, c2 2; c1's next plays need 2 slots and only one
        // is left — they would not fit even without the share, so they are OVERBOOKED; c2's second play
        // would fit but the last slot is held for health: SHARE_RESERVED.
        ScreenProfile s = screen("simpang-tiga", WIB, 60, 15, ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 50));
        List<Booking> bookings = List.of(
                booking("c1", Category.CITY, 9, new Frequency.PerLoop(3), "C1"),
                booking("c2", Category.CITY, 9, new Frequency.PerLoop(2), "H2"),
                booking("h", Category.HEALTH, 1, new Frequency.PerLoop(1), "H1"));
        Timeline t = resolver.resolve(manifest(s, MEDIA, bookings, List.of()), wib("10:00"), wib("10:01"));
        assertThat(table(t)).isEqualTo(Tables.expected("""
                10:00:00-10:00:30 600/0×2 CITY   c1 C1
                10:00:30-10:00:45 600/2×1 CITY   c2 H2
                10:00:45-10:01:00 600/3×1 HEALTH h  H1
                """));
        assertThat(t.shortfalls()).containsExactly(
                new Shortfall("c1", "simpang-tiga", DAY, 3, 1, Reason.OVERBOOKED),
                new Shortfall("c2", "simpang-tiga", DAY, 2, 1, Reason.SHARE_RESERVED));
    }

    @Test
    void anOverbookedLoopWithoutSharesIsSharedFairlyBetweenEquals() {
        // Same demand, no share: c1 and c2 take turns (c1, c2, c1, c2) until the 4 slots are gone; c1's
        // third play finds no room although the loop had room before its equals took it (OVERBOOKED); health
        // has lower priority and nothing was left for it (OUTRANKED).
        List<Booking> bookings = List.of(
                booking("c1", Category.CITY, 9, new Frequency.PerLoop(3), "H1"),
                booking("c2", Category.CITY, 9, new Frequency.PerLoop(2), "H2"),
                booking("h", Category.HEALTH, 1, new Frequency.PerLoop(1), "H1"));
        Timeline t = resolver.resolve(manifest(screen(60, 15), MEDIA, bookings, List.of()), wib("10:00"), wib("10:01"));
        assertThat(table(t)).isEqualTo(Tables.expected("""
                10:00:00-10:00:15 600/0×1 CITY c1 H1
                10:00:15-10:00:30 600/1×1 CITY c2 H2
                10:00:30-10:00:45 600/2×1 CITY c1 H1
                10:00:45-10:01:00 600/3×1 CITY c2 H2
                """));
        assertThat(t.shortfalls()).containsExactly(
                new Shortfall("c1", "simpang-tiga", DAY, 3, 2, Reason.OVERBOOKED),
                new Shortfall("h", "simpang-tiga", DAY, 1, 0, Reason.OUTRANKED));
    }

    @Test
    void anOvernightWindowBelongsToTheDayItStarts() {
        // Tuesdays 23:59-00:01: it runs into Wednesday's first loop, but does not start on Wednesday night.
        Booking night = new Booking("malam", "Jaga kesehatan malam", Category.HEALTH, "Dinkes", List.of("H1"),
                id.ihati.videotron.playlists.schedule.Targets.all(), DAY, DAY.plusDays(7),
                Set.of(DayOfWeek.TUESDAY), List.of(window("23:59", "00:01")), new Frequency.PerLoop(1), 1);
        Manifest m = manifest(screen(60, 15), MEDIA, List.of(night), List.of());
        Timeline tuesday = resolver.resolve(m, wib("23:58"), at(DAY.plusDays(1), "00:02", WIB));
        assertThat(Tables.of(tuesday.plays().stream().filter(p -> p.category() == Category.HEALTH).toList(), WIB))
                .isEqualTo(Tables.expected("""
                        23:59:15-23:59:30 1439/1×1 HEALTH malam H1
                        00:00:15-00:00:30    0/1×1 HEALTH malam H1
                        """));
        assertThat(tuesday.plays().get(tuesday.plays().size() - 1).day()).isEqualTo(DAY.plusDays(1));
        LocalDate wednesday = DAY.plusDays(1);
        Timeline wednesdayNight = resolver.resolve(m, at(wednesday, "23:58", WIB), at(wednesday.plusDays(1), "00:02", WIB));
        assertThat(wednesdayNight.plays()).allMatch(p -> p.category() == Category.FILLER);
        assertThat(tuesday.nextChange()).isEqualTo(wib("23:59"));
    }

    @Test
    void aSlotPartlyInsideOperatingHoursPlaysFillerForTheLitPartOnly() {
        // On 06:00:05-22:00 every day. Slot 06:00:00-06:00:15 is only partly lit: filler for 10 s, no booking.
        var hours = new java.util.EnumMap<DayOfWeek, List<id.ihati.videotron.playlists.schedule.TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(window("06:00:05", "22:00")));
        }
        ScreenProfile s = screen("simpang-tiga", WIB, 60, 15, hours, Map.of());
        Booking h = booking("h", Category.HEALTH, 1, new Frequency.PerLoop(1), "H1");
        Timeline t = resolver.resolve(manifest(s, MEDIA, List.of(h), List.of()), wib("05:59"), wib("06:01"));
        // Loop 360 (06:00): slots 1-3 are whole; one play aims at the middle (2) → 1.5 rounds to slot 1.
        assertThat(table(t)).isEqualTo(Tables.expected("""
                06:00:05-06:00:15 360/0×1 FILLER - F1
                06:00:15-06:00:30 360/1×1 HEALTH h H1
                06:00:30-06:00:45 360/2×1 FILLER - F2
                06:00:45-06:01:00 360/3×1 FILLER - F1
                """));
        // The screen switches on at 06:00:05, inside loop 360 which starts at 06:00: that loop is the change.
        assertThat(t.nextChange()).isEqualTo(wib("06:00"));
        // Loop 359 (05:59) is dark: h's window is the whole day, but dark hours are never asked for and never
        // a loss, so h asked for one play (loop 360) and got it.
        assertThat(t.shortfalls()).isEmpty();
    }

    @Test
    void perDayPlaysAreSpreadEvenlyOverTheWindow() {
        // 4 plays in 08:00-12:00 (960 slots of 15 s): aimed at slots 120, 360, 600, 840 of the window, i.e.
        // the 5-minute loops at 08:30, 09:30, 10:30 and 11:30; inside each the one play aims at the middle.
        ScreenProfile s = screen(300, 15);
        Booking d = booking("d", Category.CITY, 1, new Frequency.PerDay(4), List.of(window("08:00", "12:00")), "C1", "H1");
        Timeline t = resolver.resolve(manifest(s, MEDIA, List.of(d), List.of()), wib("00:00"), wib("23:59"));
        assertThat(Tables.of(t.plays().stream().filter(p -> "d".equals(p.sourceId())).toList(), WIB))
                .isEqualTo(Tables.expected("""
                        08:32:15-08:32:45 102/9×2 CITY d C1
                        09:32:15-09:32:30 114/9×1 CITY d H1
                        10:32:15-10:32:45 126/9×2 CITY d C1
                        11:32:15-11:32:30 138/9×1 CITY d H1
                        """));
        assertThat(t.shortfalls()).isEmpty();
    }

    @Test
    void everyNthLoopPlaysInLoopsZeroNTwoN() {
        Booking n = booking("n", Category.CITY, 1, new Frequency.EveryNthLoop(3), "H1");
        Timeline t = resolver.resolve(manifest(screen(60, 15), MEDIA, List.of(n), List.of()), wib("00:00"), wib("00:07"));
        assertThat(t.plays().stream().filter(p -> "n".equals(p.sourceId())).map(PlannedPlay::loop))
                .containsExactly(0, 3, 6);
    }

    @Test
    void expiredItemsAreSkippedInRotationAndMissingMediaIsReported() {
        // H1 may be shown only until 10:01: from loop 601 on, the rotation skips it.
        Media expiring = media("H1", 15, null, wib("10:01"));
        Booking b = booking("b", Category.HEALTH, 1, new Frequency.PerLoop(1), "H1", "H2");
        Booking ghost = booking("ghost", Category.CITY, 1, new Frequency.PerLoop(1), "NOPE");
        Timeline t = resolver.resolve(manifest(screen(60, 15), List.of(expiring, media("H2", 15)), List.of(b, ghost),
                List.of()), wib("10:00"), wib("10:03"));
        assertThat(t.plays().stream().filter(p -> "b".equals(p.sourceId())).map(PlannedPlay::mediaId))
                .containsExactly("H1", "H2", "H2");
        assertThat(t.shortfalls()).containsExactly(
                new Shortfall("ghost", "simpang-tiga", DAY, 3, 0, Reason.MEDIA_UNAVAILABLE));
        assertThat(resolver.resolve(manifest(screen(60, 15), List.of(expiring, media("H2", 15)), List.of(b), List.of()),
                wib("09:00"), wib("09:01")).nextChange()).isEqualTo(wib("10:01"));
    }

    @Test
    void anItemLongerThanTheLoopIsReportedNotPlayed() {
        Booking b = booking("b", Category.HEALTH, 1, new Frequency.PerLoop(1), "H3");
        Timeline t = resolver.resolve(manifest(screen(30, 15), MEDIA, List.of(b), List.of()), wib("10:00"), wib("10:01"));
        assertThat(t.plays()).noneMatch(p -> "b".equals(p.sourceId()));
        assertThat(t.shortfalls()).containsExactly(new Shortfall("b", "simpang-tiga", DAY, 2, 0, Reason.ITEM_TOO_LONG));
    }
}
