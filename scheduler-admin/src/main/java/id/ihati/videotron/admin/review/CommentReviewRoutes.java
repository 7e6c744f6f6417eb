package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Comments on bookings and schedule versions (the one write REVIEWER has), and the open feed's switch page. */
final class CommentReviewRoutes implements Routes {
    private final ReviewService review;
    private final ReviewPage pages;
    private final ReviewSources.BookingRecords records;

    CommentReviewRoutes(ReviewService review, ReviewPage pages, ReviewSources.BookingRecords records) {
        this.review = review;
        this.pages = pages;
        this.records = records;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/comments", this::comments, ReviewRoutes.READERS);
        routes.post("/review/comments", this::addComment, ReviewRoutes.COMMENTERS);
        routes.get("/review/feed", this::feed, ReviewRoutes.READERS);
    }

    private void comments(Context ctx) {
        var threads = review.comments().repository().latestThreads(100);
        // The list names each booking by its title, as staff know it (archived bookings included).
        var titles = new HashMap<String, String>();
        threads.stream().map(t -> t.first().subject()).filter(x -> x.type() == Subject.Type.BOOKING)
                .forEach(x -> records.find(x.id()).ifPresent(r -> titles.put(x.id(), r.booking().title())));
        pages.render(ctx, "review/comments.jte", Map.of("threads", threads, "bookingTitles", titles));
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
        String back = type == Subject.Type.BOOKING ? "/review/bookings/" + ReviewPage.enc(id)
                : "/review/versions/" + ReviewPage.enc(id);
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
            Pages.redirectWithFlash(ctx, back + "#comments", e.problems().stream()
                    .anyMatch(x -> "body".equals(x.field())) ? "review.comment.empty" : "review.comment.noSubject");
            return;
        }
        Pages.redirectWithFlash(ctx, back + "#comments", "review.comment.saved");
    }

    private void feed(Context ctx) {
        var opened = new HashMap<String, String>();
        review.feed().all().forEach(f -> opened.put(f.screenId(), f.slug()));
        pages.render(ctx, "review/feed.jte", Map.of("screens", review.screens(), "opened", opened));
    }
}
