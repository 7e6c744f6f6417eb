package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.review.feed.FeedRoutes;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;

/**
 * The review feature's routes, registered with the server's other routes, one class per section: the schedule
 * ({@link ScheduleReviewRoutes}), bookings ({@link BookingReviewRoutes}), versions ({@link VersionReviewRoutes}),
 * planned versus delivered and exports ({@link DeliveryReviewRoutes}), comments ({@link CommentReviewRoutes}) and
 * the open feed ({@link FeedRoutes}). Every page is GET and open to REVIEWER, ADMIN and the editors; the one
 * write REVIEWER has is {@code POST /review/comments}. See {@code docs/review.md}.
 */
public final class ReviewRoutes implements Routes {
    /** Who may read the review pages. */
    public static final Role[] READERS = {Role.REVIEWER, Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    /** Who may write comments: the same people; for REVIEWER it is the only write there is. */
    public static final Role[] COMMENTERS = READERS;

    private final List<Routes> sections;

    public ReviewRoutes(ReviewService review, ReviewSources.BookingRecords bookingRecords, Templates templates,
                        org.jdbi.v3.core.Jdbi jdbi, AuditLog audit, Clock clock,
                        id.ihati.videotron.admin.ratelimit.SharedRateLimiter feedLimiter) {
        var pages = new ReviewPage(templates);
        this.sections = List.of(
                new ScheduleReviewRoutes(review, pages, clock),
                new BookingReviewRoutes(review, pages, bookingRecords),
                new VersionReviewRoutes(review, pages),
                new DeliveryReviewRoutes(review, pages, clock),
                new CommentReviewRoutes(review, pages, bookingRecords),
                new FeedRoutes(review, jdbi, audit, clock, feedLimiter));
    }

    @Override
    public void register(RoutesConfig routes) {
        sections.forEach(s -> s.register(routes));
    }
}
