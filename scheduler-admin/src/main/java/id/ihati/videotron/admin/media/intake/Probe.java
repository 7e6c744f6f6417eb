package id.ihati.videotron.admin.media.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What ffprobe found in a file: the container, the first video stream and the first audio stream.
 *
 * @param brand          the MP4/QuickTime major brand ("isom", "qt  ", "3gp4"), {@code null} for other containers
 * @param durationMillis the container's duration, 0 when unknown
 * @param audio          {@code null} when the file has no audio stream
 */
public record Probe(String format, String brand, long durationMillis, Video video, Audio audio) {

    /**
     * @param rotation     degrees the picture is turned when shown (a portrait phone clip stored landscape: ±90)
     * @param frameRate    ffprobe's r_frame_rate (the base rate of the timestamps)
     * @param avgFrameRate frames per second on average; differs from {@code frameRate} for variable rates
     * @param level        H.264 level × 10 (40 = 4.0), 0 when unknown
     */
    public record Video(String codec, String profile, String pixFmt, int width, int height, int rotation,
                        double frameRate, double avgFrameRate, int level) {

        /** The size as shown, after rotation. */
        public Resolution displaySize() {
            return Math.abs(rotation) % 180 == 90 ? new Resolution(height, width) : new Resolution(width, height);
        }
    }

    public record Audio(String codec, int channels, int sampleRate) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code ffprobe -print_format json -show_format -show_streams}. */
    public static Probe parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe answered no JSON", e);
        }
        JsonNode format = root.path("format");
        Video video = null;
        Audio audio = null;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            // Cover art in phone and music files is a "video" stream of one picture: not the video.
            boolean picture = s.path("disposition").path("attached_pic").asInt() == 1;
            if (video == null && type.equals("video") && !picture) {
                video = new Video(s.path("codec_name").asText(""), s.path("profile").asText(""),
                        s.path("pix_fmt").asText(""), s.path("width").asInt(), s.path("height").asInt(),
                        rotation(s), rate(s.path("r_frame_rate").asText()), rate(s.path("avg_frame_rate").asText()),
                        Math.max(0, s.path("level").asInt()));
            } else if (audio == null && type.equals("audio")) {
                audio = new Audio(s.path("codec_name").asText(""), s.path("channels").asInt(),
                        s.path("sample_rate").asInt());
            }
        }
        long millis = Math.round(format.path("duration").asDouble(0) * 1000);
        String brand = format.path("tags").path("major_brand").asText(null);
        return new Probe(format.path("format_name").asText(""), brand, millis, video, audio);
    }

    private static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt();
            }
        }
        return stream.path("tags").path("rotate").asInt(0); // older muxers wrote a tag
    }

    /** "30000/1001" → 29.97; "0/0" → 0. */
    static double rate(String r) {
        if (r == null || r.isEmpty()) {
            return 0;
        }
        int slash = r.indexOf('/');
        try {
            if (slash < 0) {
                return Double.parseDouble(r);
            }
            double den = Double.parseDouble(r.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(r.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
