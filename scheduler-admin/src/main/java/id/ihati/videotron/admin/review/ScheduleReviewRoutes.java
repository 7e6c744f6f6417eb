package id.ihati.videotron.admin.review;

import static id.ihati.videotron.admin.review.ReviewPage.date;
import static id.ihati.videotron.admin.review.ReviewPage.page;

import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.Views.DayRow;
import id.ihati.videotron.admin.review.Views.HourCell;
import id.ihati.videotron.admin.review.Views.Loop;
import id.ihati.videotron.admin.review.Views.ScreenWeek;
import id.ihati.videotron.admin.review.Views.Slot;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The schedule as screens run it: the overview, a week per screen by the hour, a day's loops. */
final class ScheduleReviewRoutes implements Routes {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int WEEK_SCREENS = 12;
    private final ReviewService review;
    private final ReviewPage pages;
    private final Clock clock;

    ScheduleReviewRoutes(ReviewService review, ReviewPage pages, Clock clock) {
        this.review = review;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review", this::overview, ReviewRoutes.READERS);
        routes.get("/review/week", this::week, ReviewRoutes.READERS);
        routes.get("/review/day", this::day, ReviewRoutes.READERS);
    }

    private void overview(Context ctx) {
        LocalDate from = date(ctx, "from", review.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        LocalDate to = date(ctx, "to", from.plusDays(6));
        ReviewPage.checkPeriod(from, to);
        List<ScreenProfile> screens = review.screens();
        DeliveryReport plan = review.plannedOnly(screens, from, to);
        pages.render(ctx, "review/overview.jte", Map.of("from", from, "to", to, "screens", screens, "plan", plan,
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
        pages.render(ctx, "review/week.jte", Map.of("start", start, "screens", all, "selected",
                Objects.toString(screenId, ""),
                // "Only the first 12 screens" is true only of the all-screens view, never of one chosen screen.
                "weeks", weeks, "more", (screenId == null || screenId.isBlank()) && shown.size() < all.size()));
    }

    /** The 24 hours of a screen's day: which category had most of each hour. */
    private List<HourCell> hours(ScreenProfile screen, LocalDate day, PageContext page) {
        ZoneId zone = screen.timeZone();
        Timeline t = review.timeline(screen, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
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
            pages.render(ctx, "review/day.jte", dayParams(null, all, review.today(), 0, null, List.of(), List.of(),
                    null));
            return;
        }
        ZoneId zone = screen.timeZone();
        LocalDate day = date(ctx, "date", LocalDate.ofInstant(clock.instant(), zone));
        LocalTime at = ReviewPage.time(ctx, "at");
        int hour = at != null ? at.getHour() : ReviewPage.intParam(ctx, "hour",
                day.equals(LocalDate.ofInstant(clock.instant(), zone)) ? clock.instant().atZone(zone).getHour()
                        : firstOperatingHour(screen, day), 0, 23);
        Instant from = day.atTime(hour, 0).atZone(zone).toInstant();
        Timeline t = review.timeline(screen, from, from.plusSeconds(3600));
        Instant atInstant = at == null ? null : day.atTime(at).atZone(zone).toInstant();
        Map<String, String> titles = titles(screen, t);
        var loops = new LinkedHashMap<String, List<Slot>>();
        var highlightedLoops = new HashSet<String>();
        Slot onAt = null;
        for (PlannedPlay p : t.plays()) {
            if (p.start().isBefore(from)) {
                continue;
            }
            String loopStart = HM.format(p.start().atZone(zone).toLocalTime()
                    .minusSeconds((long) p.slot() * screen.slotSeconds()));
            boolean hit = atInstant != null && !p.start().isAfter(atInstant) && p.end().isAfter(atInstant);
            var slot = new Slot(HM.format(p.start().atZone(zone)) + ":"
                    + String.format("%02d", p.start().atZone(zone).getSecond()),
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
        pages.render(ctx, "review/day.jte", dayParams(screen, all, day, hour, at, hours(screen, day, page(ctx)),
                loopList, onAt));
    }

    private static Map<String, Object> dayParams(ScreenProfile screen, List<ScreenProfile> all, LocalDate day,
                                                 int hour, LocalTime at, List<HourCell> hours, List<Loop> loops,
                                                 Slot onAt) {
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
            out.computeIfAbsent("m:" + p.mediaId(), k -> review.mediaTitle(p.mediaId(), screen).orElse(p.mediaId()));
        }
        return out;
    }
}
