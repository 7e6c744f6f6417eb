package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.BookingOutcome;
import id.ihati.videotron.playlists.assembly.InForce;
import id.ihati.videotron.playlists.assembly.Schedule;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Previews and plans: what a booking or a publish would get on each screen, diffs between versions with their
 * plays, the published timeline and shortfalls, and the labels the pages show them with.
 */
final class Previews {
    private static final Logger log = LoggerFactory.getLogger(Previews.class);
    private final Clock clock;
    private final Planner planner;
    private final MediaCatalog mediaCatalog;
    private final ScreenRepository screens;
    private final BookingRepository bookings;
    private final VersionRepository versions;
    private final Publishing publishing;
    private final Alerting alerting;
    private final Drafts drafts;

    Previews(Clock clock, Planner planner, MediaCatalog mediaCatalog, ScreenRepository screens,
             BookingRepository bookings, VersionRepository versions, Publishing publishing, Alerting alerting,
             Drafts drafts) {
        this.clock = clock;
        this.planner = planner;
        this.mediaCatalog = mediaCatalog;
        this.screens = screens;
        this.bookings = bookings;
        this.versions = versions;
        this.publishing = publishing;
        this.alerting = alerting;
        this.drafts = drafts;
    }

    /** The diff between two versions (0 = the empty schedule), with plays per screen on {@code day}. */
    public ScheduleDiff diff(long from, long to, LocalDate day) {
        Snapshot a = from == 0 ? Snapshot.EMPTY : versions.find(from).map(ScheduleVersion::snapshot)
                .orElseThrow(() -> ValidationException.of("from", "schedule.versionNotFound", from));
        Snapshot b = to == 0 ? Snapshot.EMPTY : versions.find(to).map(ScheduleVersion::snapshot)
                .orElseThrow(() -> ValidationException.of("to", "schedule.versionNotFound", to));
        return diff(from, a, to, b, day);
    }

    /** The diff between the latest version and what {@code actor} would publish now. */
    public ScheduleDiff pendingDiff(User actor, LocalDate day) {
        long latest = latestNumber();
        return diff(latest, latestSnapshot(), -1, pending(actor), day);
    }

    private ScheduleDiff diff(long fromV, Snapshot a, long toV, Snapshot b, LocalDate day) {
        var shape = ScheduleDiff.between(fromV, a, toV, b, List.of());
        var deltas = new ArrayList<ScheduleDiff.ScreenDelta>();
        if (!shape.empty()) {
            List<Alert> live = alerting.liveAlerts();
            for (ScreenProfile screen : screens.profiles()) {
                ScreenDay before = planner.day(Planner.Plan.of(a, live, fromV), screen, day);
                ScreenDay after = planner.day(Planner.Plan.of(b, live, toV), screen, day);
                deltas.add(new ScheduleDiff.ScreenDelta(screen.id(), screen.name(), day,
                        before.playsByCategory(), after.playsByCategory(),
                        before.playsByBooking(), after.playsByBooking()));
            }
        }
        return new ScheduleDiff(fromV, toV, shape.added(), shape.changed(), shape.removed(), shape.fillerChanged(),
                deltas);
    }

