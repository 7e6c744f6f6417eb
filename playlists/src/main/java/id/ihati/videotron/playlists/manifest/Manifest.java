package id.ihati.videotron.playlists.manifest;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one screen needs to play offline from {@code generatedAt} to {@code validUntil}.
 *
 * @param formatVersion   version of this document's format; readers accept unknown fields
 * @param scheduleVersion the published schedule version it was made from
 * @param mediaPath       download path prefix: a file is fetched from {@code mediaPath + sha256}
 * @param contentHash     hex SHA-256 over the content (everything except {@code generatedAt} and itself);
 *                        the server's ETag
 */
public record Manifest(
        int formatVersion,
        ScreenProfile screen,
        Instant generatedAt,
        Instant validUntil,
        long scheduleVersion,
        String mediaPath,
        List<Media> media,
        List<Booking> bookings,
        List<Alert> alerts,
        Filler filler,
        String contentHash) {

    public static final int FORMAT_VERSION = 1;

    public Manifest {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("format version must be at least 1, was " + formatVersion);
        }
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(generatedAt)) {
            throw new IllegalArgumentException("manifest validity ends before it was generated");
        }
        mediaPath = mediaPath == null ? "/api/v1/media/" : mediaPath;
        media = media == null ? List.of() : List.copyOf(media);
        bookings = bookings == null ? List.of() : List.copyOf(bookings);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** A copy with {@code contentHash} replaced (see {@code ManifestCodec.withContentHash}). */
    public Manifest withContentHash(String hash) {
        return new Manifest(formatVersion, screen, generatedAt, validUntil, scheduleVersion, mediaPath, media,
                bookings, alerts, filler, hash);
    }
}
