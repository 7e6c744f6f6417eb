package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.comments.Comment;
import id.ihati.videotron.admin.review.comments.CommentService;
import id.ihati.videotron.admin.review.delivery.DeliveryCalculator;
import id.ihati.videotron.admin.review.delivery.DeliveryPlanner;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.delivery.Inputs.BookingInfo;
import id.ihati.videotron.admin.review.delivery.Inputs.PlannedDay;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.admin.review.feed.FeedRepository;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The review feature's service: plans and delivery reports over the sources, comments, and the open feed's
 * opt-in list. Built once per server over the sources the composition root connects
 * ({@link ReviewAdapters}).
 */
public final class ReviewService {
    /** Longest period a delivery report may cover, so one request cannot tie up the server. */
    public static final int MAX_DAYS = 92;
    private final Clock clock;
    private final CommentService comments;
    private final FeedRepository feed;
    private volatile ReviewSources sources;

    public ReviewService(Jdbi jdbi, Clock clock, AuditLog audit, ReviewSources sources) {
        this.clock = clock;
        this.sources = sources;
        this.comments = new CommentService(jdbi, clock, audit, this::subjectExists);
        this.feed = new FeedRepository(jdbi);
    }

    /** Replaces the sources (the benchmark and tests with data of their own). */
    public void useSources(ReviewSources sources) {
        this.sources = sources;
    }

    public ReviewSources sources() {
        return sources;
    }

    public CommentService comments() {
        return comments;
    }

    public FeedRepository feed() {
        return feed;
    }

    public Clock clock() {
        return clock;
    }

    public List<ScreenProfile> screens() {
        return sources().screens().all();
    }

    public Optional<ScreenProfile> screen(String id) {
        return id == null ? Optional.empty() : sources().screens().find(id);
    }

    /** Today in the zone of the first screen (WIB when there is none). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public ZoneId zone() {
        return screens().stream().findFirst().map(ScreenProfile::timeZone).orElse(ScreenProfile.DEFAULT_ZONE);
    }

    /** Schedule versions in force at some time of the local days {@code from}–{@code to} (widened by a day). */
    public List<VersionInForce> versions(LocalDate from, LocalDate to) {
        return sources().history().between(from.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                to.plusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /** Every booking of the latest version, and those of earlier versions in the range, by id. */
    public List<Booking> bookings(LocalDate from, LocalDate to) {
        Map<String, Booking> byId = new LinkedHashMap<>();
        for (VersionInForce v : versions(from, to)) {
            v.schedule().bookings().forEach(b -> byId.put(b.id(), b));
        }
        return new ArrayList<>(byId.values());
    }

    /** The bookings of the schedule in force now. */
    public List<Booking> currentBookings() {
        List<VersionInForce> v = sources().history().between(clock.instant(), clock.instant().plusSeconds(1));
        return v.isEmpty() ? List.of() : v.get(v.size() - 1).schedule().bookings();
    }

    public Optional<Booking> booking(String id) {
        LocalDate today = today();
        return bookings(today.minusDays(MAX_DAYS * 4L), today).stream().filter(b -> b.id().equals(id)).findFirst()
                .or(() -> currentBookings().stream().filter(b -> b.id().equals(id)).findFirst());
    }

    private DeliveryPlanner planner() {
        return new DeliveryPlanner(new TimelineResolver(), sources().media());
    }

    /** Every play of one screen in {@code [from, to)}, as the players run it. */
    public Timeline timeline(ScreenProfile screen, Instant from, Instant to) {
        LocalDate a = LocalDate.ofInstant(from, screen.timeZone());
        LocalDate b = LocalDate.ofInstant(to, screen.timeZone());
        return planner().timeline(screen, versions(a, b), from, to);
    }

    /**
     * Planned versus delivered over the given screens (all when empty) and local days, planned so far: plays
     * that start after now are not yet due and not counted.
     */
    public DeliveryReport delivery(List<ScreenProfile> screens, LocalDate from, LocalDate to) {
        List<VersionInForce> versions = versions(from, to);
        List<PlannedDay> plans = planner().plan(screens, versions, from, to);
        List<ScreenInfo> infos = screens.stream().map(s -> new ScreenInfo(s.id(), s.name(), s.timeZone())).toList();
        Instant start = from.atStartOfDay(zone()).toInstant().minusSeconds(86_400);
        Instant end = to.plusDays(2).atStartOfDay(zone()).toInstant();
        var ids = screens.stream().map(ScreenProfile::id).toList();
        ReviewSources.Proof proof = sources().proof();
        return DeliveryCalculator.compute(infos, bookingInfos(versions), plans, proof.counts(infos, from, to),
                proof.offline(ids, start, end), proof.chains(ids), from, to, clock.instant());
    }

    /** The plan alone (nothing reported yet counts): shares of screen time before anything played. */
    public DeliveryReport plannedOnly(List<ScreenProfile> screens, LocalDate from, LocalDate to) {
        List<VersionInForce> versions = versions(from, to);
        List<PlannedDay> plans = planner().plan(screens, versions, from, to);
        List<ScreenInfo> infos = screens.stream().map(s -> new ScreenInfo(s.id(), s.name(), s.timeZone())).toList();
        return DeliveryCalculator.compute(infos, bookingInfos(versions), plans, List.of(), List.of(), Map.of(),
                from, to);
    }

    private static List<BookingInfo> bookingInfos(List<VersionInForce> versions) {
        Map<String, BookingInfo> out = new LinkedHashMap<>();
        for (VersionInForce v : versions) {
            for (Booking b : v.schedule().bookings()) {
                out.put(b.id(), new BookingInfo(b.id(), b.title(), b.category(), b.ownerOrganisation()));
            }
            for (Alert a : v.schedule().alerts()) {
                out.put(a.id(), new BookingInfo(a.id(), a.title(), Category.ALERT, null));
            }
        }
        return new ArrayList<>(out.values());
    }

    private boolean subjectExists(Comment.Subject subject) {
        return switch (subject.type()) {
            case BOOKING -> booking(subject.id()).isPresent();
            case VERSION -> versionExists(subject.id());
        };
    }

    private boolean versionExists(String id) {
        try {
            long n = Long.parseLong(id);
            LocalDate today = today();
            return versions(today.minusDays(3650), today).stream().anyMatch(v -> v.version() == n);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
