package id.ihati.videotron.admin.player;

import java.time.Instant;
import java.util.List;

/**
 * A player's heartbeat (docs/player-api.md). Everything but {@code status} may be missing.
 *
 * @param mediaErrors media the player could not play since its last heartbeat (optional)
 * @param heldPlays   proof-of-play records of an earlier screen the player keeps but cannot upload (optional)
 * @param pictureFault the picture on screen is black or frozen while content should show (optional; null while
 *                     the picture is fine)
 */
public record Heartbeat(Status status, Playing playing, Cache cache, String playerVersion, String manifestHash,
                        Long scheduleVersion, Long freeDiskBytes, Long clockOffsetMillis, Instant sentAt,
                        List<MediaError> mediaErrors, Long heldPlays, PictureFault pictureFault) {

    public enum Status { PLAYING, IDLE, PAIRING, DOWNLOADING, ERROR }

    public record Playing(String mediaId, String sourceId, Instant since) {
    }

    public record Cache(Integer files, Long bytes, Integer missing, Long budgetBytes) {
    }

    /** {@code kind} BLACK or FROZEN (other kinds, from newer players, are stored and ignored). */
    public record PictureFault(String kind, String mediaId, Instant since) {
    }

    public record MediaError(String mediaId, String error) {
    }

    public Heartbeat {
        mediaErrors = mediaErrors == null ? List.of() : List.copyOf(mediaErrors);
    }

    /** The fields holding a count or size below zero (a clock offset may be negative; counts may not). */
    public List<String> negativeCounts() {
        var fields = new java.util.ArrayList<String>();
        negative(fields, "freeDiskBytes", freeDiskBytes);
        negative(fields, "heldPlays", heldPlays);
        negative(fields, "scheduleVersion", scheduleVersion);
        if (cache != null) {
            negative(fields, "cache.files", cache.files());
            negative(fields, "cache.bytes", cache.bytes());
            negative(fields, "cache.missing", cache.missing());
            negative(fields, "cache.budgetBytes", cache.budgetBytes());
        }
        return fields;
    }

    private static void negative(List<String> fields, String name, Number value) {
        if (value != null && value.longValue() < 0) {
            fields.add(name);
        }
    }
}
