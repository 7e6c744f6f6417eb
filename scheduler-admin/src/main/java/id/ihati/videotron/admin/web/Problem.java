package id.ihati.videotron.admin.web;

/**
 * One thing wrong with a request, in both languages. {@code field} is the form field or JSON path, or
 * {@code null} when the whole request is at fault.
 */
public record Problem(String field, String message, String messageEn) {

    /** A problem whose texts come from the message bundles: {@code key} in Indonesian and English. */
    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, Messages.get(Messages.ID, key, args), Messages.get(Messages.EN, key, args));
    }

    /** The message in the given language. */
    public String in(java.util.Locale locale) {
        return Messages.EN.getLanguage().equals(locale.getLanguage()) ? messageEn : message;
    }
}
