package id.ihati.videotron.playlists.manifest;

import static id.ihati.videotron.playlists.testing.Samples.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.validation.FieldError;
import id.ihati.videotron.playlists.validation.Parsed;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A booking as the admin form sends it: read with paths relative to the booking. */
class BookingCodecTest {
    static final String FORM = """
            {
              "id": "b-17", "title": "Cuci tangan pakai sabun", "category": "HEALTH",
              "ownerOrganisation": "Dinkes Kota Cilegon", "items": ["H1", "H2"],
              "targets": {"groups": ["pusat-kota"]},
              "dateFrom": "2026-12-01", "dateTo": "2026-12-31", "weekdays": ["MONDAY", "FRIDAY"],
              "windows": [{"from": "07:00", "to": "09:00"}, {"from": "22:00", "to": "01:00"}],
              "frequency": {"type": "PER_LOOP", "slots": 2}, "priority": 5
            }""";

    @Test
    void readsTheFormShape() {
        Booking b = BookingCodec.read(FORM).orElseThrow();
        assertThat(b.items()).containsExactly("H1", "H2");
        assertThat(b.weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(b.windows().get(1).overnight()).isTrue();
        assertThat(b.frequency()).isEqualTo(new Frequency.PerLoop(2));
        assertThat(b.dateTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(b.targets().groups()).isEqualTo(Set.of("pusat-kota"));
    }

    @Test
    void writtenBookingReadsBackEqual() {
        Booking b = BookingCodec.read(FORM).orElseThrow();
        assertThat(BookingCodec.read(BookingCodec.write(b)).orElseThrow()).isEqualTo(b);
    }

    @Test
    void pathsAreRelativeToTheBooking() {
        Parsed<Booking> p = BookingCodec.read(FORM.replace("\"01:00\"", "\"1 pagi\"")
                .replace("\"slots\": 2", "\"slots\": -2").replace("\"2026-12-31\"", "\"2026-11-30\""));
        assertThat(p.errors()).extracting(FieldError::path)
                .containsExactly("dateTo", "windows[1].to", "frequency.slots");
    }

    @Test
    void missingFrequencyValueAndEmptyTitleAreNamed() {
        Parsed<Booking> p = BookingCodec.read(FORM.replace("\"slots\": 2", "\"n\": 2")
                .replace("\"Cuci tangan pakai sabun\"", "\"  \""));
        assertThat(p.errors()).extracting(FieldError::path).containsExactly("title", "frequency.slots");
        assertThat(p.errors().get(0).message()).isEqualTo("tidak boleh kosong");
    }

    @Test
    void checkedAgainstMediaAndScreenWhenGiven() {
        Map<String, Media> media = Map.of("H1", media("H1", 20));
        Parsed<Booking> p = BookingCodec.read(FORM, media, screen(60, 15));
        assertThat(p.errors()).extracting(FieldError::path).containsExactly("items[1]");

        Map<String, Media> both = Map.of("H1", media("H1", 20), "H2", media("H2", 10));
        Parsed<Booking> tooOften = BookingCodec.read(FORM.replace("\"slots\": 2", "\"slots\": 3"), both, screen(60, 15));
        FieldError e = tooOften.errors().get(0);
        assertThat(e.path()).isEqualTo("frequency.slots");
        assertThat(e.messageEn()).isEqualTo("3 plays × 2 slots do not fit in a loop of 4 slots");
        assertThat(BookingCodec.read(FORM, both, screen(60, 15)).errors()).isEmpty();
    }

    @Test
    void aBookingCannotBeFillerOrAlert() {
        Parsed<Booking> p = BookingCodec.read(FORM.replace("\"HEALTH\"", "\"FILLER\""));
        assertThat(p.errors()).extracting(FieldError::path).containsExactly("category");
    }

    @Test
    void validatorFindsBuiltBookingProblemsForTheAdminServer() {
        Booking perDay = booking("d", Category.CITY, 1, new Frequency.PerDay(50), List.of(window("08:00", "08:10")), "C1");
        List<FieldError> errors = id.ihati.videotron.playlists.validation.ScheduleValidator.validate(
                perDay, Map.of("C1", media("C1", 30)), screen(300, 15));
        assertThat(errors).extracting(FieldError::path).containsExactly("frequency.plays");
        assertThat(errors.get(0).messageEn()).isEqualTo("50 plays a day do not fit in the time windows (at most 20)");
        Booking nth = booking("n", Category.CITY, 1, new Frequency.EveryNthLoop(500), "C1");
        assertThat(id.ihati.videotron.playlists.validation.ScheduleValidator.validate(
                nth, Map.of("C1", media("C1", 30)), screen(300, 15))).extracting(FieldError::path)
                .containsExactly("frequency.n");
    }
}
