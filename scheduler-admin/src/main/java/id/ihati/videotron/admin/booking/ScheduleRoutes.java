package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishing, the version history with diffs and rollback, the filler, and the timeline of a screen. */
final class ScheduleRoutes {
    private final Scheduling sched;
    private final Templates templates;
    private final Clock clock;

    ScheduleRoutes(Scheduling sched, Templates templates, Clock clock) {
        this.sched = sched;
        this.templates = templates;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/schedule/publish", ctx -> publishPage(ctx, Pages.context(ctx), "", ""), BookingRoutes.EDITORS);
        routes.post("/schedule/publish", this::publish, BookingRoutes.EDITORS);
        routes.get("/schedule/versions", this::versions, BookingRoutes.READERS);
        routes.get("/schedule/versions/compare", this::compare, BookingRoutes.READERS);
        routes.get("/schedule/versions/{v}", this::version, BookingRoutes.READERS);
        routes.get("/schedule/versions/{v}/rollback",
                ctx -> rollbackPage(ctx, Pages.context(ctx), longParam("v", ctx.pathParam("v"))), BookingRoutes.EDITORS);
        routes.post("/schedule/versions/{v}/rollback", this::rollback, BookingRoutes.EDITORS);
        routes.get("/schedule/filler", ctx -> fillerPage(ctx, Pages.context(ctx), null), BookingRoutes.READERS);
        routes.post("/schedule/filler", this::setFiller, Role.ADMIN);
        routes.get("/timeline", this::timeline, BookingRoutes.READERS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE);
    }

    private void publishPage(Context ctx, PageContext page, String note, String displacementReason) {
        User u = Access.requireUser(ctx);
        LocalDate day = today();
        var params = new HashMap<String, Object>();
        params.put("diff", sched.pendingDiff(u, day));
        params.put("preview", sched.previewPublish(u, day));
        params.put("base", sched.latestNumber());
        params.put("note", note);
        var displaced = sched.displacedBy(u);
        params.put("displaced", displaced);
        params.put("displacementReason", displacementReason);
        params.put("people", sched.displayNames(displaced.stream().map(Displacement::ownerUser).toList()));
        params.put("day", day);
        params.put("mediaTitles", sched.mediaTitles());
        templates.render(ctx, "booking/publish.jte", page, params);
    }

