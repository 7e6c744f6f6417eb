package id.ihati.videotron.admin.player;

import java.time.Duration;
import java.time.Instant;

/** What a screen's player last said about itself. */
public record ScreenStatus(String screenId, Instant lastSeen, String status, String playingMedia,
                           String playingSource, Instant playingSince, Integer cacheFiles, Long cacheBytes,
                           Integer cacheMissing, Long cacheBudget, String playerVersion, String manifestHash,
                           Long scheduleVersion, Long freeDiskBytes, Long clockOffsetMillis, String mediaErrors,
                           Long heldPlays, String pictureFault, String pictureMedia, Instant pictureSince) {

    /** Players beat every 30 s; three missed beats make a screen offline. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);
    public static final Duration OFFLINE_AFTER = HEARTBEAT.multipliedBy(3);

    public boolean online(Instant now) {
        return lastSeen != null && now.isBefore(lastSeen.plus(OFFLINE_AFTER));
    }
}
