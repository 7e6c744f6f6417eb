package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.playlists.assembly.InForce;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.validation.ScheduleValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of bookings, publishing and alerts: the booking feature's one entry, over its parts
 * ({@link Drafts}, {@link Publishing}, {@link Previews}, {@link Alerting}, {@link Boundaries}). Drafts change
 * nothing on the street; a publish or rollback appends an immutable {@link ScheduleVersion}, in one transaction
 * with its audit record, and then tells the listeners (the players). Each editor publishes their own category:
 * a health editor's publish takes the health drafts and keeps the city bookings exactly as last published, so
 * two editors never publish each other's half-work.
 */
public final class Scheduling implements ScheduleSource {
    private final Planner planner;
    private final ScreenRepository screens;
    private final UserRepository users;
    public final BookingRepository bookings;
    public final VersionRepository versions;
    public final AlertRepository alerts;
    public final DisplacementRepository displacements;
    private final Alerting alerting;
    private final Publishing publishing;
    private final Drafts drafts;
    private final Previews previews;
    private final Boundaries boundaries;
    private final List<ScheduleListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Scheduling(Jdbi jdbi, Clock clock, AuditLog audit, MediaCatalog mediaCatalog, ScreenRepository screens,
                      UserRepository users) {
        this.screens = screens;
        this.users = users;
        this.bookings = new BookingRepository(jdbi);
        this.versions = new VersionRepository(jdbi);
        this.alerts = new AlertRepository(jdbi);
        this.displacements = new DisplacementRepository(jdbi);
        this.planner = new Planner(mediaCatalog);
        this.alerting = new Alerting(jdbi, clock, audit, alerts, this::changed);
        this.publishing = new Publishing(jdbi, clock, audit, bookings, versions, displacements, planner, screens,
                alerting, this::changed);
        this.drafts = new Drafts(jdbi, clock, audit, bookings, mediaCatalog, screens, publishing);
        this.previews = new Previews(clock, planner, mediaCatalog, screens, bookings, versions, publishing, alerting,
                drafts);
        this.boundaries = new Boundaries(jdbi, clock, audit, bookings, alerts, this::changed);
    }

    /** Registers who is told after every change of what is on the street (the composition root: the players). */
    public void listen(ScheduleListener listener) {
        listeners.add(listener);
    }

    private void changed() {
        listeners.forEach(ScheduleListener::scheduleChanged);
    }

    /** The categories a role may book and publish. REVIEWER and CONTRIBUTOR get none. */
    public static Set<Category> categoriesOf(Role role) {
        return switch (role) {
            case ADMIN -> EnumSet.of(Category.HEALTH, Category.CITY);
            case HEALTH_EDITOR -> EnumSet.of(Category.HEALTH);
            case CITY_EDITOR -> EnumSet.of(Category.CITY);
            default -> EnumSet.noneOf(Category.class);
        };
    }

    /** Who may put up and cancel alerts: emergencies are health (Dinkes) or civil (the city), so both. */
    public static boolean mayAlert(Role role) {
        return role == Role.ADMIN || role == Role.HEALTH_EDITOR || role == Role.CITY_EDITOR;
    }

    public Planner planner() {
        return planner;
    }

    /** A fresh booking id. */
    public static String newBookingId() {
        return Drafts.newBookingId();
    }

    /**
     * Saves a new or changed booking as a draft. The booking's category must be one the actor may book; an
     * existing booking may only be changed within the actor's categories (and not moved out of them).
     */
    public BookingRecord saveDraft(User actor, Booking b) {
        return drafts.saveDraft(actor, b);
    }

    /**
     * The schedule rules of a booking, per target screen, by the playlists {@code ScheduleValidator} (items
     * approved and known to the library, not longer than the loop, a frequency that can be met), as form
     * problems on the fields "items", "frequency" and "targets". Empty when the booking may be saved.
     */
    public List<Problem> validate(Booking b) {
        return drafts.validate(b);
    }

