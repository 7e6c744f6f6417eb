package id.ihati.videotron.admin.player;

import java.time.Instant;
import java.util.List;

/**
 * A player's heartbeat (docs/player-api.md). Everything but {@code status} may be missing.
 *
 * @param mediaErrors media the player could not play since its last heartbeat (optional)
 * @param heldPlays   proof-of-play records of an earlier screen the player keeps but cannot upload (optional)
 */
public record Heartbeat(Status status, Playing playing, Cache cache, String playerVersion, String manifestHash,
                        Long scheduleVersion, Long freeDiskBytes, Long clockOffsetMillis, Instant sentAt,
                        List<MediaError> mediaErrors, Long heldPlays) {

    public enum Status { PLAYING, IDLE, PAIRING, DOWNLOADING, ERROR }

    public record Playing(String mediaId, String sourceId, Instant since) {
    }

    public record Cache(Integer files, Long bytes, Integer missing, Long budgetBytes) {
    }

    public record MediaError(String mediaId, String error) {
    }

    public Heartbeat {
        mediaErrors = mediaErrors == null ? List.of() : List.copyOf(mediaErrors);
    }
}
