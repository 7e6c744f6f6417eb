package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.booking.BookingRepository;
import id.ihati.videotron.admin.review.feed.FeedRoutes;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The review feature's routes, registered with one line in {@code AdminApp}: the pages and the open feed. */
public final class ReviewFeature implements Routes {
    private final ReviewRoutes pages;
    private final FeedRoutes feed;

    public ReviewFeature(Jdbi jdbi, Clock clock, AuditLog audit, Templates templates, BookingRepository bookings,
                         ReviewService review) {
        this.pages = new ReviewRoutes(templates, clock, bookings, review);
        this.feed = new FeedRoutes(jdbi, clock, audit, templates, review);
    }

    @Override
    public void register(RoutesConfig routes) {
        pages.register(routes);
        feed.register(routes);
    }
}
