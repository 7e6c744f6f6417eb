package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a file is from its bytes (never from its name or the browser's content type) and whether the
 * players can show it. Refusals are {@link ValidationException}s on the field {@code file} that say why and
 * what to do, in Bahasa Indonesia and English.
 */
public final class MediaInspector {
    private static final Logger log = LoggerFactory.getLogger(MediaInspector.class);
    /** H.264 sample entries. JavaFX plays H.264 + AAC in MP4 everywhere; HEVC only with some system codecs. */
    static final Set<String> H264 = Set.of("avc1", "avc3");
    /** AAC (and MP3) in MP4. */
    static final Set<String> AUDIO_OK = Set.of("mp4a");
    /** Largest image side and area: far above any videotron, small enough to decode safely. */
    public static final int MAX_IMAGE_SIDE = 4096;
    public static final long MAX_IMAGE_PIXELS = 4096L * 2304;

    /** Inspects a stored or staged file. */
    public MediaFacts inspect(Path file) {
        byte[] head = head(file);
        if (isMp4(head)) {
            return video(file);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return image(file, "image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return image(file, "image/jpeg");
        }
        if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            throw refuse("media.refuse.webm");
        }
        if (startsWith(head, 'G', 'I', 'F', '8') || startsWith(head, 'B', 'M')
                || (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP"))) {
            throw refuse("media.refuse.imageFormat");
        }
        throw refuse("media.refuse.unknownType");
    }

    private MediaFacts video(Path file) {
        Mp4File.Facts facts;
        try {
            Mp4File.boxes(file);
            facts = Mp4File.facts(file);
        } catch (Mp4File.Broken e) {
            log.info("Refused a broken MP4: {}", e.getMessage());
            throw refuse("media.refuse.corrupt");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Mp4File.TrackFacts video = facts.video();
        if (video == null) {
            throw refuse("media.refuse.noVideo");
        }
        String codec = video.codec();
        if (codec.equals("hev1") || codec.equals("hvc1")) {
            throw refuse("media.refuse.hevc");
        }
        if (!H264.contains(codec)) {
            throw refuse("media.refuse.codec", codecName(codec));
        }
        for (Mp4File.TrackFacts a : facts.audio()) {
            if (!AUDIO_OK.contains(a.codec())) {
                throw refuse("media.refuse.audioCodec", a.codec());
            }
        }
        if (facts.durationMillis() <= 0 || video.samples() == 0 || video.pixels() == null) {
            // Fragmented MP4s keep their samples outside the index; the players expect a plain file.
            throw refuse("media.refuse.fragmented");
        }
        return new MediaFacts(MediaKind.VIDEO, "video/mp4", facts.durationMillis(), video.pixels(), codec,
                !facts.audio().isEmpty());
    }

    private MediaFacts image(Path file, String contentType) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refuse("media.refuse.corrupt");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw refuse("media.refuse.corrupt");
                }
                // Checked before decoding, so a decompression bomb is refused without being unpacked.
                if (w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE || (long) w * h > MAX_IMAGE_PIXELS) {
                    throw refuse("media.refuse.imageTooLarge", w, h, MAX_IMAGE_SIDE);
                }
                // Decoding every pixel proves the file is whole; subsampling keeps the memory small.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(w, h) / 512);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                return new MediaFacts(MediaKind.IMAGE, contentType, 0, new Resolution(w, h), null, false);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            log.info("Refused an unreadable image: {}", e.toString());
            throw refuse("media.refuse.corrupt");
        }
    }

    static ValidationException refuse(String key, Object... args) {
        return new ValidationException(422, List.of(Problem.of("file", key, args)));
    }

    private static String codecName(String entry) {
        return switch (entry) {
            case "mp4v" -> "MPEG-4 Part 2 (mp4v)";
            case "vp09" -> "VP9";
            case "av01" -> "AV1";
            case "s263" -> "H.263";
            default -> entry;
        };
    }

    private static boolean isMp4(byte[] h) {
        return h.length >= 12 && h[4] == 'f' && h[5] == 't' && h[6] == 'y' && h[7] == 'p';
    }

    private static boolean startsWith(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(16);
            return Arrays.copyOf(b, b.length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
