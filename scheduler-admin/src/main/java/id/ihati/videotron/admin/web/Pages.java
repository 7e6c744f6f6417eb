package id.ihati.videotron.admin.web;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.User;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;

/** Small helpers every page handler uses. */
public final class Pages {
    public static final String LANG_COOKIE = "IHATI_LANG";
    private static final String FLASH_COOKIE = "IHATI_FLASH";

    private Pages() {
    }

    /** The page context of this request: user, CSRF token, language, path and a pending flash message. */
    public static PageContext context(Context ctx) {
        User user = Access.user(ctx).orElse(null);
        String flash = ctx.cookie(FLASH_COOKIE);
        if (flash != null) {
            ctx.removeCookie(FLASH_COOKIE, "/");
        }
        return new PageContext(user, Access.csrf(ctx), locale(ctx), ctx.path(), Map.of(),
                flash == null ? null : Messages.get(locale(ctx), flash));
    }

    /**
     * The language: {@code ?lang=} (remembered in a cookie), else the cookie, else the signed-in person's own
     * choice, else Indonesian. Login sets the cookie to the person's choice, so it follows them to any browser.
     */
    public static Locale locale(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null) {
            Locale l = Messages.locale(lang);
            ctx.cookie(LANG_COOKIE, l.getLanguage(), 365 * 24 * 3600);
            return l;
        }
        String cookie = ctx.cookie(LANG_COOKIE);
        if (cookie != null) {
            return Messages.locale(cookie);
        }
        return Access.user(ctx).map(u -> Messages.locale(u.locale())).orElse(Messages.ID);
    }

    /** Redirects after a successful form post, showing the message with this key on the next page. */
    public static void redirectWithFlash(Context ctx, String location, String messageKey) {
        ctx.cookie(FLASH_COOKIE, messageKey, 60);
        ctx.redirect(location);
    }

    /** A required, trimmed form field, or {@code null} when blank. */
    public static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
