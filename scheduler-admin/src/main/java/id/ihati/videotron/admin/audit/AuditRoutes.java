package id.ihati.videotron.admin.audit;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log page: read-only, for ADMIN and for DPRD reviewers. */
public final class AuditRoutes implements Routes {
    private final Services s;

    public AuditRoutes(Services services) {
        this.s = services;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/audit", this::page, Role.ADMIN, Role.REVIEWER);
    }

    private void page(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        LocalDate from = date(ctx, "from", problems);
        LocalDate to = date(ctx, "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Problem.of("to", "audit.toBeforeFrom"));
            to = null;
        }
        int pageNo = 1;
        String p = ctx.queryParam("page");
        if (p != null) {
            try {
                pageNo = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                problems.add(Problem.of("page", "audit.badPage"));
            }
        }
        var query = new AuditQuery(ctx.queryParam("actor"), ctx.queryParam("action"), from, to, pageNo);
        PageContext page = Pages.context(ctx).withProblems(problems);
        if (!problems.isEmpty()) {
            ctx.status(400);
        }
        s.templates.render(ctx, "audit/list.jte", page, Map.of(
                "result", s.audit.search(query, PageContext.OFFICE_ZONE), "actions", s.audit.actions(),
                "fromText", text(ctx, "from"), "toText", text(ctx, "to")));
    }

    private static LocalDate date(Context ctx, String name, List<Problem> problems) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(name, "audit.badDate"));
            return null;
        }
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }
}
