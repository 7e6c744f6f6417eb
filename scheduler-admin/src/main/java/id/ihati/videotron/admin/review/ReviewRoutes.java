package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.booking.BookingRepository;
import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.Views.BookingLine;
import id.ihati.videotron.admin.review.Views.Change;
import id.ihati.videotron.admin.review.Views.DayRow;
import id.ihati.videotron.admin.review.Views.HourCell;
import id.ihati.videotron.admin.review.Views.Loop;
import id.ihati.videotron.admin.review.Views.ScreenWeek;
import id.ihati.videotron.admin.review.Views.Slot;
import id.ihati.videotron.admin.review.Views.VersionLine;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import id.ihati.videotron.admin.review.comments.Comment;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.export.CsvExport;
import id.ihati.videotron.admin.review.export.ICalendar;
import id.ihati.videotron.admin.review.export.PdfExport;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The review pages. Every page is GET and open to REVIEWER, ADMIN and the editors; the one write here is
 * {@code POST /review/comments}, which REVIEWER may use too. See {@code docs/review.md}.
 */
public final class ReviewRoutes implements Routes {
    /** Who may read the review pages. */
    public static final Role[] READERS = {Role.REVIEWER, Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    /** Who may write comments: the same people; for REVIEWER it is the only write there is. */
    public static final Role[] COMMENTERS = READERS;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int WEEK_SCREENS = 12;
    private final Templates templates;
    private final Clock clock;
    private final BookingRepository bookings;
    private final ReviewService review;

    public ReviewRoutes(Templates templates, Clock clock, BookingRepository bookings, ReviewService review) {
        this.templates = templates;
        this.clock = clock;
        this.bookings = bookings;
        this.review = review;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review", this::overview, READERS);
        routes.get("/review/week", this::week, READERS);
        routes.get("/review/day", this::day, READERS);
        routes.get("/review/bookings", this::bookings, READERS);
        routes.get("/review/bookings/{id}", this::booking, READERS);
        routes.get("/review/versions", this::versions, READERS);
        routes.get("/review/versions/{n}", this::version, READERS);
        routes.get("/review/delivery", this::delivery, READERS);
        routes.get("/review/delivery.csv", this::csv, READERS);
        routes.get("/review/delivery.pdf", this::pdf, READERS);
        routes.get("/review/screens/{id}/bookings.ics", this::ics, READERS);
        routes.get("/review/comments", this::comments, READERS);
        routes.post("/review/comments", this::addComment, COMMENTERS);
        routes.get("/review/feed", this::feed, READERS);
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, template, page(ctx), params);
    }

    private void render(Context ctx, String template, PageContext page, Map<String, Object> params) {
        templates.render(ctx, template, page, params);
    }

    // ------------------------------------------------------------------ overview and schedule

