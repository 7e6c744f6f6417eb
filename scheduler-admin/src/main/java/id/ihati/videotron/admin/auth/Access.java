package id.ihati.videotron.admin.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check that runs before every matched route. Deny by default: a route is served only when one of the
 * roles it declares allows the caller; a route that declares none is refused to everyone. Unsafe methods
 * from a browser must carry the session's CSRF token.
 */
public final class Access {
    public static final String SESSION_COOKIE = "IHATI_SESSION";
    public static final String CSRF_COOKIE = "IHATI_CSRF";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String USER_ATTR = "ihati.user";
    private static final String CSRF_ATTR = "ihati.csrf";
    private static final String SCREEN_ATTR = "ihati.screen";
    private static final String REVOKED_ATTR = "ihati.revokedAt";
    private static final Logger log = LoggerFactory.getLogger(Access.class);

    private final SessionRepository sessions;
    private final DeviceAuthenticator devices;
    private final boolean secureCookies;

    public Access(SessionRepository sessions, DeviceAuthenticator devices, boolean secureCookies) {
        this.sessions = sessions;
        this.devices = devices;
        this.secureCookies = secureCookies;
    }

    /**
     * Set on every answer of the access check that refused a request: "unauthenticated", "forbidden", or
     * "csrf" (a missing or wrong CSRF token). Handlers' own answers never carry it.
     */
    public static final String DENIED_HEADER = "X-Access-Denied";

    /** Thrown for a missing or wrong CSRF token; answered 403 with the "error.csrf" problem. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("missing or wrong CSRF token");
        }
    }

    /** Thrown to stop a request that may not go on; {@code redirect} for pages, a status for APIs. */
    public static final class Denied extends RuntimeException {
        public final int status;
        public final String redirect;

        Denied(int status, String redirect, String why) {
            super(why);
            this.status = status;
            this.redirect = redirect;
        }
    }

    public void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            log.error("Route {} {} declares no roles; refusing it", ctx.method(), ctx.path());
            throw new Denied(403, null, "route declares no roles");
        }
        if (roles.contains(Role.DEVICE)) {
            String auth = ctx.header("Authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
                Optional<String> screen = devices.screenFor(auth.substring(7).trim());
                if (screen.isPresent()) {
                    ctx.attribute(SCREEN_ATTR, screen.get());
                    return;
                }
                if (roles.contains(Role.RETIRED_DEVICE)) {
                    Optional<DeviceAuthenticator.Retired> retired = devices.retired(auth.substring(7).trim());
                    if (retired.isPresent()) {
                        ctx.attribute(SCREEN_ATTR, retired.get().screenId());
                        ctx.attribute(REVOKED_ATTR, retired.get().revokedAt());
                        return;
                    }
                }
                throw new Denied(401, null, "unknown or revoked device token");
            }
            if (roles.stream().noneMatch(r -> r instanceof Role role && role.userRole())) {
                throw new Denied(401, null, "device token missing");
            }
        }
        Optional<SessionRepository.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> {
            ctx.attribute(USER_ATTR, s.user());
            ctx.attribute(CSRF_ATTR, s.csrfToken());
        });
        if (session.isEmpty()) {
            ctx.attribute(CSRF_ATTR, anonymousCsrf(ctx));
        }
        if (unsafe(ctx) && !ctx.path().startsWith("/api/v1/pairing") && !roles.contains(Role.DEVICE)) {
            checkCsrf(ctx);
        }
        if (roles.contains(Role.PUBLIC)) {
            return;
        }
        if (session.isEmpty()) {
            boolean page = "GET".equals(ctx.method().name()) && !api(ctx);
            throw new Denied(401, page ? "/login?next=" + java.net.URLEncoder.encode(
                    ctx.path(), java.nio.charset.StandardCharsets.UTF_8) : null, "not signed in");
        }
        User user = session.get().user();
        if (user.mustChangePassword() && !ctx.path().equals("/password") && !ctx.path().equals("/logout")) {
            throw new Denied(403, api(ctx) ? null : "/password", "must change password first");
        }
        if (!roles.contains(user.role())) {
            throw new Denied(403, null, user.username() + " (" + user.role() + ") may not " + ctx.method()
                    + " " + ctx.path());
        }
    }

    private static boolean unsafe(Context ctx) {
        return switch (ctx.method().name()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    private static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static void checkCsrf(Context ctx) {
        String expected = ctx.attribute(CSRF_ATTR);
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (!Tokens.same(expected, sent)) {
            ctx.header(DENIED_HEADER, "csrf");
            throw new CsrfRejected();
        }
    }

    /** Anonymous forms (login) use a double-submit cookie as their CSRF token. */
    private String anonymousCsrf(Context ctx) {
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = Tokens.random();
            ctx.cookie(cookie(CSRF_COOKIE, token, -1));
        }
        return token;
    }

    public Cookie cookie(String name, String value, int maxAgeSeconds) {
        var c = new Cookie(name, value, "/", maxAgeSeconds, secureCookies);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.LAX);
        return c;
    }

    /** The signed-in user of this request, if any. */
    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTR));
    }

    /** The signed-in user; only call from routes that do not allow PUBLIC. */
    public static User requireUser(Context ctx) {
        return user(ctx).orElseThrow(() -> new Denied(HttpStatus.UNAUTHORIZED.getCode(), null, "not signed in"));
    }

    public static String csrf(Context ctx) {
        return ctx.attribute(CSRF_ATTR);
    }

    /**
     * When the calling device's token was revoked, on a route that allows {@link Role#RETIRED_DEVICE}; empty
     * for a device with a valid token.
     */
    public static Optional<java.time.Instant> revokedAt(Context ctx) {
        return Optional.ofNullable(ctx.attribute(REVOKED_ATTR));
    }

    /** The screen of the calling device; only for DEVICE (and RETIRED_DEVICE) routes. */
    public static String screenId(Context ctx) {
        String id = ctx.attribute(SCREEN_ATTR);
        if (id == null) {
            throw new Denied(401, null, "not a device");
        }
        return id;
    }
}
