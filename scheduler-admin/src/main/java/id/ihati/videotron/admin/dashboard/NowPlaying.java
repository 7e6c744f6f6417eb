package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.playlists.proof.PlayRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * What a screen shows, as far as the server knows: from the newest of the last heartbeat's "playing" and the last
 * proof-of-play record. A heartbeat is sent every 30 s, plays are uploaded as they end: whichever started its play
 * later is the newer word on the screen.
 *
 * @param mediaId  the item shown
 * @param sourceId the booking or alert it plays for, {@code null} for filler
 * @param since    when that play began
 * @param ended    when it ended, if it is known to have ended (a play record), else {@code null}
 */
public record NowPlaying(String mediaId, String sourceId, Instant since, Instant ended) {

    /** The newer of the heartbeat's play and {@code latest} (either may be missing). */
    public static Optional<NowPlaying> newest(ScreenStatus heartbeat, PlayRecord latest) {
        Optional<NowPlaying> beat = heartbeat == null || heartbeat.playingMedia() == null ? Optional.empty()
                : Optional.of(new NowPlaying(heartbeat.playingMedia(), heartbeat.playingSource(),
                        heartbeat.playingSince() != null ? heartbeat.playingSince() : heartbeat.lastSeen(), null));
        if (latest == null) {
            return beat;
        }
        var record = new NowPlaying(latest.mediaId(), latest.sourceId(), latest.actualStart(), latest.actualEnd());
        if (beat.isEmpty() || latest.actualStart().isAfter(beat.get().since())) {
            return Optional.of(record);
        }
        return beat;
    }
}
