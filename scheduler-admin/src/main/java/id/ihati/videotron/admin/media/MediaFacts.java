package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;

/**
 * What the content of an uploaded file turned out to be.
 *
 * @param contentType    the MIME type served for it, decided from its bytes
 * @param durationMillis a video's length; 0 for images
 * @param videoCodec     the sample entry of the video track ("avc1"), {@code null} for images
 */
public record MediaFacts(MediaKind kind, String contentType, long durationMillis, Resolution pixels,
                         String videoCodec, boolean hasAudio) {
}
