package id.ihati.videotron.playlists.validation;

import java.util.Objects;

/**
 * One problem with one field of the input.
 *
 * @param path      JSON path of the field, e.g. {@code bookings[2].windows[0].to} or {@code screen.slotSeconds};
 *                  empty for the document as a whole
 * @param message   what is wrong, in Bahasa Indonesia (shown first)
 * @param messageEn the same in English
 */
public record FieldError(String path, String message, String messageEn) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** The same error with {@code prefix} put in front of its path (for nesting a document in another). */
    public FieldError under(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        String p = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        return new FieldError(p, message, messageEn);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message + " / " + messageEn;
    }
}
