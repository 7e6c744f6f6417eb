package id.ihati.videotron.player.playback.picture;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.picture.PictureVerdict.Sample;
import id.ihati.videotron.player.playback.picture.PictureVerdict.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table: looks every 500 ms, written as one letter each. {@code k} black, {@code a}/{@code b}/...
 * a picture (the same letter the same picture), a capital letter for a video whose position advances 500 ms a
 * look ({@code A} = picture a while a video plays), {@code .} nothing should show, {@code |} the play changes
 * before the next look, {@code =} a video whose position stands still from here on.
 */
class PictureVerdictTest {
    private static final Duration AFTER = Duration.ofSeconds(2);
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("a picture standing still is a picture", "aaaaaaaaaa", State.OK),
                Arguments.of("a moving video", "ABCDEFGHIJ", State.OK),
                Arguments.of("a video frozen for 2 s while its clock runs", "ABCDDDDD", State.FROZEN),
                Arguments.of("frozen for 1.5 s only", "ABCDDDD", State.OK),
                Arguments.of("a clip that is one still picture from its start (a slide as video)", "AAAAAAAAA", State.OK),
                Arguments.of("frozen right after the first moving look", "ABBBBB", State.FROZEN),
                Arguments.of("frozen, then moving again", "ABCDDDDDE", State.OK),
                Arguments.of("a video whose clock stands still too (the watchdog's case)", "AB=BBBBBBB", State.OK),
                Arguments.of("black for 2 s while an item plays", "aakkkkk", State.BLACK),
                Arguments.of("black for 2 s while a video plays", "ABKKKKK", State.BLACK),
                Arguments.of("black for 1.5 s (a fade) is fine", "ABKKKKC", State.OK),
                Arguments.of("black for 1.5 s, still black", "abkkkk", State.OK),
                Arguments.of("black outside hours: nothing should show", "..........", State.OK),
                Arguments.of("black across a change of play counts from the change", "kkkkk|kkk", State.OK),
                Arguments.of("black for 2 s after a change of play", "aa|kkkkk", State.BLACK),
                Arguments.of("the same picture across a change of play is not frozen", "AAAA|AAA", State.OK),
                Arguments.of("picture back after black", "kkkkkkka", State.OK),
                Arguments.of("no looks yet", "", State.OK));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("table")
    void decides(String what, String looks, State expected) {
        assertThat(PictureVerdict.decide(samples(looks), AFTER)).as(what).isEqualTo(expected);
    }

    static Stream<Arguments> afterAFault() {
        return Stream.of(
                Arguments.of("black: still black after the re-opening", State.BLACK, "kk", State.BLACK),
                Arguments.of("black: a picture again", State.BLACK, "kka", State.OK),
                Arguments.of("black: the first look after the re-opening is no proof", State.BLACK, "k", State.BLACK),
                Arguments.of("frozen: one look after the re-opening", State.FROZEN, "A", State.FROZEN),
                Arguments.of("frozen: still the same picture", State.FROZEN, "AAA", State.FROZEN),
                Arguments.of("frozen: moving again", State.FROZEN, "AAB", State.OK),
                Arguments.of("frozen: the next play is a picture, and shows", State.FROZEN, "A|b", State.OK),
                Arguments.of("frozen: the next play moves", State.FROZEN, "A|BC", State.OK),
                Arguments.of("frozen turned black", State.FROZEN, "AKKKKK", State.BLACK),
                Arguments.of("closing time ends any fault", State.BLACK, "kk.", State.OK),
                Arguments.of("no looks yet after the re-opening", State.FROZEN, "", State.FROZEN));
    }

    @ParameterizedTest(name = "{0}: {1} then {2} -> {3}")
    @MethodSource("afterAFault")
    void aFaultEndsOnlyWhenThePictureIsBack(String what, State before, String looks, State expected) {
        assertThat(PictureVerdict.next(before, samples(looks), AFTER)).as(what).isEqualTo(expected);
    }

    private static List<Sample> samples(String looks) {
        var out = new ArrayList<Sample>();
        int play = 0;
        long position = 0;
        boolean positionStands = false;
        int i = 0;
        for (char c : looks.toCharArray()) {
            switch (c) {
                case '|' -> {
                    play++;
                    continue;
                }
                case '=' -> {
                    positionStands = true;
                    continue;
                }
                default -> {
                }
            }
            Instant at = T0.plusMillis(500L * i++);
            if (c == '.') {
                out.add(new Sample(at, Thumbnail.flat(0, 16), null, OptionalLong.empty()));
                continue;
            }
            boolean video = Character.isUpperCase(c);
            char p = Character.toLowerCase(c);
            var picture = p == 'k' ? Thumbnail.flat(5, 16) : Thumbnail.flat(40 + 10 * (p - 'a'), 16);
            if (video && !positionStands) {
                position += 500;
            }
            out.add(new Sample(at, picture, "play-" + play, video ? OptionalLong.of(position) : OptionalLong.empty()));
        }
        return out;
    }
}
