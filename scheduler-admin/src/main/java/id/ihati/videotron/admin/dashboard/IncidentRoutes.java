package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /incidents}: the open incidents of every screen, and one incident's page where editors and admins
 * acknowledge or close it with a note. Reviewers read both pages; the forms are not theirs.
 */
public final class IncidentRoutes implements Routes {
    static final Role[] READERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.REVIEWER};
    private final Templates templates;
    private final ScreenRepository screens;
    private final IncidentDesk desk;
    private final Incidents incidents;
    private final Dashboard dashboard;

    public IncidentRoutes(Templates templates, ScreenRepository screens, IncidentDesk desk, Incidents incidents,
                          Dashboard dashboard) {
        this.templates = templates;
        this.screens = screens;
        this.desk = desk;
        this.incidents = incidents;
        this.dashboard = dashboard;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/incidents", this::list, READERS);
        routes.get("/incidents/{id}", ctx -> show(ctx, List.of(), null), READERS);
        routes.post("/incidents/{id}/acknowledge", ctx -> handle(ctx, IncidentDesk.Action.ACKNOWLEDGE),
                IncidentDesk.HANDLERS);
        routes.post("/incidents/{id}/close", ctx -> handle(ctx, IncidentDesk.Action.CLOSE), IncidentDesk.HANDLERS);
    }

    private void list(Context ctx) {
        var page = Pages.context(ctx);
        templates.render(ctx, "dashboard/incidents.jte", page, Map.of(
                "incidents", incidents.open().stream().map(dashboard::named).toList(),
                "screenNames", screenNames()));
    }

    private void show(Context ctx, List<Problem> problems, String note) {
        var page = Pages.context(ctx).withProblems(problems);
        Incident incident = desk.find(id(ctx)).map(dashboard::named).orElseThrow(IncidentRoutes::notFound);
        var params = new HashMap<String, Object>();
        params.put("incident", incident);
        params.put("screenName", screenNames().getOrDefault(incident.screenId(), incident.screenId()));
        params.put("zone", screens.find(incident.screenId()).map(x -> x.profile().timeZone())
                .orElse(id.ihati.videotron.playlists.schedule.ScreenProfile.DEFAULT_ZONE));
        params.put("note", note == null ? "" : note);
        templates.render(ctx, "dashboard/incident.jte", page, params);
    }

    private void handle(Context ctx, IncidentDesk.Action action) {
        long id = id(ctx);
        String note = ctx.formParam("note");
        try {
            desk.handle(Access.requireUser(ctx), id, action, note);
            Pages.redirectWithFlash(ctx, "/incidents/" + id, action == IncidentDesk.Action.CLOSE
                    ? "incident.closedFlash" : "incident.acknowledgedFlash");
        } catch (ValidationException e) {
            if (e.status() == 404) {
                throw e;
            }
            ctx.status(e.status());
            show(ctx, e.problems(), note);
        }
    }

    private Map<String, String> screenNames() {
        var names = new HashMap<String, String>();
        screens.all().forEach(x -> names.put(x.id(), x.profile().name()));
        return names;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw notFound();
        }
    }

    private static ValidationException notFound() {
        return new ValidationException(404, List.of(Problem.of(null, "error.notFound")));
    }
}
