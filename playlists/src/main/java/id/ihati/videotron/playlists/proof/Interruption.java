package id.ihati.videotron.playlists.proof;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a play ended early although nothing was wrong with its media: the plan changed, another item took the slot
 * before this one had a picture, the player fell behind or stopped. A record with one of these errors is proof of
 * what happened, not a media error, so it opens no incident and is not counted as "media error" in reports.
 *
 * <p>The wire format keeps the error as text (the record's hash covers it), so each constant is written as its
 * {@link #text()}; players and the server share this enum, and the texts are those players have always written,
 * so records of older players are recognised too. Anything else in {@code error} is a media error.
 */
public enum Interruption {
    /** A new plan (publish, alert, rollback) put something else in this slot. */
    PLAN_CHANGED("pre-empted: the plan changed"),
    /** The item was still loading when the slot went to another item: it never reached the screen. */
    REPLACED_BEFORE_SHOWN("replaced before it was shown"),
    /** The player was held up longer than the slot. */
    FELL_BEHIND("skipped: the player fell behind"),
    /** The sound device failed and the same item went on as its video-only copy. */
    SOUND_DEVICE_FALLBACK("the sound device failed; continued with the video-only copy"),
    /** The player was shut down. */
    PLAYER_STOPPED("the player stopped"),
    /** The player lost its plan. */
    NO_PLAN("no plan"),
    /** The plan has nothing to play now (closing time, the end of a booking). */
    NOTHING_PLANNED("the plan has nothing at this time");

    private final String text;

    Interruption(String text) {
        this.text = text;
    }

    /** The error text written in the play record. */
    public String text() {
        return text;
    }

    /** The interruption an error text names, or empty when it is a media error (or no error). */
    public static Optional<Interruption> of(String error) {
        if (error == null) {
            return Optional.empty();
        }
        String e = error.strip();
        return Arrays.stream(values()).filter(i -> i.text.equals(e)).findFirst();
    }

    /** True when a play with this outcome failed because of its media: not completed, with an error not listed here. */
    public static boolean isMediaError(boolean completed, String error) {
        return !completed && error != null && !error.isBlank() && of(error).isEmpty();
    }

    /** Every text, for queries that count media errors in SQL. */
    public static List<String> texts() {
        return Arrays.stream(values()).map(Interruption::text).toList();
    }
}
