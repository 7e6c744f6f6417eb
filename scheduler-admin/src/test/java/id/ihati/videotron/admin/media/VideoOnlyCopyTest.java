package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The silent copy is a remux (no re-encode) with exactly one video track that decodes to the same length. */
class VideoOnlyCopyTest {
    @TempDir
    Path tmp;

    @Test
    void theCopyHasOneVideoTrackNoAudioTheSameDurationAndDecodes() throws Exception {
        Path source = TestMedia.file("health-with-audio.mp4");
        assertThat(TestMedia.streams(source)).containsExactlyInAnyOrder("video", "audio");
        Path copy = tmp.resolve("copy.mp4");
        Mp4File.writeVideoOnly(source, copy);

        assertThat(TestMedia.streams(copy)).containsExactly("video");
        assertThat(TestMedia.videoDuration(copy)).isCloseTo(TestMedia.videoDuration(source),
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(TestMedia.decodes(copy)).isTrue();
        // A remux keeps the encoded frames; only the audio bytes are gone.
        assertThat(Files.size(copy)).isLessThan(Files.size(source)).isGreaterThan(10_000);
        // JavaFX recognises an MP4 by its ftyp major brand and refuses mp4parser's default "iso6" ("media type not
        // supported": seen on the demo's silent screen), so the copy must say "isom" as ffmpeg's files do.
        byte[] head = new byte[12];
        try (var in = Files.newInputStream(copy)) {
            assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
        }
        assertThat(new String(head, 4, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
        MediaFacts facts = new MediaInspector().inspect(copy);
        assertThat(facts.hasAudio()).isFalse();
        assertThat(facts.videoCodec()).isEqualTo("avc1");
        assertThat(TestMedia.run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_name,nb_frames", "-of", "csv=p=0", copy.toString()).output().strip())
                .isEqualTo(TestMedia.run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                        "stream=codec_name,nb_frames", "-of", "csv=p=0", source.toString()).output().strip());
    }

    @Test
    void parsingLeavesNoCopiesOfTheSamplesInTheTemporaryDirectory() throws Exception {
        // mp4parser copies every mdat it parses to java.io.tmpdir until the JVM exits; we parse only the index.
        Path sysTmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(sysTmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("MediaDataBox")).count();
        }
        Mp4File.writeVideoOnly(TestMedia.file("health-with-audio.mp4"), tmp.resolve("c.mp4"));
        Mp4File.facts(TestMedia.file("health-with-audio.mp4"));
        try (var s = Files.list(sysTmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("MediaDataBox")).count())
                    .isEqualTo(before);
        }
    }
}
