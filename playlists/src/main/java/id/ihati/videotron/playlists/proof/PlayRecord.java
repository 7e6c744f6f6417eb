package id.ihati.videotron.playlists.proof;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.ihati.videotron.playlists.schedule.Category;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One play as it happened on a screen. Records of a screen form a chain: {@code seq} counts up from 1 and
 * each record carries the hash of the one before ({@link #GENESIS} for the first), so a missing or edited
 * record breaks the chain.
 *
 * @param playId    unique id of the play (the server stores a play id once, however often it is sent)
 * @param sourceId  booking or alert id, {@code null} for filler
 * @param actualEnd {@code null} only while the play is still running; journalled records always have it
 * @param completed true when it played to its planned end; false when cut short, skipped or failed
 * @param error     why it did not complete, or {@code null}: an {@link Interruption}'s text, or what went wrong
 *                  with the media
 * @param signature the player's Ed25519 signature of {@link #hash} ({@link PlaySignatures}), base64; {@code null}
 *                  from a player paired without a device key. Not part of the hash: signing never changes the chain.
 */
public record PlayRecord(
        String playId,
        String screenId,
        long seq,
        String mediaId,
        String sourceId,
        Category category,
        Instant plannedStart,
        Instant plannedEnd,
        Instant actualStart,
        Instant actualEnd,
        boolean completed,
        String error,
        String prevHash,
        String hash,
        // Left out when null, so an unsigned record reads the same to a server that predates signatures.
        @JsonInclude(JsonInclude.Include.NON_NULL) String signature) {

    /** The previous hash of a screen's first record. */
    public static final String GENESIS = "0".repeat(64);

    public PlayRecord {
        Objects.requireNonNull(playId, "playId");
        Objects.requireNonNull(screenId, "screenId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(actualStart, "actualStart");
        Objects.requireNonNull(prevHash, "prevHash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    /** A new record chained after {@code prevHash}, its own hash computed. */
    public static PlayRecord chained(String playId, String screenId, long seq, String mediaId, String sourceId,
                                     Category category, Instant plannedStart, Instant plannedEnd,
                                     Instant actualStart, Instant actualEnd, boolean completed, String error,
                                     String prevHash) {
        var unsigned = new PlayRecord(playId, screenId, seq, mediaId, sourceId, category, plannedStart,
                plannedEnd, actualStart, actualEnd, completed, error, prevHash, null, null);
        return unsigned.withHash(unsigned.computeHash());
    }

    /** This record with another hash (and no signature: a signature is of one hash). */
    public PlayRecord withHash(String newHash) {
        return new PlayRecord(playId, screenId, seq, mediaId, sourceId, category, plannedStart, plannedEnd,
                actualStart, actualEnd, completed, error, prevHash, newHash, null);
    }

    /** This record carrying {@code newSignature} (base64), or unsigned with {@code null}. */
    public PlayRecord withSignature(String newSignature) {
        return new PlayRecord(playId, screenId, seq, mediaId, sourceId, category, plannedStart, plannedEnd,
                actualStart, actualEnd, completed, error, prevHash, hash, newSignature);
    }

    /** SHA-256 over every field but {@code hash} and {@code signature}, in a fixed text form; hex. */
    public String computeHash() {
        String canonical = String.join("\u001f",
                playId, screenId, Long.toString(seq), mediaId, String.valueOf(sourceId), category.name(),
                String.valueOf(plannedStart), String.valueOf(plannedEnd), String.valueOf(actualStart),
                String.valueOf(actualEnd), Boolean.toString(completed), String.valueOf(error), prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** True when the play failed because of its media (not when a plan change cut it, see {@link Interruption}). */
    public boolean mediaError() {
        return Interruption.isMediaError(completed, error);
    }

    /** True when {@code hash} matches the record's content. */
    public boolean hashValid() {
        return hash != null && hash.equals(computeHash());
    }
}
