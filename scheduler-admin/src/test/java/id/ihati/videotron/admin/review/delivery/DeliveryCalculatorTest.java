package id.ihati.videotron.admin.review.delivery;

import static id.ihati.videotron.admin.review.delivery.ShortfallReason.ALERT_PREEMPTED;
import static id.ihati.videotron.admin.review.delivery.ShortfallReason.MEDIA_ERROR;
import static id.ihati.videotron.admin.review.delivery.ShortfallReason.NOT_REPORTED;
import static id.ihati.videotron.admin.review.delivery.ShortfallReason.OUTSIDE_OPERATING_HOURS;
import static id.ihati.videotron.admin.review.delivery.ShortfallReason.SCHEDULE_CONFLICT;
import static id.ihati.videotron.admin.review.delivery.ShortfallReason.SCREEN_OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.ihati.videotron.admin.review.delivery.DeliveryReport.Row;
import id.ihati.videotron.admin.review.delivery.Inputs.BookingInfo;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.Inputs.OfflineInterval;
import id.ihati.videotron.admin.review.delivery.Inputs.PlannedDay;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A known day, checked by hand. Screen "alun" (WIB) is on 08:00–10:00: 120 loops of 60 s, 4 slots of 15 s.
 * Slot 0 plays health booking H1, slot 1 city booking C1, slots 2–3 filler; an alert takes all four slots of
 * the loops 09:00–09:04. H1 asked for 07:00–10:00 (the dark hour 07:00–08:00 is never asked for). The screen was offline
 * 09:10–10:10 and reported nothing for the 50 loops 09:10–09:59; two H1 plays at 08:20 and 08:21 failed with
 * a media error; the C1 record of 08:40 never came; one filler record's content was edited after signing.
 */
public class DeliveryCalculatorTest {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final LocalTime OPEN = LocalTime.of(8, 0);

