package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The screen pages: list, create and edit (ADMIN), the screen page with its player, pairing and
 * revocation (ADMIN), screenshots (editors may ask for one), and a JSON list for scripts.
 */
public final class ScreenRoutes implements Routes {
    static final Role[] READERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.REVIEWER};
    static final Role[] SCREENSHOT_TAKERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    private final Templates templates;
    private final ScreenRepository screens;
    private final ScreenService service;
    private final Dashboard dashboard;
    private final Screenshots screenshots;
    private final Incidents incidents;

    public ScreenRoutes(Templates templates, ScreenRepository screens, ScreenService service, Dashboard dashboard,
                        Screenshots screenshots, Incidents incidents) {
        this.templates = templates;
        this.screens = screens;
        this.service = service;
        this.dashboard = dashboard;
        this.screenshots = screenshots;
        this.incidents = incidents;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/screens", this::list, READERS);
        routes.get("/screens/new", ctx -> form(ctx, ScreenForm.defaults(), true, List.of()), Role.ADMIN);
        routes.post("/screens", this::create, Role.ADMIN);
        routes.get("/screens/{id}", this::show, READERS);
        routes.get("/screens/{id}/edit", this::edit, Role.ADMIN);
        routes.post("/screens/{id}", this::update, Role.ADMIN);
        routes.post("/screens/{id}/pair", this::pair, Role.ADMIN);
        routes.post("/screens/{id}/revoke", this::revoke, Role.ADMIN);
        routes.post("/screens/{id}/screenshot", this::requestScreenshot, SCREENSHOT_TAKERS);
        routes.get("/screens/{id}/screenshot.png", this::screenshot, Role.SIGNED_IN);
        routes.get("/api/v1/screens", ctx -> ctx.json(screens.profiles()), READERS);
    }

    private void list(Context ctx) {
        var page = Pages.context(ctx);
        templates.render(ctx, "screen/list.jte", page, Map.of("cards", dashboard.cards(page.locale())));
    }

    private void form(Context ctx, ScreenForm form, boolean creating, List<Problem> problems) {
        templates.render(ctx, "screen/form.jte", Pages.context(ctx).withProblems(problems),
                Map.of("form", form, "creating", creating));
    }

    private void create(Context ctx) {
        ScreenForm form = ScreenForm.from(ctx::formParam);
        try {
            var p = service.create(Access.requireUser(ctx).username(), form);
            Pages.redirectWithFlash(ctx, "/screens/" + p.id(), "screen.created");
        } catch (ValidationException e) {
            ctx.status(e.status());
            form(ctx, form, true, e.problems());
        }
    }

    private void edit(Context ctx) {
        var screen = screens.find(ctx.pathParam("id")).orElseThrow(ScreenRoutes::notFound);
        form(ctx, ScreenForm.of(screen), false, List.of());
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        screens.find(id).orElseThrow(ScreenRoutes::notFound);
        ScreenForm form = ScreenForm.from(ctx::formParam);
        try {
            service.update(Access.requireUser(ctx).username(), id, form);
            Pages.redirectWithFlash(ctx, "/screens/" + id, "screen.updated");
        } catch (ValidationException e) {
            var values = new java.util.HashMap<>(form.values());
            values.put("id", id);
            ctx.status(e.status());
            form(ctx, new ScreenForm(values), false, e.problems());
        }
    }

    private void show(Context ctx) {
        show(ctx, ctx.pathParam("id"), "", List.of());
    }

    private void show(Context ctx, String id, String code, List<Problem> problems) {
        var page = Pages.context(ctx).withProblems(problems);
        var card = dashboard.card(id, page.locale()).orElseThrow(ScreenRoutes::notFound);
        templates.render(ctx, "screen/show.jte", page, Map.of("card", card, "code", code,
                "history", incidents.of(id, 10).stream().map(dashboard::named).toList()));
    }

    private void pair(Context ctx) {
        String id = ctx.pathParam("id");
        String code = ctx.formParam("code");
        try {
            service.pair(Access.requireUser(ctx).username(), id, code);
            Pages.redirectWithFlash(ctx, "/screens/" + id, "screen.pairClaimed");
        } catch (ValidationException e) {
            ctx.status(e.status());
            show(ctx, id, code == null ? "" : code, e.problems());
        }
    }

    private void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        service.revoke(Access.requireUser(ctx).username(), id);
        Pages.redirectWithFlash(ctx, "/screens/" + id, "screen.revoked");
    }

    private void requestScreenshot(Context ctx) {
        String id = ctx.pathParam("id");
        service.requestScreenshot(Access.requireUser(ctx).username(), id);
        String back = ctx.formParam("back");
        Pages.redirectWithFlash(ctx, "/".equals(back) ? "/" : "/screens/" + id, "screen.screenshotRequested");
    }

    private void screenshot(Context ctx) {
        var shot = screenshots.latest(ctx.pathParam("id")).orElseThrow(ScreenRoutes::notFound);
        try {
            ctx.contentType("image/png").header("Cache-Control", "private, max-age=60")
                    .result(Files.readAllBytes(shot.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot file missing: " + shot.file(), e);
        }
    }

    private static ValidationException notFound() {
        return new ValidationException(404, List.of(Problem.of(null, "error.notFound")));
    }
}
