package id.ihati.videotron.admin.review.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.web.Json;
import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.ratelimit.SharedRateLimiter;
import id.ihati.videotron.admin.ratelimit.SlidingWindow;
import id.ihati.videotron.admin.review.ReviewService;
import id.ihati.videotron.admin.review.export.ICalendar;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Timeline;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The open feed ({@code /api/open/v1/…}, anyone, GET only) and the ADMIN's switch that opens a screen to it
 * ({@code POST /review/feed/{screenId}}).
 */
public final class FeedRoutes implements Routes {
    /**
     * A client may make 60 requests in any minute, counted in the database ({@code ratelimit.SharedRateLimiter}):
     * behind a load balancer every node counts the same requests.
     */
    public static final SlidingWindow LIMIT = new SlidingWindow("open-feed", 60, Duration.ofMinutes(1));
    private static final String CACHE = "public, max-age=30";
    private final ReviewService review;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final SharedRateLimiter rateLimiter;
    private final ObjectMapper json = Json.mapper();

    public FeedRoutes(ReviewService review, Jdbi jdbi, AuditLog audit, Clock clock, SharedRateLimiter rateLimiter) {
        this.review = review;
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/open/v1/screens", ctx -> {
            checkRate(ctx);
            var list = new ArrayList<OpenFeed.ScreenSummary>();
            Instant now = clock.instant();
            for (FeedRepository.FeedScreen f : review.feed().all()) {
                review.screen(f.screenId()).ifPresent(screen -> list.add(OpenFeed.summary(screen, f.slug(),
                        nowWindow(screen, now), now, bookings(screen), alerts(screen), titles(screen))));
            }
            answer(ctx, new OpenFeed.ScreenList(list));
        }, Role.PUBLIC);
        routes.get("/api/open/v1/screens/{slug}", ctx -> {
            checkRate(ctx);
            ScreenProfile screen = opened(ctx.pathParam("slug"));
            Instant now = clock.instant();
            LocalDate day = LocalDate.ofInstant(now, screen.timeZone());
            Timeline today = review.timeline(screen, day.atStartOfDay(screen.timeZone()).toInstant(),
                    day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant());
            answer(ctx, OpenFeed.day(screen, ctx.pathParam("slug"), day, today, now, bookings(screen), alerts(screen),
                    titles(screen)));
        }, Role.PUBLIC);
        routes.get("/api/open/v1/screens/{slug}/bookings.ics", ctx -> {
            checkRate(ctx);
            ScreenProfile screen = opened(ctx.pathParam("slug"));
            byte[] body = ICalendar.write(screen, bookings(screen), clock.instant(), true);
            cacheable(ctx, body, "text/calendar; charset=utf-8");
        }, Role.PUBLIC);

        routes.post("/review/feed/{screenId}", ctx -> {
            var user = Access.requireUser(ctx);
            ScreenProfile screen = review.screen(ctx.pathParam("screenId")).orElseThrow(NotFoundResponse::new);
            boolean open = "true".equals(ctx.formParam("open"));
            jdbi.useTransaction(h -> {
                if (open) {
                    String slug = review.feed().enable(h, screen.id(), screen.name(), user.username(), clock.instant());
                    audit.record(h, user.username(), "review.feed.open", "screen", screen.id(), "slug " + slug);
                } else if (review.feed().disable(h, screen.id())) {
                    audit.record(h, user.username(), "review.feed.close", "screen", screen.id(), null);
                }
            });
            Pages.redirectWithFlash(ctx, "/review/feed", open ? "review.feed.opened" : "review.feed.closed");
        }, Role.ADMIN);
    }

    /** Refuses with 429 and Retry-After when the client is over its rate. */
    private void checkRate(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        long wait = rateLimiter.acquire(LIMIT, ctx.ip());
        if (wait == 0) {
            return;
        }
        ctx.header("Retry-After", Long.toString(wait));
        // Answered by the app's error handling, as JSON: every route here is under /api/.
        throw new ValidationException(429, List.of(Problem.of(null, "review.feed.tooMany", wait)));
    }

    private ScreenProfile opened(String slug) {
        return review.feed().screenIdForSlug(slug).flatMap(review::screen)
                .orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "review.feed.unknown"))));
    }

    private void answer(Context ctx, Object document) throws JsonProcessingException {
        cacheable(ctx, json.writeValueAsBytes(document), "application/json; charset=utf-8");
    }

    /** Sends {@code body} with a strong ETag, or 304 when the client has it already. */
    private static void cacheable(Context ctx, byte[] body, String type) {
        String etag = "\"" + sha256(body).substring(0, 32) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", CACHE);
        String sent = ctx.header("If-None-Match");
        if (sent != null && List.of(sent.split("\\s*,\\s*")).contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(type).result(body);
    }

    private Timeline nowWindow(ScreenProfile screen, Instant now) {
        return review.timeline(screen, now, now.plusSeconds(1));
    }

    private List<Booking> bookings(ScreenProfile screen) {
        return review.currentBookings().stream().filter(b -> b.targets().includes(screen)).toList();
    }

    private List<Alert> alerts(ScreenProfile screen) {
        return review.alertsInForce();
    }

    private Function<String, String> titles(ScreenProfile screen) {
        Map<String, String> cache = new java.util.HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> review.mediaTitle(k, screen).orElse("Konten"));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
