package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.MediaKind;
import java.time.Instant;
import java.util.List;

/**
 * What the booking form shows of an approved item.
 *
 * @param playMillis   how long one play lasts (a video's length, an image's or slide's display time)
 * @param thumbnailUrl an image URL a signed-in browser can load, or {@code null} (videos show an icon)
 */
public record MediaSummary(String id, MediaKind kind, String title, String owner, Category category,
                           List<String> tags, long playMillis, Instant validFrom, Instant validUntil,
                           String thumbnailUrl) {

    static MediaSummary of(MediaItem m) {
        return new MediaSummary(m.id(), m.kind(), m.title(), m.owner(), m.category(), m.tags(), m.playMillis(),
                m.validFrom(), m.validUntil(), thumbnailUrl(m));
    }

    static String thumbnailUrl(MediaItem m) {
        return switch (m.kind()) {
            case IMAGE -> "/api/v1/media/" + m.file().sha256();
            case SLIDE -> "/media/" + m.id() + "/slide.png?w=320&h=160";
            case VIDEO -> "/media/" + m.id() + "/poster.jpg"; // [intake hook] poster, or a ▶ picture until made
        };
    }
}
