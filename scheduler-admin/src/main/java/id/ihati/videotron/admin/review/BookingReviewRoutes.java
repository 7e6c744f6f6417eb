package id.ihati.videotron.admin.review;

import static id.ihati.videotron.admin.review.ReviewPage.page;

import id.ihati.videotron.admin.booking.BookingRecord;
import id.ihati.videotron.admin.review.Views.BookingLine;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.web.PageContext;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bookings as partners read them: the list with status and comments, and one booking with its delivery. */
final class BookingReviewRoutes implements Routes {
    private final ReviewService review;
    private final ReviewPage pages;
    private final ReviewSources.BookingRecords records;

    BookingReviewRoutes(ReviewService review, ReviewPage pages, ReviewSources.BookingRecords records) {
        this.review = review;
        this.pages = pages;
        this.records = records;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/bookings", this::bookings, ReviewRoutes.READERS);
        routes.get("/review/bookings/{id}", this::booking, ReviewRoutes.READERS);
    }

    private void bookings(Context ctx) {
        LocalDate today = review.today();
        Map<String, Integer> counts = review.comments().countsBy(Subject.Type.BOOKING);
        // The schedule in force, then what the bookings feature has beyond it (drafts, withdrawn, ended).
        Map<String, BookingRecord> byStatus = records.all();
        var byId = new LinkedHashMap<String, Booking>();
        review.currentBookings().forEach(b -> byId.put(b.id(), b));
        byStatus.values().forEach(r -> byId.putIfAbsent(r.id(), r.booking()));
        var lines = byId.values().stream().map(b -> {
            BookingLine l = bookingLine(ctx, b, today, counts);
            var r = byStatus.get(b.id());
            return r == null ? l : new BookingLine(b, r.status().name(), l.targets(), l.windows(), l.frequency(),
                    l.comments());
        }).toList();
        pages.render(ctx, "review/bookings.jte", Map.of("bookings", lines));
    }

    private BookingLine bookingLine(Context ctx, Booking b, LocalDate today, Map<String, Integer> counts) {
        PageContext page = page(ctx);
        String status = today.isBefore(b.dateFrom()) ? "upcoming" : today.isAfter(b.dateTo()) ? "ended" : "running";
        String targets = b.targets().allScreens() ? page.t("review.targets.all")
                : String.join(", ", b.targets().screens().stream().map(id -> review.screen(id).map(ScreenProfile::name)
                .orElse(id)).sorted().toList())
                + (b.targets().groups().isEmpty() ? "" : " " + page.t("review.targets.groups",
                String.join(", ", b.targets().groups().stream().sorted().toList())));
        String hours = Views.playableHours(b, review.screens().stream().filter(sc -> b.targets().includes(sc))
                .toList(), today);
        return new BookingLine(b, status, targets.strip(), hours, Views.frequency(page, b.frequency()),
                counts.getOrDefault(b.id(), 0));
    }

    private void booking(Context ctx) {
        Booking b = review.booking(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        LocalDate today = review.today();
        LocalDate from = b.dateFrom().isAfter(today) ? b.dateFrom() : later(b.dateFrom(), today.minusDays(29));
        LocalDate to = earlier(b.dateTo(), later(from, today));
        DeliveryReport report = review.delivery(review.screens().stream().filter(sc -> b.targets().includes(sc))
                .toList(), from, to).onlyBooking(b.id());
        var subject = new Subject(Subject.Type.BOOKING, b.id());
        pages.render(ctx, "review/booking.jte", Map.of("line", bookingLine(ctx, b, today, Map.of()), "report",
                report, "threads", review.comments().repository().threads(subject), "subject", subject));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