    /**
     * Takes a booking out of the schedule: a draft that was never published is archived at once; a live one
     * is withdrawn and leaves the street at the next publish.
     */
    public void withdraw(User actor, String id) {
        drafts.withdraw(actor, id);
    }

    /** Throws away a draft's changes: back to the published booking, or archived if it was never published. */
    public void discardDraft(User actor, String id) {
        drafts.discardDraft(actor, id);
    }

    /** Bookings an editor works with: drafts, live and withdrawn ones (not archived or ended). */
    public List<BookingRecord> workingSet() {
        return drafts.workingSet();
    }

    public Optional<ScheduleVersion> latest() {
        return publishing.latest();
    }

    public Snapshot latestSnapshot() {
        return publishing.latestSnapshot();
    }

    public long latestNumber() {
        return publishing.latestNumber();
    }

    /** What a publish by {@code actor} would put on the street now. */
    public Snapshot pending(User actor) {
        return publishing.pending(actor);
    }

    /**
     * Publishes the actor's categories of the working set as a new version. {@code expectedVersion} is the
     * version the actor reviewed: if someone published since, nothing is written and the actor is asked to
     * review again (409), so no one publishes over a change they have not seen.
     */
    public ScheduleVersion publish(User actor, long expectedVersion, String note) {
        return publishing.publish(actor, expectedVersion, note);
    }

    /**
     * As {@link #publish(User, long, String)}; when the publish takes plays from other organisations' bookings
     * ({@link #displacedBy}), {@code displacementReason} is required and kept in the version with the bookings
     * it displaced, so their owners are told.
     */
    public ScheduleVersion publish(User actor, long expectedVersion, String note, String displacementReason) {
        return publishing.publish(actor, expectedVersion, note, displacementReason);
    }

    /**
     * Makes a new version equal to {@code target}. The street gets exactly the old schedule; the working set
     * follows it, except unpublished drafts, which stay drafts so no one's unfinished work is lost. Editors
     * may roll back only when every booking that changes is in their own category; the filler is ADMIN's.
     */
    public ScheduleVersion rollback(User actor, long target, long expectedVersion, String note) {
        return publishing.rollback(actor, target, expectedVersion, note);
    }

    /**
     * As {@link #rollback(User, long, long, String)}; restoring an old schedule can take plays from other
     * organisations' bookings too, and then needs {@code displacementReason} as a publish does.
     */
    public ScheduleVersion rollback(User actor, long target, long expectedVersion, String note,
                                    String displacementReason) {
        return publishing.rollback(actor, target, expectedVersion, note, displacementReason);
    }

    /** Sets the filler rotation (ADMIN) and publishes it at once, bookings unchanged. */
    public ScheduleVersion setFiller(User actor, Filler filler, long expectedVersion, String note) {
        return publishing.setFiller(actor, filler, expectedVersion, note);
    }

    /**
     * Other organisations' bookings that lose plays if {@code actor} publishes now (the publish page asks for
     * a reason when this is not empty).
     */
    public List<Displacement> displacedBy(User actor) {
        return publishing.displacedBy(actor);
    }

    /** Other organisations' bookings that would lose plays if {@code actor} restored {@code target} now. */
    public List<Displacement> displacedByRollback(User actor, long target) {
        return publishing.displacedByRollback(actor, target);
    }

    /**
     * Published bookings that lose plays to other bookings today on the live schedule, by id (for the booking
     * list, so a displaced booking does not simply read "live").
     */
    public Map<String, Displacement.Loss> displacedToday() {
        return publishing.displacedToday();
    }

    /** The diff between two versions (0 = the empty schedule), with plays per screen on {@code day}. */
    public ScheduleDiff diff(long from, long to, LocalDate day) {
        return previews.diff(from, to, day);
    }

    /** The diff between the latest version and what {@code actor} would publish now. */
    public ScheduleDiff pendingDiff(User actor, LocalDate day) {
        return previews.pendingDiff(actor, day);
    }

