package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Emergency alerts: put up from now until a time or until cancelled, cancelled in one click. */
final class AlertRoutes {
    static final Role[] ALERTERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    private final Scheduling sched;
    private final Templates templates;
    private final Clock clock;

    AlertRoutes(Scheduling sched, Templates templates, Clock clock) {
        this.sched = sched;
        this.templates = templates;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/alerts", ctx -> page(ctx, Pages.context(ctx), Map.of()), BookingRoutes.READERS);
        routes.post("/alerts", this::raise, ALERTERS);
        routes.post("/alerts/{id}/cancel", this::cancel, ALERTERS);
    }

    private void page(Context ctx, PageContext page, Map<String, Object> extra) {
        Instant now = clock.instant();
        List<ScreenProfile> screens = sched.screens();
        var groups = new TreeSet<String>();
        screens.forEach(x -> groups.addAll(x.groups()));
        var params = new HashMap<String, Object>();
        params.put("live", sched.alerts.live(now));
        params.put("recent", sched.alerts.recent(20).stream().filter(a -> !a.stateAt(now).live()).toList());
        params.put("media", sched.approvedMedia());
        params.put("mediaTitles", sched.mediaTitles());
        params.put("screens", screens);
        params.put("groups", new ArrayList<>(groups));
        params.put("now", now);
        params.put("form", new AlertForm("", "", true, Set.of(), Set.of(), "cancel",
                LocalDate.ofInstant(now, ScreenProfile.DEFAULT_ZONE).toString(), ""));
        params.putAll(extra);
        templates.render(ctx, "booking/alerts.jte", page, params);
    }

    private void raise(Context ctx) {
        User u = Access.requireUser(ctx);
        var form = new AlertForm(text(ctx.formParam("title")), text(ctx.formParam("mediaId")),
                "all".equals(ctx.formParam("target")), new LinkedHashSet<>(ctx.formParams("screens")),
                new LinkedHashSet<>(ctx.formParams("groups")),
                "time".equals(ctx.formParam("untilMode")) ? "time" : "cancel", text(ctx.formParam("untilDate")),
                text(ctx.formParam("untilTime")));
        var problems = new ArrayList<Problem>();
        Instant now = clock.instant();
        if (form.title().isEmpty()) {
            problems.add(Problem.of("title", "booking.title.required"));
        } else if (form.title().length() > 200) {
            problems.add(Problem.of("title", "booking.title.tooLong", 200));
        } else {
            BidiControls.refuse("title", form.title(), problems);
        }
        if (sched.approvedMedia().stream().noneMatch(m -> m.id().equals(form.mediaId()))) {
            problems.add(Problem.of("mediaId", form.mediaId().isEmpty() ? "alert.media.required"
                    : "booking.items.notApproved", form.mediaId()));
        }
        var knownScreens = sched.screens().stream().map(ScreenProfile::id).toList();
        if (!form.allScreens() && (form.screens().isEmpty() && form.groups().isEmpty()
                || !knownScreens.containsAll(form.screens()))) {
            problems.add(Problem.of("targets", "booking.targets.required"));
        }
        Instant until = null;
        if (form.untilMode().equals("time")) {
            try {
                until = LocalDate.parse(form.untilDate()).atTime(LocalTime.parse(form.untilTime().replace('.', ':')))
                        .atZone(ScreenProfile.DEFAULT_ZONE).toInstant();
                if (!until.isAfter(now)) {
                    problems.add(Problem.of("until", "alert.until.past"));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("until", "alert.until.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            page(ctx, Pages.context(ctx).withProblems(problems), Map.of("form", form));
            return;
        }
        Targets targets = form.allScreens() ? Targets.all() : new Targets(form.screens(), form.groups(), false);
        sched.raiseAlert(u, new Alert("al-" + UUID.randomUUID().toString().substring(0, 8), form.title(),
                form.mediaId(), targets, now, until, 10));
        Pages.redirectWithFlash(ctx, "/alerts", "alert.raised");
    }

    private void cancel(Context ctx) {
        boolean done = sched.cancelAlert(Access.requireUser(ctx), ctx.pathParam("id"));
        Pages.redirectWithFlash(ctx, "/alerts", done ? "alert.cancelled" : "alert.notLive");
    }

    private static String text(String v) {
        return v == null ? "" : v.strip();
    }
}