    /**
     * What {@code candidate} would get beside the published bookings and everyone's drafts: per target screen
     * on the booking's first playing day from today. {@code actor} is kept for a future per-role view.
     */
    public Preview preview(User actor, Booking candidate) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE);
        LocalDate day = Preview.firstDay(candidate, today);
        var plan = new Planner.Plan(nearFuture(candidate), alerting.liveAlerts(), latestSnapshot().filler(), -1);
        var screens = this.screens.profiles().stream().filter(x -> candidate.targets().includes(x)).toList();
        return preview(plan, screens, day, candidate);
    }

    /**
     * Everything that may soon be on the street: the published bookings, every editor's drafts (a health
     * editor sees the city's pending bookings too: conflicts show up here, not on the street) and
     * {@code candidate} (if not null).
     */
    private List<Booking> nearFuture(Booking candidate) {
        var byId = new java.util.LinkedHashMap<String, Booking>();
        latestSnapshot().bookings().forEach(b -> byId.put(b.id(), b));
        bookings.withStatus(List.of(BookingStatus.DRAFT, BookingStatus.PUBLISHED))
                .forEach(r -> byId.put(r.id(), r.booking()));
        bookings.withStatus(List.of(BookingStatus.WITHDRAWN)).forEach(r -> byId.remove(r.id()));
        if (candidate != null) {
            byId.put(candidate.id(), candidate);
        }
        return new ArrayList<>(byId.values());
    }

    /** What a publish by {@code actor} would put on every screen on {@code day}. */
    public Preview previewPublish(User actor, LocalDate day) {
        var plan = Planner.Plan.of(pending(actor), alerting.liveAlerts(), -1);
        return preview(plan, screens.profiles(), day, null);
    }

    private Preview preview(Planner.Plan plan, List<ScreenProfile> screens, LocalDate day, Booking focus) {
        Map<String, String> titles = sourceTitles(plan);
        Map<String, String> media = mediaTitles();
        Map<String, Category> categories = new java.util.HashMap<>();
        plan.bookings().forEach(b -> categories.put(b.id(), b.category()));
        var out = new ArrayList<Preview.ScreenPreview>();
        for (ScreenProfile screen : screens) {
            ScreenDay d = planner.day(plan, screen, day);
            var conflicts = new ArrayList<Preview.Conflict>();
            var dark = new ArrayList<Preview.Conflict>();
            for (BookingOutcome o : d.bookings()) {
                var c = new Preview.Conflict(o, titles.getOrDefault(o.bookingId(), o.bookingId()),
                        categories.getOrDefault(o.bookingId(), Category.FILLER),
                        o.lostTo().stream().map(x -> titles.getOrDefault(x, x)).toList());
                if (o.displaced() > 0) {
                    conflicts.add(c);
                } else if (o.reason() == Shortfall.Reason.OUTSIDE_OPERATING_HOURS) {
                    dark.add(c);
                }
            }
            int plays = focus == null ? 0 : d.plays(focus.id());
            int requested = focus == null ? 0 : d.outcome(focus.id()).map(BookingOutcome::asked).orElse(plays);
            int loop = sampleLoop(screen, focus);
            var strips = LoopStrip.of(Planner.timeline(d), screen, day, loop, loop + 1, media, titles, null);
            out.add(new Preview.ScreenPreview(screen, plays, Math.max(plays, requested), d.playsByCategory(),
                    d.sharePercent(), conflicts, dark, d.shares(), strips.isEmpty() ? null : strips.get(0)));
        }
        return new Preview(day, out);
    }

    /** The loop at the start of the booking's first window (or at 08:00 for a whole plan). */
    private static int sampleLoop(ScreenProfile screen, Booking focus) {
        int second = focus == null ? 8 * 3600 : focus.windows().get(0).from().toSecondOfDay();
        if (focus != null && focus.windows().get(0).equals(id.ihati.videotron.playlists.schedule.TimeWindow.ALL_DAY)) {
            second = 8 * 3600;
        }
        return second / screen.loopSeconds();
    }

    /**
     * The published plan's timeline of one screen and local day: each play under the version in force when
     * it starts, so a booking never shows in hours before it was published.
     */
    public Timeline publishedTimeline(ScreenProfile screen, LocalDate day) {
        Instant from = day.atStartOfDay(screen.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        return Assembler.timeline(inForce(from, to), mediaCatalog::forScreen, screen, from, to);
    }

    /**
     * The published versions in force at some time of {@code [from, to)}, oldest first, each with the alerts
     * live now (alerts are not versioned).
     */
    public List<InForce> inForce(Instant from, Instant to) {
        List<Alert> live = alerting.liveAlerts();
        var all = new ArrayList<>(versions.list(100_000));
        all.sort(java.util.Comparator.comparingLong(ScheduleVersion::version));
        var out = new ArrayList<InForce>();
        for (int i = 0; i < all.size(); i++) {
            ScheduleVersion v = all.get(i);
            boolean endsBefore = i + 1 < all.size() && !all.get(i + 1).publishedAt().isAfter(from);
            if (!endsBefore && v.publishedAt().isBefore(to)) {
                // The list holds no snapshots: read the few versions in force.
                Snapshot snap = versions.find(v.version()).map(ScheduleVersion::snapshot).orElse(Snapshot.EMPTY);
                out.add(new InForce(new Schedule(v.version(), snap.bookings(), live, snap.filler()), v.publishedAt()));
            }
        }
        return out;
    }

    /**
     * What each booking gets on its screens on its first playing day from today ("Tergeser: 0 dari 1.440"):
     * a published booking under the published schedule, a draft under the published schedule with every
     * draft. Keyed by booking id.
     */
    public Map<String, BookingShare> shares(List<BookingRecord> records) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE);
        var published = Planner.Plan.of(latestSnapshot(), alerting.liveAlerts(), latestNumber());
        Planner.Plan drafts = null;
        List<ScreenProfile> screens = this.screens.profiles();
        var names = new java.util.HashMap<String, String>();
        screens.forEach(x -> names.put(x.id(), x.name()));
        Map<String, String> titles = sourceTitles(published);
        var days = new java.util.HashMap<String, ScreenDay>();
        var out = new java.util.LinkedHashMap<String, BookingShare>();
        for (BookingRecord r : records) {
            Booking b = r.booking();
            boolean live = r.status() == BookingStatus.PUBLISHED && latestSnapshot().booking(b.id()).isPresent();
            if (!live && drafts == null) {
                drafts = new Planner.Plan(nearFuture(null), alerting.liveAlerts(), latestSnapshot().filler(), -1);
            }
            Planner.Plan plan = live ? published : drafts;
            LocalDate day = Preview.firstDay(b, today);
            var outcomes = new ArrayList<BookingOutcome>();
            for (ScreenProfile sc : screens) {
                if (b.targets().includes(sc)) {
                    ScreenDay d = days.computeIfAbsent(live + "|" + day + "|" + sc.id(),
                            k -> planner.day(plan, sc, day));
                    d.outcome(b.id()).ifPresent(outcomes::add);
                }
            }
            out.put(b.id(), new BookingShare(b.id(), day, outcomes, titles, names));
        }
        return out;
    }

    /**
     * The published plan's shortfalls on each screen's local day at {@code now}: the same figures the preview and
     * the publish page show (the dashboard's "my bookings that lost plays" notice reads them here).
     */
    public List<id.ihati.videotron.playlists.timeline.Shortfall> publishedShortfalls(Instant now) {
        var out = new ArrayList<id.ihati.videotron.playlists.timeline.Shortfall>();
        for (ScreenProfile screen : screens.profiles()) {
            LocalDate day = LocalDate.ofInstant(now, screen.timeZone());
            publishedTimeline(screen, day).shortfalls().stream().filter(x -> x.day().equals(day)).forEach(out::add);
        }
        return out;
    }

    /** Booking and alert ids to titles, for labels: the plan's, then the working set's, then live alerts. */
    public Map<String, String> sourceTitles(Planner.Plan plan) {
        var titles = new java.util.HashMap<String, String>();
        workingSet().forEach(r -> titles.put(r.id(), r.booking().title()));
        plan.bookings().forEach(b -> titles.put(b.id(), b.title()));
        plan.alerts().forEach(a -> titles.put(a.id(), a.title()));
        return titles;
    }

    public Map<String, String> mediaTitles() {
        var titles = new java.util.HashMap<String, String>();
        approvedMedia().forEach(m -> titles.put(m.id(), m.title()));
        return titles;
    }

    /** Approved media that may be booked, for the picker. */
    public List<MediaChoice> approvedMedia() {
        var out = new ArrayList<MediaChoice>();
        for (Category c : Category.values()) {
            mediaCatalog.approved(c).forEach(m -> out.add(new MediaChoice(m.id(), m.title(), m.kind(),
                    m.playMillis(), m.category(), m.thumbnailUrl())));
        }
        return out;
    }

    /** Approved media of these categories, for the booking form of someone who books them. */
    public List<MediaChoice> approvedMedia(Set<Category> categories) {
        return approvedMedia().stream().filter(m -> categories.contains(m.category())).toList();
    }

    /** For tests and the demo: what each screen plays on one day under the published plan. */
    public Map<String, ScreenDay> publishedDay(LocalDate day) {
        var plan = Planner.Plan.of(latestSnapshot(), alerting.liveAlerts(), latestNumber());
        var out = new java.util.LinkedHashMap<String, ScreenDay>();
        for (ScreenProfile sc : screens.profiles()) {
            out.put(sc.id(), planner.day(plan, sc, day));
        }
        return out;
    }

    private Snapshot latestSnapshot() {
        return publishing.latestSnapshot();
    }

    private long latestNumber() {
        return publishing.latestNumber();
    }

    private Snapshot pending(User actor) {
        return publishing.pending(actor);
    }

    private List<BookingRecord> workingSet() {
        return drafts.workingSet();
    }
}
