package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The old plan fills only the gaps of the new one, cut to them; a table of plays written as "media@from-to". */
class FallbackPlaysTest {
    static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");

    static Stream<Arguments> table() {
        return Stream.of(
                // new plan's plays        old plan's plays             open from-to   result
                Arguments.of("alert@0-60", "old@0-15 old@15-30 old@60-75", "0-999", "alert@0-60 old@60-75"),
                Arguments.of("", "old@0-15 old@15-30", "0-999", "old@0-15 old@15-30"),
                Arguments.of("new@10-20", "old@0-30", "0-999", "old@0-10 new@10-20 old@20-30"),
                Arguments.of("new@0-15 new@15-30", "old@0-30", "0-999", "new@0-15 new@15-30"),
                // a gap under a second is not worth opening a file for
                Arguments.of("new@0-14.5", "old@0-15", "0-999", "new@0-14.5"),
                // not where the new plan's screen is dark
                Arguments.of("", "old@0-15 old@15-30", "0-15", "old@0-15"),
                Arguments.of("new@0-15", "", "0-999", "new@0-15"));
    }

    @ParameterizedTest(name = "new [{0}] over old [{1}], open {2}: [{3}]")
    @MethodSource("table")
    void theOldPlanPlaysOnlyWhereTheNewOneHasNothing(String primary, String fallback, String open, String expected) {
        String[] hours = open.split("-");
        Instant opens = at(hours[0]);
        Instant closes = at(hours[1]);
        List<PlannedPlay> merged = FallbackPlays.fillGaps(plays(primary), plays(fallback),
                t -> !t.isBefore(opens) && t.isBefore(closes));
        assertThat(String.join(" ", merged.stream().map(FallbackPlaysTest::show).toList())).isEqualTo(expected);
    }

    static List<PlannedPlay> plays(String text) {
        List<PlannedPlay> out = new ArrayList<>();
        for (String p : text.isBlank() ? new String[0] : text.split(" ")) {
            String[] parts = p.split("[@-]");
            out.add(new PlannedPlay(at(parts[1]), at(parts[2]), "s1", parts[0], Category.FILLER, null,
                    LocalDate.of(2026, 12, 4), 0, 0, 1));
        }
        return out;
    }

    static Instant at(String seconds) {
        return T0.plusMillis(Math.round(Double.parseDouble(seconds) * 1000));
    }

    static String show(PlannedPlay p) {
        return p.mediaId() + "@" + secs(p.start()) + "-" + secs(p.end());
    }

    static String secs(Instant t) {
        long ms = t.toEpochMilli() - T0.toEpochMilli();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }
}
