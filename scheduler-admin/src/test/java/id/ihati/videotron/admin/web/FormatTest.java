package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Dates, times and numbers as a person reads them, in Indonesian and in English. */
class FormatTest {
    static final Format ID = Format.of(Messages.ID);
    static final Format EN = Format.of(Messages.EN);
    /** 5 Dec 2026 07:05 UTC = 14:05 WIB. */
    static final Instant T = Instant.parse("2026-12-05T07:05:09Z");
    static final LocalDate D = LocalDate.of(2026, 12, 5);

    @Test
    void indonesianDatesUseIndonesianMonthAndDayNames() {
        assertThat(ID.date(D)).isEqualTo("5 Des 2026");
        assertThat(ID.dayDate(D)).isEqualTo("Sab 5 Des 2026");
        assertThat(ID.longDate(D)).isEqualTo("Sabtu, 5 Desember 2026");
        assertThat(ID.dateTime(T)).isEqualTo("5 Des 2026 14:05 WIB");
        assertThat(ID.day(DayOfWeek.MONDAY)).isEqualTo("Sen");
    }

    @Test
    void englishDatesUseEnglishNames() {
        assertThat(EN.date(D)).isEqualTo("5 Dec 2026");
        assertThat(EN.longDate(D)).isEqualTo("Saturday, 5 December 2026");
        assertThat(EN.dateTime(T, ZoneId.of("Asia/Makassar"))).isEqualTo("5 Dec 2026 15:05 WITA");
    }

    @Test
    void countsAreGroupedTheWayEachLanguageWritesThem() {
        assertThat(ID.number(1440)).isEqualTo("1.440");
        assertThat(EN.number(1440)).isEqualTo("1,440");
        assertThat(ID.percent(63.46)).isEqualTo("63,5 %");
        assertThat(EN.percent(63.46)).isEqualTo("63.5 %");
        assertThat(ID.bytes(1536)).isEqualTo("1,5 KB");
        assertThat(EN.bytes(5L * 1024 * 1024)).isEqualTo("5.0 MB");
        assertThat(ID.hoursMinutes(1234 * 3600 + 5 * 60)).isEqualTo("1.234:05");
        assertThat(ID.clip(3_500)).isEqualTo("0:03,5");
        assertThat(EN.clip(3_500)).isEqualTo("0:03.5");
        assertThat(ID.clip(65_000)).isEqualTo("1:05");
    }

    @Test
    void aMomentOfTodayIsJustItsTime() {
        ZoneId wib = Format.OFFICE_ZONE;
        assertThat(ID.moment(T, wib, T.plusSeconds(3600))).isEqualTo("14:05:09 WIB");
        assertThat(ID.moment(T, wib, T.plusSeconds(86_400))).isEqualTo("5 Des 2026 14:05 WIB");
    }
}