    private void overview(Context ctx) {
        LocalDate from = date(ctx, "from", review.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        LocalDate to = date(ctx, "to", from.plusDays(6));
        checkPeriod(from, to);
        List<ScreenProfile> screens = review.screens();
        DeliveryReport plan = review.plannedOnly(screens, from, to);
        render(ctx, "review/overview.jte", Map.of("from", from, "to", to, "screens", screens, "plan", plan,
                "threads", review.comments().repository().latestThreads(5)));
    }

    private void week(Context ctx) {
        LocalDate start = date(ctx, "start", review.today()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String screenId = ctx.queryParam("screen");
        List<ScreenProfile> all = review.screens();
        List<ScreenProfile> shown = screenId == null || screenId.isBlank()
                ? all.stream().limit(WEEK_SCREENS).toList()
                : List.of(review.screen(screenId).orElseThrow(() -> ValidationException.of("screen",
                        "review.query.unknownScreen")));
        var weeks = new ArrayList<ScreenWeek>();
        for (ScreenProfile screen : shown) {
            var days = new ArrayList<DayRow>();
            for (int d = 0; d < 7; d++) {
                LocalDate day = start.plusDays(d);
                days.add(new DayRow(day, hours(screen, day, page(ctx))));
            }
            weeks.add(new ScreenWeek(screen.id(), screen.name(), days));
        }
        render(ctx, "review/week.jte", Map.of("start", start, "screens", all, "selected", Objects.toString(screenId, ""),
                // "Only the first 12 screens" is true only of the all-screens view, never of one chosen screen.
                "weeks", weeks, "more", (screenId == null || screenId.isBlank()) && shown.size() < all.size()));
    }

    /** The 24 hours of a screen's day: which category had most of each hour. */
    private List<HourCell> hours(ScreenProfile screen, LocalDate day, PageContext page) {
        ZoneId zone = screen.timeZone();
        Timeline t = review.timeline(screen, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
        List<Map<Category, Long>> perHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            perHour.add(new EnumMap<>(Category.class));
        }
        for (PlannedPlay p : t.plays()) {
            int h = p.start().atZone(zone).getHour();
            if (p.start().atZone(zone).toLocalDate().equals(day)) {
                perHour.get(h).merge(p.category(), Duration.between(p.start(), p.end()).toSeconds(), Long::sum);
            }
        }
        var cells = new ArrayList<HourCell>();
        for (int h = 0; h < 24; h++) {
            Map<Category, Long> m = perHour.get(h);
            String dominant = m.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().name())
                    .orElse("DARK");
            long total = m.values().stream().mapToLong(Long::longValue).sum();
            String tip = String.format("%02d:00–%02d:00 · ", h, (h + 1) % 24) + (m.isEmpty()
                    ? page.t("review.category.DARK")
                    : m.entrySet().stream().map(e -> page.t("review.category." + e.getKey().name()) + " "
                    + Views.pct(page, 100.0 * e.getValue() / total)).collect(Collectors.joining(", ")));
            cells.add(new HourCell(h, dominant, tip));
        }
        return cells;
    }

    private void day(Context ctx) {
        List<ScreenProfile> all = review.screens();
        String screenId = ctx.queryParam("screen");
        ScreenProfile screen = screenId == null || screenId.isBlank()
                ? all.stream().findFirst().orElse(null)
                : review.screen(screenId).orElseThrow(() -> ValidationException.of("screen",
                        "review.query.unknownScreen"));
        if (screen == null) {
            render(ctx, "review/day.jte", dayParams(null, all, review.today(), 0, null, List.of(), List.of(), null));
            return;
        }
        ZoneId zone = screen.timeZone();
        LocalDate day = date(ctx, "date", LocalDate.ofInstant(clock.instant(), zone));
        LocalTime at = time(ctx, "at");
        int hour = at != null ? at.getHour() : intParam(ctx, "hour",
                day.equals(LocalDate.ofInstant(clock.instant(), zone)) ? clock.instant().atZone(zone).getHour()
                        : firstOperatingHour(screen, day), 0, 23);
        Instant from = day.atTime(hour, 0).atZone(zone).toInstant();
        Timeline t = review.timeline(screen, from, from.plusSeconds(3600));
        Instant atInstant = at == null ? null : day.atTime(at).atZone(zone).toInstant();
        Map<String, String> titles = titles(screen, t);
        var loops = new LinkedHashMap<String, List<Slot>>();
        var highlightedLoops = new java.util.HashSet<String>();
        Slot onAt = null;
        for (PlannedPlay p : t.plays()) {
            if (p.start().isBefore(from)) {
                continue;
            }
            String loopStart = HM.format(p.start().atZone(zone).toLocalTime()
                    .minusSeconds((long) p.slot() * screen.slotSeconds()));
            boolean hit = atInstant != null && !p.start().isAfter(atInstant) && p.end().isAfter(atInstant);
            var slot = new Slot(HM.format(p.start().atZone(zone)) + ":" + String.format("%02d", p.start().atZone(zone).getSecond()),
                    HM.format(p.end().atZone(zone)), p.category().name(), titles.getOrDefault("s:" + p.sourceId(),
                    page(ctx).t("review.category.FILLER")), titles.getOrDefault("m:" + p.mediaId(), p.mediaId()),
                    p.sourceId(), p.slots(), hit);
            loops.computeIfAbsent(loopStart, k -> new ArrayList<>()).add(slot);
            if (hit) {
                onAt = slot;
                highlightedLoops.add(loopStart);
            }
        }
        var loopList = loops.entrySet().stream()
                .map(e -> new Loop(e.getKey(), e.getValue(), highlightedLoops.contains(e.getKey()))).toList();
        render(ctx, "review/day.jte", dayParams(screen, all, day, hour, at, hours(screen, day, page(ctx)), loopList, onAt));
    }

    private static Map<String, Object> dayParams(ScreenProfile screen, List<ScreenProfile> all, LocalDate day, int hour,
                                                 LocalTime at, List<HourCell> hours, List<Loop> loops, Slot onAt) {
        var m = new HashMap<String, Object>();
        m.put("screen", screen);
        m.put("screens", all);
        m.put("day", day);
        m.put("hour", hour);
        m.put("at", at == null ? "" : HM.format(at));
        m.put("hours", hours);
        m.put("loops", loops);
        m.put("onAt", onAt);
        return m;
    }

    private static int firstOperatingHour(ScreenProfile screen, LocalDate day) {
        var windows = screen.operatingHours().getOrDefault(day.getDayOfWeek(), List.of());
        return windows.isEmpty() ? 8 : windows.get(0).from().getHour();
    }

    /** Titles of the sources ("s:id") and media ("m:id") in a timeline. */
    private Map<String, String> titles(ScreenProfile screen, Timeline t) {
        var out = new HashMap<String, String>();
        for (Booking b : review.bookings(review.today().minusDays(400), review.today().plusDays(400))) {
            out.put("s:" + b.id(), b.title());
        }
        for (VersionInForce v : review.versions(review.today(), review.today())) {
            v.schedule().alerts().forEach(a -> out.put("s:" + a.id(), a.title()));
        }
        for (PlannedPlay p : t.plays()) {
            out.computeIfAbsent("m:" + p.mediaId(), k -> review.sources().media().forScreen(p.mediaId(), screen)
                    .map(Media::title).orElse(p.mediaId()));
        }
        return out;
    }

    // ------------------------------------------------------------------ bookings and versions

    private void bookings(Context ctx) {
        LocalDate today = review.today();
        Map<String, Integer> counts = commentCounts(Subject.Type.BOOKING);
        // The schedule in force, then what the bookings feature has beyond it (drafts, withdrawn, ended).
        var records = ReviewAdapters.bookingRecords(bookings);
        var byId = new LinkedHashMap<String, Booking>();
        review.currentBookings().forEach(b -> byId.put(b.id(), b));
        records.values().forEach(r -> byId.putIfAbsent(r.id(), r.booking()));
        var lines = byId.values().stream().map(b -> {
            BookingLine l = bookingLine(ctx, b, today, counts);
            var r = records.get(b.id());
            return r == null ? l : new BookingLine(b, r.status().name(), l.targets(), l.windows(), l.frequency(),
                    l.comments());
        }).toList();
        render(ctx, "review/bookings.jte", Map.of("bookings", lines));
    }

    private BookingLine bookingLine(Context ctx, Booking b, LocalDate today, Map<String, Integer> counts) {
        PageContext page = page(ctx);
        String status = today.isBefore(b.dateFrom()) ? "upcoming" : today.isAfter(b.dateTo()) ? "ended" : "running";
        String targets = b.targets().allScreens() ? page.t("review.targets.all")
                : String.join(", ", b.targets().screens().stream().map(id -> review.screen(id).map(ScreenProfile::name)
                .orElse(id)).sorted().toList())
                + (b.targets().groups().isEmpty() ? "" : " " + page.t("review.targets.groups",
                String.join(", ", b.targets().groups().stream().sorted().toList())));
        String hours = Views.playableHours(b, review.screens().stream().filter(sc -> b.targets().includes(sc)).toList(),
                today);
        return new BookingLine(b, status, targets.strip(), hours, Views.frequency(page, b.frequency()),
                counts.getOrDefault(b.id(), 0));
    }

    private void booking(Context ctx) {
        Booking b = review.booking(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        LocalDate today = review.today();
        LocalDate from = b.dateFrom().isAfter(today) ? b.dateFrom() : maxDate(b.dateFrom(), today.minusDays(29));
        LocalDate to = minDate(b.dateTo(), maxDate(from, today));
        DeliveryReport report = review.delivery(review.screens().stream().filter(sc -> b.targets().includes(sc)).toList(),
                from, to).onlyBooking(b.id());
        var subject = new Subject(Subject.Type.BOOKING, b.id());
        render(ctx, "review/booking.jte", Map.of("line", bookingLine(ctx, b, today, Map.of()), "report", report,
                "threads", review.comments().repository().threads(subject), "subject", subject));
    }

    private void versions(Context ctx) {
        Map<String, Integer> counts = commentCounts(Subject.Type.VERSION);
        render(ctx, "review/versions.jte", Map.of("versions", versionLines(counts)));
    }

    private List<VersionLine> versionLines(Map<String, Integer> counts) {
        LocalDate today = review.today();
        List<VersionInForce> all = review.versions(today.minusDays(3650), today.plusDays(1));
        var lines = new ArrayList<VersionLine>();
        for (int i = all.size() - 1; i >= 0; i--) {
            VersionInForce v = all.get(i);
            List<Booking> before = i == 0 ? List.of() : all.get(i - 1).schedule().bookings();
            lines.add(new VersionLine(v.version(), v.from(), v.schedule().bookings().size(),
                    diff(before, v.schedule().bookings()), counts.getOrDefault(Long.toString(v.version()), 0)));
        }
        return lines;
    }

    /** Bookings added, removed and changed from one version to the next. */
    static List<Change> diff(List<Booking> before, List<Booking> after) {
        Map<String, Booking> old = new LinkedHashMap<>();
        before.forEach(b -> old.put(b.id(), b));
        var out = new ArrayList<Change>();
        for (Booking b : after) {
            Booking o = old.remove(b.id());
            if (o == null) {
                out.add(new Change("added", b.id(), b.title(), b.dateFrom() + " – " + b.dateTo()));
            } else if (!o.equals(b)) {
                out.add(new Change("changed", b.id(), b.title(), changes(o, b)));
            }
        }
        old.values().forEach(b -> out.add(new Change("removed", b.id(), b.title(), b.dateFrom() + " – " + b.dateTo())));
        return out;
    }

    private static String changes(Booking a, Booking b) {
        var parts = new ArrayList<String>();
        if (!a.title().equals(b.title())) {
            parts.add("judul/title: " + a.title() + " → " + b.title());
        }
        if (!a.dateFrom().equals(b.dateFrom()) || !a.dateTo().equals(b.dateTo())) {
            parts.add("periode: " + a.dateFrom() + "–" + a.dateTo() + " → " + b.dateFrom() + "–" + b.dateTo());
        }
        if (!a.frequency().equals(b.frequency())) {
            parts.add("frekuensi: " + a.frequency() + " → " + b.frequency());
        }
        if (!a.windows().equals(b.windows())) {
            parts.add("jam: " + Views.windows(a.windows()) + " → " + Views.windows(b.windows()));
        }
        if (!a.targets().equals(b.targets())) {
            parts.add("layar/screens");
        }
        if (!a.items().equals(b.items())) {
            parts.add("konten/content");
        }
        if (a.priority() != b.priority()) {
            parts.add("prioritas: " + a.priority() + " → " + b.priority());
        }
        if (!a.weekdays().equals(b.weekdays())) {
            parts.add("hari/weekdays");
        }
        return String.join("; ", parts);
    }

    private void version(Context ctx) {
        String n = ctx.pathParam("n");
        VersionLine line = versionLines(Map.of()).stream().filter(v -> Long.toString(v.version()).equals(n)).findFirst()
                .orElseThrow(NotFoundResponse::new);
        var subject = new Subject(Subject.Type.VERSION, n);
        render(ctx, "review/version.jte", Map.of("version", line, "zone", review.zone(),
                "threads", review.comments().repository().threads(subject), "subject", subject));
    }

    private Map<String, Integer> commentCounts(Subject.Type type) {
        var out = new HashMap<String, Integer>();
        for (Comment.Thread t : review.comments().repository().latestThreads(500)) {
            if (t.first().subject().type() == type) {
                out.merge(t.first().subject().id(), 1 + t.answers().size(), Integer::sum);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ planned versus delivered and exports

    /** The report the query asks for: period, and optionally one screen or one booking. */
    private record Query(LocalDate from, LocalDate to, ScreenProfile screen, Booking booking, DeliveryReport report) {
        String scope(PageContext page) {
            return screen != null ? page.t("review.scope.screen", screen.name())
                    : booking != null ? page.t("review.scope.booking", booking.title()) : page.t("review.scope.all");
        }

        String query() {
            return "from=" + from + "&to=" + to + (screen == null ? "" : "&screen=" + enc(screen.id()))
                    + (booking == null ? "" : "&booking=" + enc(booking.id()));
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Query query(Context ctx) {
        LocalDate today = review.today();
        LocalDate from = date(ctx, "from", today.withDayOfMonth(1));
        LocalDate to = date(ctx, "to", today);
        checkPeriod(from, to);
        String screenId = blankToNull(ctx.queryParam("screen"));
        String bookingId = blankToNull(ctx.queryParam("booking"));
        ScreenProfile screen = screenId == null ? null : review.screen(screenId)
                .orElseThrow(() -> ValidationException.of("screen", "review.query.unknownScreen"));
        Booking booking = bookingId == null ? null : review.booking(bookingId)
                .orElseThrow(() -> ValidationException.of("booking", "review.query.unknownBooking"));
        List<ScreenProfile> screens = screen != null ? List.of(screen) : review.screens().stream()
                .filter(sc -> booking == null || booking.targets().includes(sc)).toList();
        DeliveryReport report = review.delivery(screens, from, to);
        if (booking != null) {
            report = report.onlyBooking(booking.id());
        }
        return new Query(from, to, screen, booking, report);
    }

    private void delivery(Context ctx) {
        PageContext page = page(ctx);
        Query q;
        try {
            q = query(ctx);
        } catch (ValidationException e) {
            // The filter form shows what was wrong with it, beside an empty report.
            ctx.status(e.status() == 422 ? 400 : e.status());
            render(ctx, "review/delivery.jte", page.withProblems(e.problems()), deliveryParams(ctx, null, page));
            return;
        }
        render(ctx, "review/delivery.jte", page, deliveryParams(ctx, q, page));
    }

    private Map<String, Object> deliveryParams(Context ctx, Query q, PageContext page) {
        var m = new HashMap<String, Object>();
        m.put("screens", review.screens());
        m.put("bookings", review.currentBookings());
        m.put("from", q == null ? Objects.toString(ctx.queryParam("from"), "") : q.from().toString());
        m.put("to", q == null ? Objects.toString(ctx.queryParam("to"), "") : q.to().toString());
        m.put("screen", q == null || q.screen() == null ? Objects.toString(ctx.queryParam("screen"), "") : q.screen().id());
        m.put("booking", q == null || q.booking() == null ? Objects.toString(ctx.queryParam("booking"), "") : q.booking().id());
        m.put("report", q == null ? null : q.report());
        m.put("scope", q == null ? "" : q.scope(page));
        m.put("query", q == null ? "" : q.query());
        m.put("showRows", q != null && (q.screen() != null || q.booking() != null));
        return m;
    }

    private void csv(Context ctx) {
        Query q = query(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(q) + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(CsvExport.write(q.report(), page(ctx).locale()));
    }

    private void pdf(Context ctx) {
        Query q = query(ctx);
        PageContext page = page(ctx);
        byte[] pdf = PdfExport.write(q.report(), q.scope(page), clock.instant(), review.zone(), page.locale());
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(q) + ".pdf\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    private static String fileName(Query q) {
        String scope = q.screen() != null ? q.screen().id() : q.booking() != null ? q.booking().id() : "semua-layar";
        return "laporan-penayangan-" + scope.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + q.from() + "-" + q.to();
    }

    private void ics(Context ctx) {
        ScreenProfile screen = review.screen(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        byte[] body = ICalendar.write(screen, review.currentBookings(), clock.instant(), false);
        ctx.header("Content-Disposition", "attachment; filename=\"jadwal-" + screen.id().replaceAll("[^A-Za-z0-9_-]", "_")
                + ".ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(body);
    }

    // ------------------------------------------------------------------ comments and feed

    private void comments(Context ctx) {
        var threads = review.comments().repository().latestThreads(100);
        // The list names each booking by its title, as staff know it (archived bookings included).
        var titles = new java.util.HashMap<String, String>();
        threads.stream().map(t -> t.first().subject()).filter(x -> x.type() == Subject.Type.BOOKING)
                .forEach(x -> bookings.find(x.id())
                        .ifPresent(r -> titles.put(x.id(), r.booking().title())));
        render(ctx, "review/comments.jte", Map.of("threads", threads, "bookingTitles", titles));
    }

    private void addComment(Context ctx) {
        var user = Access.requireUser(ctx);
        Subject.Type type;
        try {
            type = Subject.Type.valueOf(Objects.toString(ctx.formParam("subjectType"), ""));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("subjectType", "review.comment.noSubject");
        }
        String id = Objects.toString(ctx.formParam("subjectId"), "");
        var subject = new Subject(type, id);
        String back = type == Subject.Type.BOOKING ? "/review/bookings/" + enc(id) : "/review/versions/" + enc(id);
        Long parent = null;
        String p = ctx.formParam("parent");
        if (p != null && !p.isBlank()) {
            try {
                parent = Long.parseLong(p.strip());
            } catch (NumberFormatException e) {
                throw ValidationException.of("parent", "review.comment.badParent");
            }
        }
        try {
            review.comments().add(user, subject, parent, ctx.formParam("body"));
        } catch (ValidationException e) {
            if (Objects.toString(ctx.header("Accept"), "").contains("application/json")) {
                throw e;
            }
            Pages.redirectWithFlash(ctx, back + "#comments", e.problems().stream().anyMatch(x -> "body".equals(x.field()))
                    ? "review.comment.empty" : "review.comment.noSubject");
            return;
        }
        Pages.redirectWithFlash(ctx, back + "#comments", "review.comment.saved");
    }

    private void feed(Context ctx) {
        var opened = new HashMap<String, String>();
        review.feed().all().forEach(f -> opened.put(f.screenId(), f.slug()));
        render(ctx, "review/feed.jte", Map.of("screens", review.screens(), "opened", opened));
    }

    // ------------------------------------------------------------------ parameters

    /**
     * The page context, made once per request: making it consumes the flash cookie, and each call would add
     * another Set-Cookie header.
     */
    private static PageContext page(Context ctx) {
        PageContext p = ctx.attribute("review.page");
        if (p == null) {
            p = Pages.context(ctx);
            ctx.attribute("review.page", p);
        }
        return p;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(400, List.of(Problem.of(name, "review.query.badDate", v)));
        }
    }

    private static LocalTime time(Context ctx, String name) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return null;
        }
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(400, List.of(Problem.of(name, "review.query.badTime", v)));
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String v = blankToNull(ctx.queryParam(name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ValidationException(400, List.of(Problem.of(name, "review.query.badNumber", min, max)));
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ValidationException(400, List.of(Problem.of("to", "review.query.toBeforeFrom")));
        }
        if (from.plusDays(ReviewService.MAX_DAYS).isBefore(to)) {
            throw new ValidationException(400, List.of(Problem.of("to", "review.query.tooLong", ReviewService.MAX_DAYS)));
        }
    }

    private static LocalDate maxDate(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate minDate(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
