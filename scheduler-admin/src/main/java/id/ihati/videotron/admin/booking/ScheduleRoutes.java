package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
    private final Services s;
    private final Scheduling sched;

    ScheduleRoutes(Services services) {
        this.s = services;
        this.sched = services.scheduling;
    }

    void register(RoutesConfig routes) {
        routes.get("/schedule/publish", ctx -> publishPage(ctx, Pages.context(ctx), ""), BookingRoutes.EDITORS);
        routes.post("/schedule/publish", this::publish, BookingRoutes.EDITORS);
        routes.get("/schedule/versions", this::versions, BookingRoutes.READERS);
        routes.get("/schedule/versions/{v}", this::version, BookingRoutes.READERS);
        routes.post("/schedule/versions/{v}/rollback", this::rollback, BookingRoutes.EDITORS);
        routes.get("/schedule/filler", ctx -> fillerPage(ctx, Pages.context(ctx), null), BookingRoutes.READERS);
        routes.post("/schedule/filler", this::setFiller, Role.ADMIN);
        routes.get("/timeline", this::timeline, BookingRoutes.READERS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(s.clock.instant(), ScreenProfile.DEFAULT_ZONE);
    }

    private void publishPage(Context ctx, PageContext page, String note) {
        User u = Access.requireUser(ctx);
        LocalDate day = today();
        var params = new HashMap<String, Object>();
        params.put("diff", sched.pendingDiff(u, day));
        params.put("preview", sched.previewPublish(u, day));
        params.put("base", sched.latestNumber());
        params.put("note", note);
        params.put("day", day);
        params.put("mediaTitles", sched.mediaTitles());
        s.templates.render(ctx, "booking/publish.jte", page, params);
    }

    private void publish(Context ctx) {
        User u = Access.requireUser(ctx);
        String note = Pages.field(ctx, "note");
        long base = longParam(ctx.formParam("base"));
        PageContext page = Pages.context(ctx);
        if (sched.previewPublish(u, today()).overbooked() && ctx.formParam("confirmOverbooked") == null) {
            ctx.status(422);
            publishPage(ctx, page.withProblems(List.of(Problem.of("confirmOverbooked", "booking.confirm.required"))),
                    note == null ? "" : note);
            return;
        }
        try {
            var v = sched.publish(u, base, note);
            Pages.redirectWithFlash(ctx, "/schedule/versions/" + v.version(), "schedule.published");
        } catch (ValidationException e) {
            ctx.status(e.status());
            publishPage(ctx, page.withProblems(e.problems()), note == null ? "" : note);
        }
    }

    private void versions(Context ctx) {
        s.templates.render(ctx, "booking/versions.jte", Pages.context(ctx), Map.of("versions", sched.versions.list(200),
                "latest", sched.latestNumber()));
    }

    private void version(Context ctx) {
        long v = longParam(ctx.pathParam("v"));
        ScheduleVersion version = sched.versions.find(v).orElseThrow(
                () -> new ValidationException(404, List.of(Problem.of(null, "schedule.versionNotFound", v))));
        var params = new HashMap<String, Object>();
        params.put("version", version);
        params.put("diff", sched.diff(v - 1, v, today()));
        params.put("latest", sched.latestNumber());
        params.put("mediaTitles", sched.mediaTitles());
        s.templates.render(ctx, "booking/version.jte", Pages.context(ctx), params);
    }

    private void rollback(Context ctx) {
        User u = Access.requireUser(ctx);
        long target = longParam(ctx.pathParam("v"));
        var v = sched.rollback(u, target, longParam(ctx.formParam("base")), Pages.field(ctx, "note"));
        Pages.redirectWithFlash(ctx, "/schedule/versions/" + v.version(), "schedule.rolledBack");
    }

    private void fillerPage(Context ctx, PageContext page, List<String> items) {
        Filler current = sched.latestSnapshot().filler();
        var params = new HashMap<String, Object>();
        params.put("items", items != null ? items : current == null ? List.of() : current.items());
        params.put("media", sched.approvedMedia());
        params.put("mediaTitles", sched.mediaTitles());
        params.put("base", sched.latestNumber());
        s.templates.render(ctx, "booking/filler.jte", page, params);
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
        sched.setFiller(u, new Filler(items), longParam(ctx.formParam("base")), Pages.field(ctx, "note"));
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
        LocalDate day = parseDate(ctx.queryParam("date")).orElse(today());
        LocalTime at = parseTime(ctx.queryParam("at")).orElse(null);
        int hour = at != null ? at.getHour() : intParam(ctx.queryParam("hour"), currentHour(screen), 0, 23);
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
        s.templates.render(ctx, "booking/timeline.jte", Pages.context(ctx), params);
    }

    private int currentHour(Optional<ScreenProfile> screen) {
        return s.clock.instant().atZone(screen.map(ScreenProfile::timeZone).orElse(ScreenProfile.DEFAULT_ZONE))
                .getHour();
    }

    static long longParam(String v) {
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(400, List.of(Problem.of(null, "error.http", 400)));
        }
    }

    private static int intParam(String v, int dflt, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            return n < min || n > max ? dflt : n;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static Optional<LocalDate> parseDate(String v) {
        try {
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            return Optional.empty();
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
