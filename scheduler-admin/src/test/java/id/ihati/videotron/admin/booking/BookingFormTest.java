package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each field of the booking form: what is accepted, and the message (both languages) for what is not. */
class BookingFormTest {
    static final List<ScreenProfile> SCREENS = List.of(new ScreenProfile("simpang-tiga", "Simpang Tiga", null, null,
            new Resolution(960, 480), 300, 15, ScreenProfile.alwaysOn(), Map.of(), null, false, Set.of("pusat-kota"),
            null));
    static final Set<Category> HEALTH_ONLY = EnumSet.of(Category.HEALTH);

    /** A valid form as posted, which each test breaks in one field. */
    private static Map<String, List<String>> valid() {
        var m = new HashMap<String, List<String>>();
        m.put("title", List.of("DBD 3M Plus"));
        m.put("category", List.of("HEALTH"));
        m.put("owner", List.of("Dinas Kesehatan"));
        m.put("items", List.of("m-gizi", "m-dbd"));
        m.put("screens", List.of("simpang-tiga"));
        m.put("dateFrom", List.of("2026-12-01"));
        m.put("dateTo", List.of("2026-12-31"));
        m.put("weekdays", List.of());
        m.put("windowFrom0", List.of("18:00"));
        m.put("windowTo0", List.of("06:00"));
        m.put("freqType", List.of("PER_LOOP"));
        m.put("perLoop", List.of("2"));
        m.put("priority", List.of("5"));
        return m;
    }

    private static BookingForm.Result parse(UnaryOperator<Map<String, List<String>>> change) {
        var fields = change.apply(valid());
        BookingForm f = BookingForm.read(n -> fields.getOrDefault(n, List.of()).stream().findFirst().orElse(null),
                n -> fields.getOrDefault(n, List.of()));
        return f.parse(HEALTH_ONLY, SCREENS);
    }

    private static Map<String, List<String>> with(Map<String, List<String>> m, String k, String... v) {
        m.put(k, List.of(v));
        return m;
    }

    private static List<Problem> problemsOf(BookingForm.Result r, String field) {
        return r.problems().stream().filter(p -> field.equals(p.field())).toList();
    }

    @Test
    void aValidFormBecomesTheBookingItDescribesWithItemsInTheirOrderAndAnOvernightWindow() {
        var r = parse(m -> m);
        assertThat(r.problems()).isEmpty();
        var b = r.booking();
        assertThat(b.items()).containsExactly("m-gizi", "m-dbd");
        assertThat(b.windows()).containsExactly(new TimeWindow(LocalTime.of(18, 0), LocalTime.of(6, 0)));
        assertThat(b.windows().get(0).overnight()).isTrue();
        assertThat(b.frequency()).isEqualTo(new Frequency.PerLoop(2));
        assertThat(b.weekdays()).hasSize(7);
        assertThat(b.targets().screens()).containsExactly("simpang-tiga");
        assertThat(b.id()).startsWith("bk-");
    }

