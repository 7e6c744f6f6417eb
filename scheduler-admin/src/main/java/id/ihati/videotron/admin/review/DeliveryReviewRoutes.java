package id.ihati.videotron.admin.review;

import static id.ihati.videotron.admin.review.ReviewPage.page;

import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.export.CsvExport;
import id.ihati.videotron.admin.review.export.ICalendar;
import id.ihati.videotron.admin.review.export.PdfExport;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Planned versus delivered, on the page and as CSV and PDF, and each screen's bookings as iCalendar. */
final class DeliveryReviewRoutes implements Routes {
    private final ReviewService review;
    private final ReviewPage pages;
    private final Clock clock;

    DeliveryReviewRoutes(ReviewService review, ReviewPage pages, Clock clock) {
        this.review = review;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/delivery", this::delivery, ReviewRoutes.READERS);
        routes.get("/review/delivery.csv", this::csv, ReviewRoutes.READERS);
        routes.get("/review/delivery.pdf", this::pdf, ReviewRoutes.READERS);
        routes.get("/review/screens/{id}/bookings.ics", this::ics, ReviewRoutes.READERS);
    }

    /** The report the query asks for: period, and optionally one screen or one booking. */
    private record Query(LocalDate from, LocalDate to, ScreenProfile screen, Booking booking, DeliveryReport report) {
        String scope(PageContext page) {
            return screen != null ? page.t("review.scope.screen", screen.name())
                    : booking != null ? page.t("review.scope.booking", booking.title()) : page.t("review.scope.all");
        }

        String query() {
            return "from=" + from + "&to=" + to + (screen == null ? "" : "&screen=" + ReviewPage.enc(screen.id()))
                    + (booking == null ? "" : "&booking=" + ReviewPage.enc(booking.id()));
        }

        String fileName() {
            String scope = screen != null ? screen.id() : booking != null ? booking.id() : "semua-layar";
            return "laporan-penayangan-" + scope.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + from + "-" + to;
        }
    }

    private Query query(Context ctx) {
        LocalDate today = review.today();
        LocalDate from = ReviewPage.date(ctx, "from", today.withDayOfMonth(1));
        LocalDate to = ReviewPage.date(ctx, "to", today);
        ReviewPage.checkPeriod(from, to);
        String screenId = Params.text(ctx.queryParam("screen"));
        String bookingId = Params.text(ctx.queryParam("booking"));
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
            pages.render(ctx, "review/delivery.jte", page.withProblems(e.problems()), deliveryParams(ctx, null, page));
            return;
        }
        pages.render(ctx, "review/delivery.jte", page, deliveryParams(ctx, q, page));
    }

    private Map<String, Object> deliveryParams(Context ctx, Query q, PageContext page) {
        var m = new HashMap<String, Object>();
        m.put("screens", review.screens());
        m.put("bookings", review.currentBookings());
        m.put("from", q == null ? Objects.toString(ctx.queryParam("from"), "") : q.from().toString());
        m.put("to", q == null ? Objects.toString(ctx.queryParam("to"), "") : q.to().toString());
        m.put("screen", q == null || q.screen() == null ? Objects.toString(ctx.queryParam("screen"), "")
                : q.screen().id());
        m.put("booking", q == null || q.booking() == null ? Objects.toString(ctx.queryParam("booking"), "")
                : q.booking().id());
        m.put("report", q == null ? null : q.report());
        m.put("scope", q == null ? "" : q.scope(page));
        m.put("query", q == null ? "" : q.query());
        m.put("showRows", q != null && (q.screen() != null || q.booking() != null));
        return m;
    }

    private void csv(Context ctx) {
        Query q = query(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + q.fileName() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(CsvExport.write(q.report(), page(ctx).locale()));
    }

    private void pdf(Context ctx) {
        Query q = query(ctx);
        PageContext page = page(ctx);
        byte[] pdf = PdfExport.write(q.report(), q.scope(page), clock.instant(), review.zone(), page.locale());
        ctx.header("Content-Disposition", "attachment; filename=\"" + q.fileName() + ".pdf\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    private void ics(Context ctx) {
        ScreenProfile screen = review.screen(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        byte[] body = ICalendar.write(screen, review.currentBookings(), clock.instant(), false);
        ctx.header("Content-Disposition", "attachment; filename=\"jadwal-"
                + screen.id().replaceAll("[^A-Za-z0-9_-]", "_") + ".ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(body);
    }
}
