package id.ihati.videotron.playlists.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example in docs/manifest-format.md is a real manifest: it parses, its hash matches, it resolves. */
class ManifestFormatDocTest {

    /** The first {@code ```json} block after the "## Example" heading of the format document. */
    static String documentedExample() throws IOException {
        // Maven runs the tests in the module directory; the docs live one level up.
        String doc = Files.readString(Path.of("..", "docs", "manifest-format.md"));
        int section = doc.indexOf("\n## Example");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        int end = doc.indexOf("\n```", start);
        assertThat(section).as("the doc has an Example section").isPositive();
        return doc.substring(start, end);
    }

    @Test
    void theDocumentedExampleParsesAndItsContentHashMatches() throws IOException {
        Manifest m = ManifestCodec.read(documentedExample()).orElseThrow();
        assertThat(m.screen().id()).isEqualTo("simpang-tiga");
        assertThat(m.screen().slotsPerLoop()).isEqualTo(20);
        assertThat(m.bookings()).extracting(b -> b.frequency())
                .containsExactly(new Frequency.PerLoop(2), new Frequency.PerDay(48));
        assertThat(m.media().get(0).videoOnly()).isNotNull();
        assertThat(ManifestCodec.contentHashMatches(m)).as("documented contentHash is the real one").isTrue();
    }

    @Test
    void theDocumentedExampleResolvesToWhatItsBookingsAsk() throws IOException {
        Manifest m = ManifestCodec.read(documentedExample()).orElseThrow();
        // Tuesday 1 December 2026, 06:00-07:00 WIB: inside the health booking's first window.
        Timeline hour = new TimelineResolver().resolve(m, Instant.parse("2026-11-30T23:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(hour.plays().stream().filter(p -> "bk-0117".equals(p.sourceId()))).hasSize(12 * 2);
        assertThat(hour.plays()).allMatch(p -> p.category() != Category.ALERT);
        assertThat(hour.shortfalls()).isEmpty();
    }
}
