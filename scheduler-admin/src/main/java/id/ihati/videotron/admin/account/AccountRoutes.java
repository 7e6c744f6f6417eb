package id.ihati.videotron.admin.account;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.LocalRedirect;
import id.ihati.videotron.admin.auth.LoginThrottle;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.SessionRepository;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signing in and out, and changing one's own password (forced at first login). */
public final class AccountRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);
    private final Access access;
    private final AuditLog audit;
    private final Jdbi jdbi;
    private final LoginThrottle loginThrottle;
    private final SessionRepository sessions;
    private final Templates templates;
    private final UserRepository users;

    public AccountRoutes(Access access, AuditLog audit, Jdbi jdbi, LoginThrottle loginThrottle, SessionRepository sessions, Templates templates, UserRepository users) {
        this.access = access;
        this.audit = audit;
        this.jdbi = jdbi;
        this.loginThrottle = loginThrottle;
        this.sessions = sessions;
        this.templates = templates;
        this.users = users;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/login", this::loginPage, Role.PUBLIC);
        routes.post("/login", this::login, Role.PUBLIC);
        routes.post("/logout", this::logout, Role.SIGNED_IN);
        routes.get("/password", ctx -> passwordPage(ctx, List.of()), Role.SIGNED_IN);
        routes.post("/password", this::changePassword, Role.SIGNED_IN);
    }

    private void loginPage(Context ctx) {
        templates.render(ctx, "login.jte", Pages.context(ctx), Map.of("username", "", "next", next(ctx)));
    }

    private void login(Context ctx) {
        String username = Pages.field(ctx, "username");
        String password = ctx.formParam("password");
        String addr = ctx.ip();
        List<Problem> problems = new ArrayList<>();
        if (username == null) {
            problems.add(Problem.of("username", "login.usernameRequired"));
        }
        if (password == null || password.isEmpty()) {
            problems.add(Problem.of("password", "login.passwordRequired"));
        }
        if (problems.isEmpty() && loginThrottle.blocked(username, addr)) {
            log.warn("Login for {} from {} refused: too many failures", username, addr);
            ctx.status(429);
            problems.add(Problem.of(null, "login.throttled", LoginThrottle.WINDOW.toMinutes()));
        } else if (problems.isEmpty()) {
            var hash = users.passwordHash(username);
            if (hash.isPresent() ? Passwords.matches(password, hash.get()) : Passwords.decoyCheck(password)) {
                loginThrottle.succeeded(username);
                var user = users.findByUsername(username).orElseThrow();
                // A new session on every login, and the one the browser brought (if any) ends: a session id
                // planted before login (session fixation) is worth nothing after it.
                sessions.end(ctx.cookie(Access.SESSION_COOKIE));
                ctx.cookie(access.cookie(Access.SESSION_COOKIE, sessions.start(user.id()),
                        (int) SessionRepository.LIFETIME.toSeconds()));
                ctx.cookie(id.ihati.videotron.admin.web.Pages.LANG_COOKIE, user.locale(), 365 * 24 * 3600);
                audit.record(username, "LOGIN", "user", username, addr); // the client address
                ctx.redirect(user.mustChangePassword() ? "/password" : safeNext(ctx.formParam("next")));
                return;
            }
            loginThrottle.failed(username, addr);
            ctx.status(401);
            problems.add(Problem.of(null, "login.failed"));
        } else {
            ctx.status(400);
        }
        templates.render(ctx, "login.jte", Pages.context(ctx).withProblems(problems),
                Map.of("username", username == null ? "" : username, "next", safeNext(ctx.formParam("next"))));
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(Access.SESSION_COOKIE));
        ctx.removeCookie(Access.SESSION_COOKIE, "/");
        ctx.redirect("/login");
    }

    private void passwordPage(Context ctx, List<Problem> problems) {
        templates.render(ctx, "password.jte", Pages.context(ctx).withProblems(problems));
    }

    private void changePassword(Context ctx) {
        User user = Access.requireUser(ctx);
        String current = ctx.formParam("current");
        String next = ctx.formParam("new");
        String repeat = ctx.formParam("repeat");
        List<Problem> problems = new ArrayList<>();
        var hash = users.passwordHash(user.username());
        if (current == null || hash.isEmpty() || !Passwords.matches(current, hash.get())) {
            problems.add(Problem.of("current", "password.currentWrong"));
        }
        if (next == null || next.length() < Passwords.MIN_LENGTH) {
            problems.add(Problem.of("new", "password.tooShort", Passwords.MIN_LENGTH));
        } else if (next.equals(current)) {
            problems.add(Problem.of("new", "password.same"));
        } else if (!next.equals(repeat)) {
            problems.add(Problem.of("repeat", "password.mismatch"));
        }
        if (!problems.isEmpty()) {
            ctx.status(400);
            passwordPage(ctx, problems);
            return;
        }
        jdbi.useTransaction(h -> {
            users.setPassword(h, user.id(), Passwords.hash(next), false);
            audit.record(h, user.username(), "PASSWORD_CHANGED", "user", user.username(), null);
        });
        // Other sessions (perhaps a stolen one) end with the old password; this one starts afresh.
        sessions.endAll(user.id());
        ctx.cookie(access.cookie(Access.SESSION_COOKIE, sessions.start(user.id()),
                (int) SessionRepository.LIFETIME.toSeconds()));
        Pages.redirectWithFlash(ctx, "/", "password.changed");
    }

    private static String next(Context ctx) {
        return safeNext(ctx.queryParam("next"));
    }

    /** Only a local path may follow login, never another site ({@link LocalRedirect}). */
    public static String safeNext(String next) {
        return LocalRedirect.target(next);
    }
}
