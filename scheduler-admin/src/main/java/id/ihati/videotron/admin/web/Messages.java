package id.ihati.videotron.admin.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI texts: Bahasa Indonesia by default, English second. Each feature keeps its texts in its own bundle
 * ({@code i18n/<feature>.properties} and {@code i18n/<feature>_en.properties}), listed in {@link #BUNDLES}.
 */
public final class Messages {
    public static final Locale ID = Locale.forLanguageTag("id");
    public static final Locale EN = Locale.ENGLISH;

    /** Bundle base names, searched in order. */
    static final List<String> BUNDLES = List.of("messages", "accounts", "media", "screens", "booking", "review");

    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        // A missing text must be visible in the UI and in tests, not crash the page.
        return find(locale, key, args).orElse("??" + key + "??");
    }

    /** The text of {@code key}, empty when no bundle has it (for codes that may have none, e.g. a new audit code). */
    public static java.util.Optional<String> find(Locale locale, String key, Object... args) {
        Locale l = EN.getLanguage().equals(locale.getLanguage()) ? EN : ID;
        for (String name : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = ResourceBundle.getBundle("i18n." + name, l, CONTROL);
            } catch (MissingResourceException e) {
                continue; // that feature has no texts yet
            }
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return java.util.Optional.of(args.length == 0 ? pattern : new MessageFormat(pattern, l).format(args));
            }
        }
        return java.util.Optional.empty();
    }

    /** The supported locale for a language tag, Indonesian unless it is English. */
    public static Locale locale(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ID;
    }
}
