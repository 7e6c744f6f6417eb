package id.ihati.videotron.admin.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI texts from {@code i18n/messages*.properties}: Bahasa Indonesia by default, English second. */
public final class Messages {
    public static final Locale ID = Locale.forLanguageTag("id");
    public static final Locale EN = Locale.ENGLISH;

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages",
                EN.getLanguage().equals(locale.getLanguage()) ? EN : ID,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing text must be visible in the UI and in tests, not crash the page.
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The supported locale for a language tag, Indonesian unless it is English. */
    public static Locale locale(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ID;
    }
}
