package id.ihati.videotron.admin.users;

import id.ihati.videotron.admin.account.AccountRoutes;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;

/** The user pages (ADMIN only) and each person's own language choice. */
public final class UserRoutes implements Routes {
    private final Templates templates;
    private final UserRepository users;
    private final UserAdmin admin;

    public UserRoutes(Templates templates, UserRepository users, UserAdmin admin) {
        this.templates = templates;
        this.users = users;
        this.admin = admin;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/users", this::list, Role.ADMIN);
        routes.get("/users/new", ctx -> form(ctx, null, empty(), 200, null), Role.ADMIN);
        routes.post("/users", this::create, Role.ADMIN);
        routes.get("/users/{id}", ctx -> {
            User u = user(ctx);
            form(ctx, u, formOf(u), 200, null);
        }, Role.ADMIN);
        routes.post("/users/{id}", this::update, Role.ADMIN);
        routes.post("/users/{id}/disable", ctx -> setActive(ctx, false), Role.ADMIN);
        routes.post("/users/{id}/enable", ctx -> setActive(ctx, true), Role.ADMIN);
        routes.post("/users/{id}/reset-password", this::resetPassword, Role.ADMIN);
        routes.post("/account/language", this::language, Role.SIGNED_IN);
    }

    private void list(Context ctx) {
        templates.render(ctx, "users/list.jte", Pages.context(ctx), Map.of("users", users.all()));
    }

    private void create(Context ctx) {
        UserForm form = formOf(ctx);
        try {
            var created = admin.create(Access.requireUser(ctx), form);
            shownOnce(ctx, created, "users.created");
        } catch (ValidationException e) {
            form(ctx, null, form, e.status(), e);
        }
    }

    private void update(Context ctx) {
        User u = user(ctx);
        UserForm form = formOf(ctx);
        try {
            admin.update(Access.requireUser(ctx), u.id(), form);
            Pages.redirectWithFlash(ctx, "/users", "users.saved");
        } catch (ValidationException e) {
            form(ctx, u, form, e.status(), e);
        }
    }

    private void setActive(Context ctx, boolean active) {
        User u = user(ctx);
        try {
            admin.setActive(Access.requireUser(ctx), u.id(), active);
            Pages.redirectWithFlash(ctx, "/users/" + u.id(), active ? "users.enabled" : "users.disabled");
        } catch (ValidationException e) {
            form(ctx, u, formOf(u), e.status(), e);
        }
    }

    private void resetPassword(Context ctx) {
        shownOnce(ctx, admin.resetPassword(Access.requireUser(ctx), user(ctx).id()), "users.passwordReset");
    }

    private void language(Context ctx) {
        User me = Access.requireUser(ctx);
        admin.setOwnLocale(me, Pages.field(ctx, "locale"));
        // The cookie follows the choice too, so the login page after signing out speaks the same language.
        ctx.cookie(Pages.LANG_COOKIE, Pages.field(ctx, "locale"), 365 * 24 * 3600);
        ctx.redirect(AccountRoutes.safeNext(ctx.formParam("next")));
    }

    /** The temporary password page: never cached, shown once. */
    private void shownOnce(Context ctx, UserAdmin.WithPassword result, String messageKey) {
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "users/password.jte", Pages.context(ctx),
                Map.of("user", result.user(), "password", result.temporaryPassword(), "messageKey", messageKey));
    }

    private void form(Context ctx, User user, UserForm form, int status, ValidationException problems) {
        var page = Pages.context(ctx);
        if (problems != null) {
            page = page.withProblems(problems.problems());
        }
        var params = new HashMap<String, Object>();
        params.put("form", form);
        params.put("edited", user);
        params.put("roles", Role.USER_ROLES);
        ctx.status(status);
        templates.render(ctx, "users/form.jte", page, params);
    }

    private User user(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return users.find(id).orElseThrow(NotFoundResponse::new);
    }

    private static UserForm formOf(Context ctx) {
        return new UserForm(ctx.formParam("username"), ctx.formParam("displayName"), ctx.formParam("organisation"),
                ctx.formParam("role"), ctx.formParam("locale"));
    }

    private static UserForm formOf(User u) {
        return new UserForm(u.username(), u.displayName(), u.organisation(), u.role().name(), u.locale());
    }

    private static UserForm empty() {
        return new UserForm(null, null, null, Role.CONTRIBUTOR.name(), "id");
    }
}