    private void publish(Context ctx) {
        User u = Access.requireUser(ctx);
        String note = Pages.field(ctx, "note");
        String reason = Pages.field(ctx, "displacementReason");
        long base = longParam("base", ctx.formParam("base"));
        PageContext page = Pages.context(ctx);
        // Every missing answer at once, beside its field; the service checks the reason again in its transaction.
        var problems = new java.util.ArrayList<Problem>();
        if (sched.previewPublish(u, today()).overbooked() && ctx.formParam("confirmOverbooked") == null) {
            problems.add(Problem.of("confirmOverbooked", "booking.confirm.required"));
        }
        if (reason == null && !sched.displacedBy(u).isEmpty()) {
            problems.add(Problem.of("displacementReason", "publish.displacement.reasonRequired"));
        }
        if (note == null) {
            problems.add(Problem.of("note", "schedule.noteRequired"));
        }
        if (!problems.isEmpty()) {
            ctx.status(422);
            publishPage(ctx, page.withProblems(problems), orEmpty(note), orEmpty(reason));
            return;
        }
        try {
            var v = sched.publish(u, base, note, reason);
            Pages.redirectWithFlash(ctx, "/schedule/versions/" + v.version(), "schedule.published");
        } catch (ValidationException e) {
            ctx.status(e.status());
            publishPage(ctx, page.withProblems(e.problems()), orEmpty(note), orEmpty(reason));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void versions(Context ctx) {
        var list = sched.versions.list(200);
        var byVersion = new java.util.TreeMap<Long, List<Displacement.Notice>>();
        sched.displacements.recent(1000).forEach(n ->
                byVersion.computeIfAbsent(n.version(), k -> new java.util.ArrayList<>()).add(n));
        var params = new HashMap<String, Object>();
        params.put("versions", list);
        params.put("latest", sched.latestNumber());
        params.put("displaced", byVersion);
        params.put("from", list.size() > 1 ? list.get(1).version() : 0L);
        params.put("to", list.isEmpty() ? 0L : list.get(0).version());
        templates.render(ctx, "booking/versions.jte", Pages.context(ctx), params);
    }

    private ScheduleVersion findVersion(long v) {
        return sched.versions.find(v).orElseThrow(
                () -> new ValidationException(404, List.of(Problem.of(null, "schedule.versionNotFound", v))));
    }

    /** A version: what restoring it would change against the live schedule, and whom it displaced and why. */
    private void version(Context ctx) {
        long v = longParam("v", ctx.pathParam("v"));
        ScheduleVersion version = findVersion(v);
        long latest = sched.latestNumber();
        var notices = sched.displacements.ofVersion(v);
        var params = new HashMap<String, Object>();
        params.put("version", version);
        params.put("restore", v == latest ? null : sched.diff(latest, v, today()));
        params.put("latest", latest);
        params.put("displaced", notices);
        params.put("people", sched.displayNames(notices.stream().map(n -> n.displacement().ownerUser()).toList()));
        params.put("mediaTitles", sched.mediaTitles());
        templates.render(ctx, "booking/version.jte", Pages.context(ctx), params);
    }

    /** The confirmation step of a rollback: every booking it removes, brings back or changes, by title. */
    private void rollbackPage(Context ctx, PageContext page, long v) {
        ScheduleVersion version = findVersion(v);
        long latest = sched.latestNumber();
        var params = new HashMap<String, Object>();
        params.put("version", version);
        params.put("latest", latest);
        params.put("diff", sched.diff(latest, v, today()));
        params.put("note", orEmpty(Pages.field(ctx, "note")));
        var displaced = v == latest ? List.<Displacement>of() : sched.displacedByRollback(page.user(), v);
        params.put("displaced", displaced);
        params.put("displacementReason", orEmpty(Pages.field(ctx, "displacementReason")));
        params.put("people", sched.displayNames(displaced.stream().map(Displacement::ownerUser).toList()));
        params.put("mediaTitles", sched.mediaTitles());
        templates.render(ctx, "booking/rollback.jte", page, params);
    }

    private void rollback(Context ctx) {
        User u = Access.requireUser(ctx);
        long target = longParam("v", ctx.pathParam("v"));
        findVersion(target);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            // Only the confirmation page's form says yes: anything else is shown what it would do first.
            ctx.redirect("/schedule/versions/" + target + "/rollback", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        String reason = Pages.field(ctx, "displacementReason");
        if (reason == null && !sched.displacedByRollback(u, target).isEmpty()) {
            ctx.status(422);
            rollbackPage(ctx, Pages.context(ctx).withProblems(List.of(Problem.of("displacementReason",
                    "publish.displacement.reasonRequired"))), target);
            return;
        }
        try {
            var v = sched.rollback(u, target, longParam("base", ctx.formParam("base")), Pages.field(ctx, "note"), reason);
            Pages.redirectWithFlash(ctx, "/schedule/versions/" + v.version(), "schedule.rolledBack");
        } catch (ValidationException e) {
            // Someone published since (409) or it touches another category (403): show the current changes.
            ctx.status(e.status());
            rollbackPage(ctx, Pages.context(ctx).withProblems(e.problems()), target);
        }
    }

    /** Any two versions side by side: the diff from one to the other, as the publish page shows it. */
    private void compare(Context ctx) {
        var problems = new java.util.ArrayList<Problem>();
        Long from = versionParam(ctx.queryParam("from"), "from", problems);
        Long to = versionParam(ctx.queryParam("to"), "to", problems);
        var params = new HashMap<String, Object>();
        params.put("versions", sched.versions.list(200));
        params.put("from", from == null ? 0L : from);
        params.put("to", to == null ? 0L : to);
        params.put("diff", null);
        params.put("mediaTitles", sched.mediaTitles());
        PageContext page = Pages.context(ctx);
        if (!problems.isEmpty()) {
            ctx.status(422);
            page = page.withProblems(problems);
        } else {
            params.put("diff", sched.diff(from, to, today()));
        }
        templates.render(ctx, "booking/compare.jte", page, params);
    }

    private Long versionParam(String raw, String field, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(Problem.of(field, "compare.required"));
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v != 0 && sched.versions.find(v).isEmpty()) {
                problems.add(Problem.of(field, "schedule.versionNotFound", raw.strip()));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "schedule.versionNotFound", raw.strip()));
            return null;
        }
    }

