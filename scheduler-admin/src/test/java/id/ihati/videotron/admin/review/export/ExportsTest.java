package id.ihati.videotron.admin.review.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.review.delivery.DeliveryCalculatorTest;
import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exports say what the report says, in formats other programs can read. */
class ExportsTest {
    static final Path OUT = Path.of("target", "review-export");

    @Test
    void csvParsesBackToTheReportsNumbers() {
        byte[] bytes = CsvExport.write(DeliveryCalculatorTest.report(), Messages.ID);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = parseCsv(text.substring(1));
        List<String> header = rows.get(0);
        assertThat(header).contains("Tanggal", "Layar", "Direncanakan", "Tayang", "Galat media", "Layar luring",
                "Rantai utuh");
        var h1 = rows.stream().filter(r -> r.get(1).equals("alun") && r.get(3).equals("H1")).findFirst().orElseThrow();
        assertThat(h1.get(header.indexOf("Tanggal"))).isEqualTo("2026-11-24");
        assertThat(h1.get(header.indexOf("Judul"))).isEqualTo("DBD 3M Plus");
        assertThat(h1.get(header.indexOf("Diminta"))).isEqualTo("120");
        assertThat(h1.get(header.indexOf("Direncanakan"))).isEqualTo("115");
        assertThat(h1.get(header.indexOf("Tayang"))).isEqualTo("63");
        assertThat(h1.get(header.indexOf("Persen tayang"))).isEqualTo("54.8");
        assertThat(h1.get(header.indexOf("Galat media"))).isEqualTo("2");
        assertThat(h1.get(header.indexOf("Layar luring"))).isEqualTo("50");
        assertThat(h1.get(header.indexOf("Di luar jam operasi"))).isEqualTo("0");
        assertThat(h1.get(header.indexOf("Rantai utuh"))).isEqualTo("false");
        assertThat(rows).allMatch(r -> r.size() == header.size());
        // 2 screens × (H1, C1, alert, filler)
        assertThat(rows).hasSize(1 + 8);
    }