    static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(WIB).toInstant();
    }

    /** The plan of the day, with or without the alert. */
    static Timeline plan(String screen, boolean withAlert) {
        var plays = new ArrayList<PlannedPlay>();
        for (int loop = 0; loop < 120; loop++) {
            Instant loopStart = at(8, 0).plusSeconds(60L * loop);
            int loopOfDay = 8 * 60 + loop;
            boolean alert = withAlert && loop >= 60 && loop < 65;
            for (int slot = 0; slot < 4; slot++) {
                Instant s = loopStart.plusSeconds(15L * slot);
                Category c;
                String source;
                if (alert) {
                    c = Category.ALERT;
                    source = "A1";
                } else if (slot == 0) {
                    c = Category.HEALTH;
                    source = "H1";
                } else if (slot == 1) {
                    c = Category.CITY;
                    source = "C1";
                } else {
                    c = Category.FILLER;
                    source = null;
                }
                plays.add(new PlannedPlay(s, s.plusSeconds(15), screen, "m-" + c, c, source, DAY, loopOfDay, slot, 1));
            }
        }
        var shortfalls = new ArrayList<Shortfall>();
        // As the resolver reports them: one shortfall per booking and day, with the worst reason.
        // H1's window also covers an hour where the screen is dark: never asked for, so not in its 120.
        if (withAlert) {
            shortfalls.add(new Shortfall("H1", screen, DAY, 120, 115, Shortfall.Reason.OUTRANKED));
            shortfalls.add(new Shortfall("C1", screen, DAY, 120, 115, Shortfall.Reason.OUTRANKED));
        }
        return new Timeline(plays, shortfalls, null);
    }

    /** What screen "alun" reported, as signed records, in play order. */
    static List<PlayRecord> reportedByAlun() {
        var records = new ArrayList<PlayRecord>();
        String prev = PlayRecord.GENESIS;
        long seq = 1;
        for (PlannedPlay p : plan("alun", true).plays()) {
            if (!p.start().isBefore(at(9, 10))) {
                continue; // offline: nothing came back
            }
            if ("C1".equals(p.sourceId()) && p.start().equals(at(8, 40).plusSeconds(15))) {
                continue; // lost without a known reason
            }
            boolean failed = "H1".equals(p.sourceId()) && (p.start().equals(at(8, 20)) || p.start().equals(at(8, 21)));
            var r = PlayRecord.chained("p" + seq, "alun", seq, p.mediaId(), p.sourceId(), p.category(), p.start(),
                    p.end(), p.start(), p.end(), !failed, failed ? "MEDIA_ERROR: decode failed" : null, prev);
            records.add(r);
            prev = r.hash();
            seq++;
        }
        // Someone edits a filler record's media after it was signed: the chain must show it.
        int i = 3;
        PlayRecord t = records.get(i);
        records.set(i, new PlayRecord(t.playId(), t.screenId(), t.seq(), "m-other", t.sourceId(), t.category(),
                t.plannedStart(), t.plannedEnd(), t.actualStart(), t.actualEnd(), t.completed(), t.error(),
                t.prevHash(), t.hash(), null));
        return records;
    }

    public static DeliveryReport report() {
        DayPlan shared = DayPlan.of(plan("any", true), plan("any", false));
        var records = reportedByAlun();
        var reported = new ArrayList<>(ReportedCount.count(records, Map.of("alun", WIB)));
        // Screen "pasar" has the same plan and reported every play, all completed.
        for (var s : shared.sources()) {
            reported.add(new ReportedCount("pasar", DAY, s.sourceId(), s.category(), s.planned(), 0));
        }
        ChainCheck alunChain = ChainCheck.verify(records, PlayRecord.GENESIS, 1);
        return DeliveryCalculator.compute(
                List.of(new ScreenInfo("alun", "Alun-alun Cilegon", WIB), new ScreenInfo("pasar", "Pasar Kranggot", WIB)),
                List.of(new BookingInfo("H1", "DBD 3M Plus", Category.HEALTH, "Dinkes"),
                        new BookingInfo("C1", "Festival Kota", Category.CITY, "Diskominfo"),
                        new BookingInfo("A1", "Banjir", Category.ALERT, "BPBD")),
                List.of(new PlannedDay("alun", DAY, shared), new PlannedDay("pasar", DAY, shared)),
                reported,
                List.of(new OfflineInterval("alun", at(9, 10), at(10, 10))),
                Map.of("alun", new ChainStatus(alunChain.intact(), alunChain.problems())),
                DAY, DAY);
    }

    static Row row(DeliveryReport r, String screen, String source) {
        return r.rows().stream().filter(x -> x.screenId().equals(screen)
                && java.util.Objects.equals(x.sourceId(), source)).findFirst().orElseThrow();
    }

    @Test
    void healthBookingLosesPlaysToAlertMediaErrorAndOfflineHourButNoneToDarkHours() {
        Tally h = row(report(), "alun", "H1").tally();
        assertThat(h.requested()).isEqualTo(120);
        assertThat(h.planned()).isEqualTo(115);
        assertThat(h.delivered()).isEqualTo(63);           // 65 loops before 09:10 outside the alert, 2 failed
        assertThat(h.lost(OUTSIDE_OPERATING_HOURS)).isZero();
        assertThat(h.lost(ALERT_PREEMPTED)).isEqualTo(5);
        assertThat(h.lost(MEDIA_ERROR)).isEqualTo(2);
        assertThat(h.lost(SCREEN_OFFLINE)).isEqualTo(50);
        assertThat(h.lost(NOT_REPORTED)).isZero();
        assertThat(h.lost(SCHEDULE_CONFLICT)).isZero();
        assertThat(h.shortfall()).isEqualTo(5 + 2 + 50);
        assertThat(h.deliveryPercent()).isCloseTo(100.0 * 63 / 115, within(1e-9));
    }

    @Test
    void plannedSoFarCountsOnlyPlaysThatStartBeforeTheGivenInstantAndNothingOfLaterDays() {
        DayPlan shared = DayPlan.of(plan("any", true), plan("any", false));
        var screens = List.of(new ScreenInfo("alun", "Alun-alun Cilegon", WIB));
        var bookings = List.of(new BookingInfo("H1", "DBD 3M Plus", Category.HEALTH, "Dinkes"));
        var plans = List.of(new PlannedDay("alun", DAY, shared), new PlannedDay("alun", DAY.plusDays(1), shared));
        // 08:30: loops 08:00-08:29 are due, the rest of the day and the next day are not.
        DeliveryReport r = DeliveryCalculator.compute(screens, bookings, plans, List.of(), List.of(), Map.of(),
                DAY, DAY.plusDays(1), at(8, 30));
        Tally h = row(r, "alun", "H1").tally();
        assertThat(h.planned()).isEqualTo(30);
        assertThat(h.lost(NOT_REPORTED)).isEqualTo(30);
        assertThat(r.rows()).noneMatch(x -> x.day().equals(DAY.plusDays(1)));
        // Once the day is over it counts whole.
        DeliveryReport after = DeliveryCalculator.compute(screens, bookings, plans, List.of(), List.of(), Map.of(),
                DAY, DAY, at(8, 30).plusSeconds(86_400));
        assertThat(row(after, "alun", "H1").tally().planned()).isEqualTo(115);
    }

    @Test
    void aMissingRecordOutsideAnyOfflineTimeIsNotReported() {
        Tally c = row(report(), "alun", "C1").tally();
        assertThat(c.planned()).isEqualTo(115);
        assertThat(c.delivered()).isEqualTo(64);
        assertThat(c.lost(SCREEN_OFFLINE)).isEqualTo(50);
        assertThat(c.lost(NOT_REPORTED)).isEqualTo(1);
        assertThat(c.lost(ALERT_PREEMPTED)).isEqualTo(5);
    }

    @Test
    void categoryTotalsGiveShareOfScreenTimeAndDeliveryOverBothScreens() {
        var r = report();
        var health = r.categories().stream().filter(c -> c.category() == Category.HEALTH).findFirst().orElseThrow();
        // Each screen plans 7,200 s; health has 115 plays of 15 s on each.
        assertThat(health.tally().plannedSeconds()).isEqualTo(2 * 1725);
        assertThat(health.sharePercent()).isCloseTo(100.0 * 1725 / 7200, within(1e-9));
        assertThat(health.tally().delivered()).isEqualTo(63 + 115);
        assertThat(health.tally().deliveryPercent()).isCloseTo(100.0 * 178 / 230, within(1e-9));
        var filler = r.categories().stream().filter(c -> c.category() == Category.FILLER).findFirst().orElseThrow();
        assertThat(filler.tally().planned()).isEqualTo(2 * 230);
        assertThat(filler.tally().delivered()).isEqualTo(130 + 230);
        assertThat(r.total().plannedSeconds()).isEqualTo(2 * 7200);
    }

    @Test
    void tamperedChainIsReportedForThatScreenOnly() {
        var r = report();
        var alun = r.screens().stream().filter(s -> s.screenId().equals("alun")).findFirst().orElseThrow();
        var pasar = r.screens().stream().filter(s -> s.screenId().equals("pasar")).findFirst().orElseThrow();
        assertThat(alun.chain().intact()).isFalse();
        assertThat(alun.chain().problems()).containsExactly("record seq 4 was altered (hash mismatch)");
        assertThat(pasar.chain().intact()).isTrue();
        assertThat(alun.offlineSeconds()).isEqualTo(3600);
        assertThat(alun.tally().deliveryPercent()).isLessThan(pasar.tally().deliveryPercent());
        assertThat(pasar.tally().deliveryPercent()).isEqualTo(100.0);
    }

    @Test
    void narrowingToABookingKeepsOnlyItsRows() {
        var r = report().onlyBooking("H1");
        assertThat(r.rows()).hasSize(2).allMatch(x -> "H1".equals(x.sourceId()));
        assertThat(r.bookings()).singleElement().satisfies(b -> {
            assertThat(b.tally().planned()).isEqualTo(230);
            assertThat(b.tally().delivered()).isEqualTo(178);
        });
    }

    @Test
    void completedPlaysOfASourceThePlanDidNotHaveAreShownButNotDelivered() {
        var r = DeliveryCalculator.compute(List.of(new ScreenInfo("alun", "Alun", WIB)), List.of(),
                List.of(new PlannedDay("alun", DAY, DayPlan.of(plan("x", false), null))),
                List.of(new ReportedCount("alun", DAY, "OLD", Category.CITY, 7, 0)), List.of(), Map.of(), DAY, DAY);
        Tally old = row(r, "alun", "OLD").tally();
        assertThat(old.unplanned()).isEqualTo(7);
        assertThat(old.delivered()).isZero();
    }
}
