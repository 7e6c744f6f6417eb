package id.ihati.videotron.player.playback;

import java.time.Instant;

/** What is on the screen now, for heartbeats. {@code sourceId} is the booking or alert, {@code null} for filler. */
public record NowPlaying(String mediaId, String sourceId, Instant since) {
}
