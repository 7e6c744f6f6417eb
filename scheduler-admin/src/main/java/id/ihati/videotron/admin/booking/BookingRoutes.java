package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The booking pages: list, form with presets and preview, detail, withdraw and discard. Publishing, versions,
 * the timeline and alerts are registered from here too ({@link ScheduleRoutes}, {@link AlertRoutes}), so the
 * app lists this feature once.
 */
public final class BookingRoutes implements Routes {
    static final Role[] EDITORS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    static final Role[] READERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.REVIEWER};
    private final Scheduling sched;
    private final Templates templates;
    private final Clock clock;

    public BookingRoutes(Scheduling sched, Templates templates, Clock clock) {
        this.sched = sched;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/bookings", this::list, READERS);
        routes.get("/bookings/new", this::newForm, EDITORS);
        routes.post("/bookings/form", this::submit, EDITORS);
        routes.get("/bookings/{id}", this::detail, READERS);
        routes.get("/bookings/{id}/edit", this::editForm, EDITORS);
        routes.post("/bookings/{id}/withdraw", this::withdraw, EDITORS);
        routes.post("/bookings/{id}/discard", this::discard, EDITORS);
        new ScheduleRoutes(sched, templates, clock).register(routes);
        new AlertRoutes(sched, templates, clock).register(routes);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE);
    }

    private void list(Context ctx) {
        // Archived and ended bookings stay findable under their own filter, with the versions that held them.
        String status = ctx.queryParam("status");
        boolean old = "ARCHIVED".equals(status) || "ENDED".equals(status);
        List<BookingRecord> all = old ? sched.bookings.withStatus(List.of(BookingStatus.valueOf(status)))
                : sched.workingSet();
        String cat = ctx.queryParam("category");
        if (cat != null && !cat.isBlank()) {
            all = all.stream().filter(r -> r.booking().category().name().equals(cat)).toList();
        }
        long drafts = all.stream().filter(r -> r.status() != BookingStatus.PUBLISHED).count();
        var latest = sched.latest();
        var params = new HashMap<String, Object>();
        params.put("bookings", all);
        params.put("shares", sched.shares(all));
        params.put("drafts", drafts);
        params.put("latest", latest.orElse(null));
        params.put("category", cat == null ? "" : cat);
        params.put("today", today());
        params.put("status", old ? status : "");
        params.put("versionsOf", old ? sched.versions.versionsHolding(all.stream().map(BookingRecord::id).toList(), 1000)
                : Map.of());
        params.put("displaced", old ? Map.of() : sched.displacedToday());
        templates.render(ctx, "booking/list.jte", Pages.context(ctx), params);
    }

    private void newForm(Context ctx) {
        User u = Access.requireUser(ctx);
        var allowed = Scheduling.categoriesOf(u.role());
        Category c = allowed.contains(Category.CITY) && !allowed.contains(Category.HEALTH) ? Category.CITY
                : "CITY".equals(ctx.queryParam("category")) ? Category.CITY : Category.HEALTH;
        BookingForm f = BookingForm.blank(c, u.organisation(), today());
        String preset = ctx.queryParam("preset");
        if (preset != null) {
            f = Presets.apply(preset, f, today());
        }
        renderForm(ctx, Pages.context(ctx), f, null);
    }

    private void editForm(Context ctx) {
        BookingRecord r = find(ctx);
        renderForm(ctx, Pages.context(ctx), BookingForm.of(r.booking()), null);
    }

    private void submit(Context ctx) {
        User u = Access.requireUser(ctx);
        BookingForm f = BookingForm.read(ctx::formParam, ctx::formParams);
        String op = ctx.formParam("op") == null ? "save" : ctx.formParam("op");
        PageContext page = Pages.context(ctx);
        if (op.startsWith("preset:")) {
            renderForm(ctx, page, Presets.apply(op.substring(7), f, today()), null);
            return;
        }
        if (op.equals("add") || op.startsWith("up:") || op.startsWith("down:") || op.startsWith("remove:")) {
            renderForm(ctx, page, f.withItemOp(op, ctx.formParam("addItem")), null);
            return;
        }
        var result = f.parse(Scheduling.categoriesOf(u.role()), sched.screens());
        List<Problem> problems = result.ok() ? sched.validate(result.booking()) : result.problems();
        if (!problems.isEmpty()) {
            ctx.status(422);
            renderForm(ctx, page.withProblems(problems), f, null);
            return;
        }
        Booking b = result.booking();
        Preview preview = sched.preview(u, b);
        if (op.equals("preview")) {
            renderForm(ctx, page, f, preview);
            return;
        }
        if (preview.overbooked() && !f.confirmOverbooked()) {
            ctx.status(422);
            renderForm(ctx, page.withProblems(List.of(Problem.of("confirmOverbooked", "booking.confirm.required"))),
                    f, preview);
            return;
        }
        if (!f.isNew() && sched.bookings.find(b.id()).isEmpty()) {
            throw new NotFoundResponse();
        }
        sched.saveDraft(u, b);
        Pages.redirectWithFlash(ctx, "/bookings/" + b.id(), "booking.saved");
    }

    private void renderForm(Context ctx, PageContext page, BookingForm f, Preview preview) {
        User u = page.user();
        List<ScreenProfile> screens = sched.screens();
        var groups = new TreeSet<String>();
        screens.forEach(x -> groups.addAll(x.groups()));
        var params = new HashMap<String, Object>();
        params.put("form", f);
        params.put("media", sched.approvedMedia(Scheduling.categoriesOf(u.role())));
        params.put("mediaTitles", sched.mediaTitles());
        params.put("screens", screens);
        params.put("groups", new ArrayList<>(groups));
        params.put("categories", new ArrayList<>(Scheduling.categoriesOf(u.role())));
        params.put("presets", Presets.NAMES);
        params.put("preview", preview);
        templates.render(ctx, "booking/form.jte", page, params);
    }

    private void detail(Context ctx) {
        BookingRecord r = find(ctx);
        var live = sched.latestSnapshot().booking(r.id()).orElse(null);
        var params = new HashMap<String, Object>();
        params.put("record", r);
        params.put("live", live);
        params.put("share", sched.shares(List.of(r)).get(r.id()));
        params.put("mediaTitles", sched.mediaTitles());
        params.put("screens", sched.screens().stream().filter(x -> r.booking().targets().includes(x)).toList());
        boolean mine = Scheduling.categoriesOf(Access.requireUser(ctx).role()).contains(r.booking().category());
        params.put("mayEdit", mine && (r.status().inWorkingSet() || r.status() == BookingStatus.WITHDRAWN));
        var notices = sched.displacements.ofBooking(r.id());
        params.put("displaced", notices);
        params.put("people", sched.displayNames(notices.stream().map(Displacement.Notice::publishedBy).toList()));
        params.put("inVersions", sched.versions.versionsHolding(List.of(r.id()), 1000).get(r.id()));
        templates.render(ctx, "booking/detail.jte", Pages.context(ctx), params);
    }

    private void withdraw(Context ctx) {
        sched.withdraw(Access.requireUser(ctx), find(ctx).id());
        Pages.redirectWithFlash(ctx, "/bookings", "booking.withdrawn");
    }

    private void discard(Context ctx) {
        sched.discardDraft(Access.requireUser(ctx), find(ctx).id());
        Pages.redirectWithFlash(ctx, "/bookings", "booking.discarded");
    }

    private BookingRecord find(Context ctx) {
        return sched.bookings.find(ctx.pathParam("id")).orElseThrow(
                () -> new ValidationException(404, List.of(Problem.of(null, "booking.notFound"))));
    }
}