    @Test
    void csvQuotesSeparatorsAndDefusesFormulas() {
        assertThat(CsvExport.cell("Gizi, stunting")).isEqualTo("\"Gizi, stunting\"");
        assertThat(CsvExport.cell("Kata \"sehat\"")).isEqualTo("\"Kata \"\"sehat\"\"\"");
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvExport.cell("-12")).isEqualTo("-12");
    }

    @Test
    void pdfIsInIndonesianWithTheFiguresAndTheBrokenChain() throws Exception {
        byte[] pdf = PdfExport.write(DeliveryCalculatorTest.report(), "Semua layar",
                Instant.parse("2026-11-25T03:00:00Z"), ZoneId.of("Asia/Jakarta"), Messages.ID);
        Files.createDirectories(OUT);
        Path file = OUT.resolve("laporan-penayangan.pdf");
        Files.write(file, pdf);
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        String text = pdfText(file);
        assertThat(text).contains("Laporan Penayangan Videotron: Rencana vs Tayang");
        assertThat(text).contains("24 November 2026");
        assertThat(text).contains("Dibuat 25 November 2026 10:00 WIB");
        // 2 × 1,725 s of 14,400 s = 24.0 %; 178 of 230 health plays delivered = 77.4 %.
        assertThat(text).contains("Edukasi kesehatan: 24,0 % waktu tayang, 77,4 % tersiar");
        assertThat(text).contains("Alun-alun Cilegon", "Pasar Kranggot", "DBD 3M Plus", "Festival Kota");
        assertThat(text).contains("Rusak: record seq 4 was");
        assertThat(text).contains("Layar luring", "Galat media", "Didahului peringatan darurat");
        // The two charts are images in the PDF.
        var list = new ProcessBuilder("pdfimages", "-list", file.toString()).redirectErrorStream(true).start();
        String images = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).isZero();
        assertThat(images.lines().filter(l -> l.matches("\\s*1\\s+\\d+\\s+image.*"))).hasSize(2);
    }

    @Test
    void icalendarIsEscapedFoldedAndInWesternIndonesiaTime() {
        var screen = new ScreenProfile("alun", "Alun-alun Cilegon", new Location("Jl. Sultan Ageng Tirtayasa, Cilegon",
                -6.0174, 106.0538), ZoneId.of("Asia/Jakarta"), new Resolution(960, 480), 300, 15,
                ScreenProfile.alwaysOn(), Map.of(), null, false, Set.of("pusat"), null);
        var weekdays = new Booking("b-1", "Cegah DBD; 3M Plus, menguras\\menutup\nmendaur ulang — gerakan"
                + " bersama Puskesmas se-Kota Cilegon untuk keluarga sehat dan bebas jentik nyamuk",
                Category.HEALTH, "Dinas Kesehatan", List.of("m1"), Targets.screens("alun"),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                List.of(new TimeWindow(LocalTime.of(7, 0), LocalTime.of(9, 0)),
                        new TimeWindow(LocalTime.of(22, 0), LocalTime.of(1, 0))),
                new Frequency.PerLoop(2), 5);
        var daily = new Booking("c-1", "Festival Kota", Category.CITY, "Diskominfo", List.of("m2"), Targets.all(),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22), Set.of(), List.of(), new Frequency.PerDay(40), 1);
        var elsewhere = new Booking("x-1", "Lain", Category.CITY, "Diskominfo", List.of("m2"), Targets.screens("lain"),
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22), Set.of(), List.of(), new Frequency.PerDay(4), 1);
        byte[] bytes = ICalendar.write(screen, List.of(weekdays, daily, elsewhere), Instant.parse("2026-11-25T03:00:00Z"),
                false);
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).doesNotContain("\n\n").endsWith("END:VCALENDAR\r\n");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = unfold(ics);
        assertBalanced(lines);
        assertThat(lines).contains("BEGIN:VTIMEZONE", "TZID:Asia/Jakarta", "TZOFFSETTO:+0700", "TZNAME:WIB");
        assertThat(lines.stream().filter(l -> l.equals("BEGIN:VEVENT"))).hasSize(3); // two windows + daily
        assertThat(lines).contains("SUMMARY:Cegah DBD\\; 3M Plus\\, menguras\\\\menutup\\nmendaur ulang — gerakan"
                + " bersama Puskesmas se-Kota Cilegon untuk keluarga sehat dan bebas jentik nyamuk (Edukasi kesehatan)");
        // 1 November 2026 is a Sunday: the first event is Monday 2 November.
        assertThat(lines).contains("DTSTART;TZID=Asia/Jakarta:20261102T070000", "DTEND;TZID=Asia/Jakarta:20261102T090000",
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261130T000000Z");
        // The overnight window ends the next day.
        assertThat(lines).contains("DTSTART;TZID=Asia/Jakarta:20261102T220000", "DTEND;TZID=Asia/Jakarta:20261103T010000");
        assertThat(lines).contains("DTSTART;TZID=Asia/Jakarta:20261120T000000", "DTEND;TZID=Asia/Jakarta:20261121T000000",
                "RRULE:FREQ=DAILY;UNTIL=20261121T170000Z");
        assertThat(lines).contains("DTSTAMP:20261125T030000Z", "UID:b-1/alun/0@ihati-videotron");
        assertThat(ics).doesNotContain("Lain");
    }

    @Test
    void publicIcalendarShowsNoInternalIds() {
        var screen = new ScreenProfile("alun", "Alun-alun", null, null, new Resolution(960, 480), 300, 15,
                ScreenProfile.alwaysOn(), Map.of(), null, false, Set.of(), null);
        var b = new Booking("b-secret-17", "Imunisasi", Category.HEALTH, "Dinkes", List.of("m1"), Targets.all(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), Set.of(), List.of(), new Frequency.PerLoop(1), 1);
        String ics = new String(ICalendar.write(screen, List.of(b), Instant.EPOCH, true), StandardCharsets.UTF_8);
        assertThat(ics).doesNotContain("b-secret-17").doesNotContain("alun/").contains("Imunisasi");
    }

    static void assertBalanced(List<String> lines) {
        var stack = new ArrayList<String>();
        for (String l : lines) {
            assertThat(l).matches("[A-Z-]+(;[^:]*)?:.*");
            if (l.startsWith("BEGIN:")) {
                stack.add(l.substring(6));
            } else if (l.startsWith("END:")) {
                assertThat(stack).isNotEmpty();
                assertThat(stack.remove(stack.size() - 1)).isEqualTo(l.substring(4));
            }
        }
        assertThat(stack).isEmpty();
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0").anyMatch(l -> l.startsWith("PRODID:"));
    }

    /** RFC 5545 §3.1 unfolding: a CRLF followed by a space or tab is removed. */
    static List<String> unfold(String ics) {
        return List.of(ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"));
    }

    static String pdfText(Path pdf) throws IOException, InterruptedException {
        Path txt = pdf.resolveSibling(pdf.getFileName() + ".txt");
        var p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), txt.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return Files.readString(txt).replaceAll("[ \\t]+", " ");
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parseCsv(String s) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
