package id.ihati.videotron.admin.web;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page template receives: who is signed in, the CSRF token for its forms, the language, the
 * current path (for the navigation) and any per-field problems of a rejected form.
 */
public record PageContext(User user, String csrfToken, Locale locale, String path, Map<String, List<Problem>> errors,
                          String flash) {

    public PageContext {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** The zone of the office (and of the screens, by default): Western Indonesian Time. */
    public static final java.time.ZoneId OFFICE_ZONE = java.time.ZoneId.of("Asia/Jakarta");

    /** Dates, times and numbers in the page's language (the one formatter every page uses). */
    public Format fmt() {
        return Format.of(locale);
    }

    /** An instant as office time, e.g. "25 Nov 2026 14:05 WIB" (month name in the page's language). */
    public String dateTime(java.time.Instant instant) {
        return fmt().dateTime(instant);
    }

    /** A count, "1.440" in Indonesian and "1,440" in English. */
    public String number(long n) {
        return fmt().number(n);
    }

    /** A UI text in the page's language. */
    public String t(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    public boolean english() {
        return Messages.EN.getLanguage().equals(locale.getLanguage());
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean is(Role... roles) {
        if (user == null) {
            return false;
        }
        for (Role r : roles) {
            if (user.role() == r) {
                return true;
            }
        }
        return false;
    }

    /** The messages of a field's problems in the page's language, empty if none. */
    public List<String> errorsOf(String field) {
        return errors.getOrDefault(field, List.of()).stream().map(p -> p.in(locale)).toList();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A copy with the problems of a rejected form, grouped by field ({@code ""} for the whole form). */
    public PageContext withProblems(List<Problem> problems) {
        var grouped = new java.util.LinkedHashMap<String, List<Problem>>();
        for (Problem p : problems) {
            grouped.computeIfAbsent(p.field() == null ? "" : p.field(), k -> new java.util.ArrayList<>()).add(p);
        }
        return new PageContext(user, csrfToken, locale, path, grouped, flash);
    }
}
