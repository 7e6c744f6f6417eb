package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a Range header asks of a 1,000-byte file, as RFC 9110 §14 reads it. */
class RangeRequestTest {
    static final long SIZE = 1000;

    /** Header, then the expected answer: "200", "416", or "206 first-last". */
    static final List<List<String>> TABLE = List.of(
            List.of("bytes=0-99", "206 0-99"),
            List.of("bytes=100-199", "206 100-199"),
            List.of("bytes=0-0", "206 0-0"),
            List.of("bytes=999-999", "206 999-999"),
            List.of("bytes=500-", "206 500-999"),
            List.of("bytes=0-", "206 0-999"),
            List.of("bytes=-10", "206 990-999"),
            List.of("bytes=-1000", "206 0-999"),
            // an end past the file is clipped (§14.1.2)
            List.of("bytes=0-1000", "206 0-999"),
            List.of("bytes=900-5000", "206 900-999"),
            List.of("bytes=0-9223372036854775807", "206 0-999"),
            List.of("bytes=0-18446744073709551616", "206 0-999"),
            List.of("bytes=0-99999999999999999999999999999999999999", "206 0-999"),
            // a suffix longer than the file is the whole file, as a part (§14.1.1)
            List.of("bytes=-1001", "206 0-999"),
            List.of("bytes=-99999999999999999999", "206 0-999"),
            List.of("bytes=-9223372036854775808", "206 0-999"),
            // 416 only when the first byte is past the end, or an empty suffix
            List.of("bytes=1000-", "416"),
            List.of("bytes=1000-2000", "416"),
            List.of("bytes=18446744073709551616-", "416"),
            List.of("bytes=99999999999999999999-99999999999999999999", "416"),
            List.of("bytes=-0", "416"),
            // the unit is case-insensitive, whitespace around the spec is tolerated
            List.of("Bytes=0-9", "206 0-9"),
            List.of("BYTES=0-9", "206 0-9"),
            List.of(" bytes = 5-9 ", "206 5-9"),
            // malformed or not understood: ignored, the whole file (§14.2)
            List.of("", "200"),
            List.of("bytes=", "200"),
            List.of("bytes=-", "200"),
            List.of("bytes=abc", "200"),
            List.of("bytes=5-2", "200"),
            List.of("bytes=1-a", "200"),
            List.of("bytes=a-1", "200"),
            List.of("bytes=--5", "200"),
            List.of("bytes=+5-9", "200"),
            List.of("bytes=-+5", "200"),
            List.of("bytes=0x10-0x20", "200"),
            List.of("bytes=1.5-2", "200"),
            List.of("bytes=\u0661-\u0662", "200"),
            List.of("bytes=0-1,3-4", "200"),
            List.of("bytes=0-1, 999999999999999999999-", "200"),
            List.of("bytes 0-9", "200"),
            List.of("items=0-9", "200"),
            List.of("=0-9", "200"),
            List.of("bytes=0-9=1", "200"));

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void aHeaderGetsTheAnswerTheRfcGives(String header, String expected) {
        assertThat(answer(RangeRequest.of(header, SIZE))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on an empty file -> {1}")
    @MethodSource("emptyFile")
    void anEmptyFileHasNoPartToSend(String header, String expected) {
        assertThat(answer(RangeRequest.of(header, 0))).isEqualTo(expected);
    }

    static final List<List<String>> EMPTY_FILE = List.of(List.of("bytes=0-", "416"), List.of("bytes=0-0", "416"),
            List.of("bytes=-5", "200"), List.of("bytes=-0", "416"));

    static Stream<Arguments> table() {
        return TABLE.stream().map(r -> Arguments.of(r.get(0), r.get(1)));
    }

    static Stream<Arguments> emptyFile() {
        return EMPTY_FILE.stream().map(r -> Arguments.of(r.get(0), r.get(1)));
    }

    @org.junit.jupiter.api.Test
    void noHeaderIsTheWholeFile() {
        assertThat(answer(RangeRequest.of(null, SIZE))).isEqualTo("200");
    }

    static String answer(RangeRequest r) {
        if (r instanceof RangeRequest.Part p) {
            return "206 " + p.first() + "-" + p.last();
        }
        return r instanceof RangeRequest.Unsatisfiable ? "416" : "200";
    }
}
