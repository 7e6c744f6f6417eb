package id.ihati.videotron.admin.audit;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log page: read-only, for ADMIN and for DPRD reviewers. */
public final class AuditRoutes implements Routes {
    private final AuditLog audit;
    private final Templates templates;
    private final SubjectNames subjects;

    public AuditRoutes(AuditLog audit, Templates templates, SubjectNames subjects) {
        this.audit = audit;
        this.templates = templates;
        this.subjects = subjects;
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
        var result = audit.search(query, PageContext.OFFICE_ZONE);
        templates.render(ctx, "audit/list.jte", page, Map.of(
                "result", result, "actions", audit.actions(), "names", names(result.entries()),
                "fromText", text(ctx, "from"), "toText", text(ctx, "to")));
    }

    /** The titles of the bookings, alerts, media and screens the entries name, by id. */
    private Map<String, String> names(List<AuditLog.Entry> entries) {
        var names = new java.util.HashMap<String, String>();
        for (AuditLog.Entry e : entries) {
            var ids = new java.util.ArrayList<String>();
            if (e.subjectId() != null) {
                ids.add(e.subjectId());
            }
            if (e.detail() != null) {
                AuditText.ID.matcher(e.detail()).results().forEach(m -> ids.add(m.group()));
            }
            for (String id : ids) {
                if (names.containsKey(id)) {
                    continue;
                }
                subjects.name(e.subjectType() == null ? "" : e.subjectType(), id).ifPresent(n -> names.put(id, n));
            }
        }
        return names;
    }

    private static LocalDate date(Context ctx, String name, List<Problem> problems) {
        return Params.date(ctx.queryParam(name), name, "audit.badDate", problems).orElse(null);
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }
}