    private void fillerPage(Context ctx, PageContext page, List<String> items) {
        Filler current = sched.latestSnapshot().filler();
        var params = new HashMap<String, Object>();
        params.put("items", items != null ? items : current == null ? List.of() : current.items());
        params.put("media", sched.approvedMedia());
        params.put("mediaTitles", sched.mediaTitles());
        params.put("base", sched.latestNumber());
        templates.render(ctx, "booking/filler.jte", page, params);
    }

    private void setFiller(Context ctx) {
        User u = Access.requireUser(ctx);
        List<String> items = ctx.formParams("items").stream().map(String::strip).filter(x -> !x.isEmpty())
                .distinct().toList();
        var approved = sched.approvedMedia().stream().map(MediaChoice::id).toList();
        if (items.isEmpty() || !approved.containsAll(items)) {
            ctx.status(422);
            fillerPage(ctx, Pages.context(ctx).withProblems(List.of(Problem.of("items",
                    items.isEmpty() ? "filler.required" : "booking.items.notApproved", "")))
                    , items);
            return;
        }
        sched.setFiller(u, new Filler(items), longParam("base", ctx.formParam("base")), Pages.field(ctx, "note"));
        Pages.redirectWithFlash(ctx, "/schedule/filler", "filler.saved");
    }

    /**
     * One screen's day as strips of loops, for one hour at a time, and "what is on at HH:MM": the hour of the
     * asked time is shown with the playing slot marked and described.
     */
    private void timeline(Context ctx) {
        List<ScreenProfile> screens = sched.screens();
        var params = new HashMap<String, Object>();
        params.put("screens", screens);
        Optional<ScreenProfile> screen = Optional.ofNullable(ctx.queryParam("screen")).flatMap(sched::screen)
                .or(() -> screens.stream().findFirst());
        LocalDate day = Params.dateOr(ctx.queryParam("date"), today());
        LocalTime at = parseTime(ctx.queryParam("at")).orElse(null);
        int hour = at != null ? at.getHour() : Params.intOr(ctx.queryParam("hour"), currentHour(screen), 0, 23);
        params.put("day", day);
        params.put("hour", hour);
        params.put("at", at == null ? "" : at.toString());
        params.put("screen", screen.orElse(null));
        params.put("strips", List.of());
        params.put("answer", null);
        params.put("plays", Map.of());
        if (screen.isPresent()) {
            ScreenProfile sc = screen.get();
            Timeline t = sched.publishedTimeline(sc, day);
            Instant atInstant = at == null ? null : day.atTime(at).atZone(sc.timeZone()).toInstant();
            int perHour = Math.max(1, 3600 / sc.loopSeconds());
            int first = hour * 3600 / sc.loopSeconds();
            var titles = sched.sourceTitles(Planner.Plan.of(sched.latestSnapshot(), sched.liveAlerts(), 0));
            params.put("strips", LoopStrip.of(t, sc, day, first, Math.min(first + perHour, 86_400 / sc.loopSeconds()),
                    sched.mediaTitles(), titles, atInstant));
            var d = new ScreenDay(sc, day, t.plays().stream().filter(p -> p.day().equals(day)).toList(),
                    t.shortfalls(), List.of(), List.of());
            params.put("plays", d.playsByBooking());
            params.put("titles", titles);
            params.put("shares", d.sharePercent());
            if (atInstant != null) {
                PlannedPlay now = t.plays().stream()
                        .filter(p -> !atInstant.isBefore(p.start()) && atInstant.isBefore(p.end()))
                        .findFirst().orElse(null);
                params.put("answer", now == null ? null : LoopStrip.of(new Timeline(List.of(now), List.of(), null), sc,
                        now.day(), now.loop(), now.loop() + 1, sched.mediaTitles(), titles, atInstant).get(0)
                        .cells().stream().filter(c -> !c.css().equals("DARK")).findFirst().orElse(null));
            }
        }
        params.putIfAbsent("titles", Map.of());
        params.putIfAbsent("shares", Map.of());
        templates.render(ctx, "booking/timeline.jte", Pages.context(ctx), params);
    }

    private int currentHour(Optional<ScreenProfile> screen) {
        return clock.instant().atZone(screen.map(ScreenProfile::timeZone).orElse(ScreenProfile.DEFAULT_ZONE))
                .getHour();
    }

    /** A whole number from a form field or path parameter; refused naming that field. */
    static long longParam(String field, String v) {
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(400, List.of(Problem.of(field, "form.wholeNumber")));
        }
    }


    private static Optional<LocalTime> parseTime(String v) {
        try {
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(LocalTime.parse(v.replace('.', ':')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
