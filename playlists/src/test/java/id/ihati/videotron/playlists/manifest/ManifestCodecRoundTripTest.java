package id.ihati.videotron.playlists.manifest;

import static id.ihati.videotron.playlists.testing.Samples.*;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.validation.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestCodecRoundTripTest {

    static Manifest sample() {
        return manifest(screen(300, 15), List.of(media("H1", 15), media("C1", 40)),
                List.of(booking("h", Category.HEALTH, 5, new Frequency.PerLoop(2), List.of(window("22:00", "02:00")), "H1"),
                        booking("c", Category.CITY, 1, new Frequency.PerDay(12), "C1"),
                        booking("n", Category.CITY, 1, new Frequency.EveryNthLoop(3), "C1", "H1")),
                List.of(alert("banjir", "H1", wib("10:00"), wib("11:00"))));
    }

    @Test
    void writtenManifestReadsBackEqual() {
        Manifest m = ManifestCodec.withContentHash(sample());
        String json = ManifestCodec.write(m);
        Parsed<Manifest> back = ManifestCodec.read(json);
        assertThat(back.errors()).isEmpty();
        assertThat(back.orElseThrow()).isEqualTo(m);
        assertThat(json).contains("\"generatedAt\" : \"2026-11-30T17:00:00Z\"").contains("\"type\" : \"PER_DAY\"");
    }

    @Test
    void contentHashIgnoresGenerationTimeButNotContent() {
        Manifest m = sample();
        Manifest later = new Manifest(m.formatVersion(), m.screen(), m.generatedAt().plusSeconds(60), m.validUntil(),
                m.scheduleVersion(), m.mediaPath(), m.media(), m.bookings(), m.alerts(), m.filler(), "stale");
        Manifest other = new Manifest(m.formatVersion(), m.screen(), m.generatedAt(), m.validUntil(),
                m.scheduleVersion() + 1, m.mediaPath(), m.media(), m.bookings(), m.alerts(), m.filler(), null);
        assertThat(ManifestCodec.contentHash(later)).isEqualTo(ManifestCodec.contentHash(m)).hasSize(64);
        assertThat(ManifestCodec.contentHash(other)).isNotEqualTo(ManifestCodec.contentHash(m));
        assertThat(ManifestCodec.contentHashMatches(ManifestCodec.withContentHash(later))).isTrue();
        assertThat(ManifestCodec.contentHashMatches(later)).isFalse();
    }
}