    @Test
    void titleIsRequiredAndBounded() {
        assertThat(problemsOf(parse(m -> with(m, "title", " ")), "title")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("Judul wajib diisi.");
                    assertThat(p.messageEn()).isEqualTo("A title is required.");
                });
        assertThat(problemsOf(parse(m -> with(m, "title", "x".repeat(201))), "title")).hasSize(1);
    }

    @Test
    void aHealthEditorCannotChooseCityAndUnknownCategoriesAreRefused() {
        assertThat(problemsOf(parse(m -> with(m, "category", "CITY")), "category")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("CITY"));
        assertThat(problemsOf(parse(m -> with(m, "category", "FILLER")), "category")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "category", "nonsense")), "category")).hasSize(1);
    }

    @Test
    void ownerIsRequired() {
        assertThat(problemsOf(parse(m -> with(m, "owner", "")), "owner")).hasSize(1);
    }

    @Test
    void itemsMustBeChosen() {
        assertThat(problemsOf(parse(m -> with(m, "items")), "items")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Pilih minimal satu konten."));
    }

    @Test
    void targetsMustNameAKnownScreenOrGroupOrAll() {
        assertThat(problemsOf(parse(m -> with(m, "screens")), "targets")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "screens", "layar-hantu")), "targets")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("layar-hantu"));
        assertThat(parse(m -> with(with(m, "screens"), "groups", "pusat-kota")).problems()).isEmpty();
        assertThat(parse(m -> with(with(m, "screens"), "allScreens", "1")).booking().targets().allScreens()).isTrue();
    }

    @Test
    void datesMustBeValidAndInOrderAndAtMostAYear() {
        assertThat(problemsOf(parse(m -> with(m, "dateFrom", "")), "dateFrom")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "dateFrom", "31/12/2026")), "dateFrom")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("31/12/2026"));
        assertThat(problemsOf(parse(m -> with(m, "dateTo", "2026-11-30")), "dateTo")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Tanggal selesai tidak boleh sebelum tanggal mulai."));
        assertThat(problemsOf(parse(m -> with(m, "dateTo", "2028-01-01")), "dateTo")).hasSize(1);
        assertThat(parse(m -> with(m, "dateTo", "2026-12-01")).problems()).isEmpty();
    }

    @Test
    void weekdaysAreTheTickedDaysAndNothingElse() {
        var r = parse(m -> with(m, "weekdays", "SATURDAY", "SUNDAY"));
        assertThat(r.booking().weekdays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(problemsOf(parse(m -> with(m, "weekdays", "FUNDAY")), "weekdays")).hasSize(1);
    }

    @Test
    void windowsNeedBothEndsInHoursAndMinutesAndCannotBeEmpty() {
        assertThat(problemsOf(parse(m -> with(m, "windowTo0", "")), "window0")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Isi jam mulai dan jam selesai."));
        assertThat(problemsOf(parse(m -> with(m, "windowFrom0", "25:00")), "window0")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "windowTo0", "18:00")), "window0")).hasSize(1);
        var two = parse(m -> with(with(m, "windowFrom1", "06.30"), "windowTo1", "09:00"));
        assertThat(two.booking().windows()).hasSize(2);
        var none = parse(m -> with(with(m, "windowFrom0", ""), "windowTo0", ""));
        assertThat(none.booking().windows()).containsExactly(TimeWindow.ALL_DAY);
    }

    @Test
    void frequencyTakesTheChosenKindWithAPositiveNumber() {
        assertThat(parse(m -> with(with(m, "freqType", "EVERY_NTH_LOOP"), "everyNth", "3")).booking().frequency())
                .isEqualTo(new Frequency.EveryNthLoop(3));
        assertThat(parse(m -> with(with(m, "freqType", "PER_DAY"), "perDay", "48")).booking().frequency())
                .isEqualTo(new Frequency.PerDay(48));
        assertThat(problemsOf(parse(m -> with(m, "perLoop", "0")), "frequency")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Harus antara 1 dan 1.000."));
        assertThat(problemsOf(parse(m -> with(m, "perLoop", "dua")), "frequency")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "freqType", "")), "frequency")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(with(m, "freqType", "PER_DAY"), "perDay", "")), "frequency"))
                .singleElement().satisfies(p -> assertThat(p.messageEn()).isEqualTo("Enter a number."));
    }

    @Test
    void priorityIsOneToTen() {
        assertThat(problemsOf(parse(m -> with(m, "priority", "11")), "priority")).hasSize(1);
        assertThat(problemsOf(parse(m -> with(m, "priority", "")), "priority")).hasSize(1);
        assertThat(parse(m -> with(m, "priority", "10")).booking().priority()).isEqualTo(10);
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        var r = parse(m -> with(with(with(m, "title", ""), "dateTo", "2026-01-01"), "priority", "0"));
        assertThat(r.problems()).extracting(Problem::field).contains("title", "dateTo", "priority");
        assertThat(r.booking()).isNull();
    }

    @Test
    void itemsAreReorderedAndRemovedByTheFormsButtons() {
        var f = BookingForm.blank(Category.HEALTH, "Dinkes", LocalDate.of(2026, 12, 1)).withItems(List.of("a", "b", "c"));
        assertThat(f.withItemOp("up:2", null).items()).containsExactly("a", "c", "b");
        assertThat(f.withItemOp("down:0", null).items()).containsExactly("b", "a", "c");
        assertThat(f.withItemOp("remove:1", null).items()).containsExactly("a", "c");
        assertThat(f.withItemOp("add", "d").items()).containsExactly("a", "b", "c", "d");
        assertThat(f.withItemOp("add", "a").items()).containsExactly("a", "b", "c");
        assertThat(f.withItemOp("up:9", null).items()).containsExactly("a", "b", "c");
    }

    @Test
    void presetsSetWhenAndHowOftenButKeepWhatAndWhere() {
        var f = BookingForm.blank(Category.HEALTH, "Dinkes", LocalDate.of(2026, 12, 10)).withItems(List.of("m-dbd"));
        var rush = Presets.apply("rushHours", f, LocalDate.of(2026, 12, 10));
        assertThat(rush.items()).containsExactly("m-dbd");
        assertThat(rush.windows().get(0)).isEqualTo(new BookingForm.Window("06:00", "09:00"));
        assertThat(rush.weekdays()).hasSize(5);
        assertThat(rush.dateTo()).isEqualTo("2026-12-31");
        var all = new ArrayList<String>();
        for (String name : Presets.NAMES) {
            var posted = Presets.apply(name, f.withItems(List.of("m-dbd")), LocalDate.of(2026, 12, 10));
            var r = new BookingForm(posted.id(), "T", posted.category(), posted.owner(), posted.items(),
                    Set.of("simpang-tiga"), Set.of(), false, posted.dateFrom(), posted.dateTo(), posted.weekdays(),
                    posted.windows(), posted.freqType(), posted.perLoop(), posted.everyNth(), posted.perDay(),
                    posted.priority(), false).parse(HEALTH_ONLY, SCREENS);
            assertThat(r.problems()).as(name).isEmpty();
            all.add(name);
        }
        assertThat(all).hasSize(Presets.NAMES.size());
    }
}