    /**
     * What {@code candidate} would get beside the published bookings and everyone's drafts: per target screen
     * on the booking's first playing day from today. {@code actor} is kept for a future per-role view.
     */
    public Preview preview(User actor, Booking candidate) {
        return previews.preview(actor, candidate);
    }

    /** What a publish by {@code actor} would put on every screen on {@code day}. */
    public Preview previewPublish(User actor, LocalDate day) {
        return previews.previewPublish(actor, day);
    }

    /**
     * The published plan's timeline of one screen and local day: each play under the version in force when
     * it starts, so a booking never shows in hours before it was published.
     */
    public Timeline publishedTimeline(ScreenProfile screen, LocalDate day) {
        return previews.publishedTimeline(screen, day);
    }

    /**
     * The published versions in force at some time of {@code [from, to)}, oldest first, each with the alerts
     * live now (alerts are not versioned).
     */
    public List<InForce> inForce(Instant from, Instant to) {
        return previews.inForce(from, to);
    }

    /**
     * What each booking gets on its screens on its first playing day from today ("Tergeser: 0 dari 1.440"):
     * a published booking under the published schedule, a draft under the published schedule with every
     * draft. Keyed by booking id.
     */
    public Map<String, BookingShare> shares(List<BookingRecord> records) {
        return previews.shares(records);
    }

    /**
     * The published plan's shortfalls on each screen's local day at {@code now}: the same figures the preview and
     * the publish page show (the dashboard's "my bookings that lost plays" notice reads them here).
     */
    public List<id.ihati.videotron.playlists.timeline.Shortfall> publishedShortfalls(Instant now) {
        return previews.publishedShortfalls(now);
    }

    /** Booking and alert ids to titles, for labels: the plan's, then the working set's, then live alerts. */
    public Map<String, String> sourceTitles(Planner.Plan plan) {
        return previews.sourceTitles(plan);
    }

    public Map<String, String> mediaTitles() {
        return previews.mediaTitles();
    }

    /** Puts up an alert; it is on the street as soon as the players hear of it (at once, over SSE). */
    public AlertRecord raiseAlert(User actor, Alert alert) {
        return alerting.raiseAlert(actor, alert);
    }

    /** Cancels a live alert at once; false if it had already ended or been cancelled. */
    public boolean cancelAlert(User actor, String id) {
        return alerting.cancelAlert(actor, id);
    }

    public List<Alert> liveAlerts() {
        return alerting.liveAlerts();
    }

    /**
     * Moves bookings and alerts across their start and end boundaries and, if anything moved, tells the
     * players (manifests already cover seven days, so this is for status lists and ETags). Returns how many
     * rows changed.
     */
    public int advanceClock() {
        return boundaries.advanceClock();
    }

    @Override
    public PublishedSchedule published() {
        return publishing.published();
    }

    /** For tests and the demo: what each screen plays on one day under the published plan. */
    public Map<String, ScreenDay> publishedDay(LocalDate day) {
        return previews.publishedDay(day);
    }

    // ---------------------------------------------------------------- seams to other features

    /** Every screen, for targets, previews and diffs. */
    public List<ScreenProfile> screens() {
        return screens.profiles();
    }

    /** Approved media that may be booked, for the picker. */
    public List<MediaChoice> approvedMedia() {
        return previews.approvedMedia();
    }

    /** Approved media of these categories, for the booking form of someone who books them. */
    public List<MediaChoice> approvedMedia(Set<Category> categories) {
        return previews.approvedMedia(categories);
    }

    public Optional<ScreenProfile> screen(String id) {
        return screens.profile(id);
    }

    /** People's display names by username, for "owner" labels (the username when unknown). */
    public Map<String, String> displayNames(java.util.Collection<String> usernames) {
        var out = new java.util.HashMap<String, String>();
        for (String u : new java.util.TreeSet<>(usernames)) {
            out.put(u, users.findByUsername(u).map(User::displayName).filter(n -> !n.isBlank()).orElse(u));
        }
        return out;
    }
}
