package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.BookingOutcome;
import id.ihati.videotron.playlists.assembly.InForce;
import id.ihati.videotron.playlists.assembly.Schedule;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.validation.FieldError;
import id.ihati.videotron.playlists.validation.ScheduleValidator;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of bookings, publishing and alerts. Drafts change nothing on the street; a publish or rollback
 * appends an immutable {@link ScheduleVersion}, in one transaction with its audit record, and then tells the
 * players. Each editor publishes their own category: a health editor's publish takes the health drafts and
 * keeps the city bookings exactly as last published, so two editors never publish each other's half-work.
 */
public final class Scheduling implements ScheduleSource {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private final Services s;
    public final BookingRepository bookings;
    public final VersionRepository versions;
    public final AlertRepository alerts;
    public final DisplacementRepository displacements;
    private volatile ScheduleVersion cached;

    public Scheduling(Services services) {
        this.s = services;
        this.bookings = new BookingRepository(services.jdbi);
        this.versions = new VersionRepository(services.jdbi);
        this.alerts = new AlertRepository(services.jdbi);
        this.displacements = new DisplacementRepository(services.jdbi);
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
        return new Planner(s.mediaCatalog);
    }

    // ---------------------------------------------------------------- drafts

    /** A fresh booking id. */
    public static String newBookingId() {
        return "bk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Saves a new or changed booking as a draft. The booking's category must be one the actor may book; an
     * existing booking may only be changed within the actor's categories (and not moved out of them).
     */
    public BookingRecord saveDraft(User actor, Booking b) {
        requireCategory(actor, b.category(), "category");
        List<Problem> problems = validate(b);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = s.clock.instant();
        s.jdbi.useTransaction(h -> {
            var existing = bookings.find(h, b.id());
            if (existing.isPresent()) {
                requireCategory(actor, existing.get().booking().category(), "category");
                if (existing.get().status() == BookingStatus.ARCHIVED || existing.get().status() == BookingStatus.ENDED) {
                    throw ValidationException.of(null, "booking.notEditable");
                }
                bookings.update(h, b, BookingStatus.DRAFT, actor.username(), now);
                s.audit.record(h, actor.username(), "BOOKING_UPDATE", "booking", b.id(), b.title());
            } else {
                bookings.insert(h, b, BookingStatus.DRAFT, actor.username(), now);
                s.audit.record(h, actor.username(), "BOOKING_CREATE", "booking", b.id(), b.title());
            }
        });
        log.info("{} saved draft booking {} ({})", actor.username(), b.id(), b.title());
        return bookings.find(b.id()).orElseThrow();
    }

    /**
     * The schedule rules of a booking, per target screen, by the playlists {@code ScheduleValidator} (items
     * approved and known to the library, not longer than the loop, a frequency that can be met), as form
     * problems on the fields "items", "frequency" and "targets". Empty when the booking may be saved.
     */
    public List<Problem> validate(Booking b) {
        var problems = new java.util.LinkedHashMap<String, Problem>();
        List<ScreenProfile> targeted = screens().stream().filter(x -> b.targets().includes(x)).toList();
        if (targeted.isEmpty()) {
            problems.put("targets", Problem.of("targets", "booking.targets.noneMatch"));
        }
        for (ScreenProfile screen : targeted) {
            var media = new java.util.HashMap<String, id.ihati.videotron.playlists.schedule.Media>();
            for (String id : b.items()) {
                s.mediaCatalog.forScreen(id, screen).ifPresent(m -> media.put(id, m));
            }
            for (FieldError e : ScheduleValidator.validate(b, media, screen)) {
                String field = e.path().startsWith("items") ? "items"
                        : e.path().startsWith("frequency") ? "frequency" : "";
                problems.putIfAbsent(field + "|" + e.message(), new Problem(field, e.message(), e.messageEn()));
            }
        }
        return List.copyOf(problems.values());
    }

    /**
     * Takes a booking out of the schedule: a draft that was never published is archived at once; a live one
     * is withdrawn and leaves the street at the next publish.
     */
    public void withdraw(User actor, String id) {
        Instant now = s.clock.instant();
        boolean live = latestSnapshot().booking(id).isPresent();
        s.jdbi.useTransaction(h -> {
            BookingRecord r = bookings.find(h, id).orElseThrow(() -> ValidationException.of(null, "booking.notFound"));
            requireCategory(actor, r.booking().category(), null);
            if (!r.status().inWorkingSet()) {
                throw ValidationException.of(null, "booking.notEditable");
            }
            BookingStatus next = live ? BookingStatus.WITHDRAWN : BookingStatus.ARCHIVED;
            bookings.setStatus(h, id, next, actor.username(), now);
            s.audit.record(h, actor.username(), "BOOKING_WITHDRAW", "booking", id, next.name());
        });
    }

    /** Throws away a draft's changes: back to the published booking, or archived if it was never published. */
    public void discardDraft(User actor, String id) {
        Instant now = s.clock.instant();
        Optional<Booking> published = latestSnapshot().booking(id);
        s.jdbi.useTransaction(h -> {
            BookingRecord r = bookings.find(h, id).orElseThrow(() -> ValidationException.of(null, "booking.notFound"));
            requireCategory(actor, r.booking().category(), null);
            if (r.status() != BookingStatus.DRAFT && r.status() != BookingStatus.WITHDRAWN) {
                throw ValidationException.of(null, "booking.notEditable");
            }
            if (published.isPresent()) {
                bookings.update(h, published.get(), BookingStatus.PUBLISHED, actor.username(), now);
            } else {
                bookings.setStatus(h, id, BookingStatus.ARCHIVED, actor.username(), now);
            }
            s.audit.record(h, actor.username(), "BOOKING_DISCARD", "booking", id, null);
        });
    }

    /** Bookings an editor works with: drafts, live and withdrawn ones (not archived or ended). */
    public List<BookingRecord> workingSet() {
        return bookings.withStatus(List.of(BookingStatus.DRAFT, BookingStatus.PUBLISHED, BookingStatus.WITHDRAWN));
    }

    // ---------------------------------------------------------------- versions

    public Optional<ScheduleVersion> latest() {
        long n = versions.latestNumber();
        ScheduleVersion c = cached;
        if (c != null && c.version() == n) {
            return Optional.of(c);
        }
        Optional<ScheduleVersion> v = n == 0 ? Optional.empty() : versions.find(n);
        v.ifPresent(x -> cached = x);
        return v;
    }

    public Snapshot latestSnapshot() {
        return latest().map(ScheduleVersion::snapshot).orElse(Snapshot.EMPTY);
    }

    public long latestNumber() {
        return versions.latestNumber();
    }

    /** What a publish by {@code actor} would put on the street now. */
    public Snapshot pending(User actor) {
        return s.jdbi.withHandle(h -> pending(h, actor.role(), snapshotOf(h, VersionRepository.latestNumber(h))));
    }

    private Snapshot pending(Handle h, Role role, Snapshot previous) {
        Set<Category> mine = categoriesOf(role);
        var next = new ArrayList<Booking>();
        previous.bookings().stream().filter(b -> !mine.contains(b.category())).forEach(next::add);
        bookings.withStatus(h, List.of(BookingStatus.DRAFT, BookingStatus.PUBLISHED)).stream()
                .map(BookingRecord::booking).filter(b -> mine.contains(b.category())).forEach(next::add);
        return new Snapshot(next, previous.filler());
    }

    /**
     * Publishes the actor's categories of the working set as a new version. {@code expectedVersion} is the
     * version the actor reviewed: if someone published since, nothing is written and the actor is asked to
     * review again (409), so no one publishes over a change they have not seen.
     */
    public ScheduleVersion publish(User actor, long expectedVersion, String note) {
        return publish(actor, expectedVersion, note, null);
    }

    /**
     * As {@link #publish(User, long, String)}; when the publish takes plays from other organisations' bookings
     * ({@link #displacedBy}), {@code displacementReason} is required and kept in the version with the bookings
     * it displaced, so their owners are told.
     */
    public ScheduleVersion publish(User actor, long expectedVersion, String note, String displacementReason) {
        Set<Category> mine = categoriesOf(actor.role());
        if (mine.isEmpty()) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        String why = requireNote(note);
        return commitVersion(actor, expectedVersion, (h, previous) -> {
            Snapshot next = pending(h, actor.role(), previous);
            List<Displacement> displaced = displacedBy(h, actor, previous, next);
            String reason = displaced.isEmpty() ? null : requireDisplacementReason(displacementReason);
            Instant now = s.clock.instant();
            for (BookingRecord r : bookings.withStatus(h, List.of(BookingStatus.DRAFT, BookingStatus.WITHDRAWN))) {
                if (mine.contains(r.booking().category())) {
                    bookings.setStatus(h, r.id(), r.status() == BookingStatus.DRAFT
                            ? BookingStatus.PUBLISHED : BookingStatus.ARCHIVED, actor.username(), now);
                }
            }
            return new Step(next, why, null, displaced, reason);
        });
    }

    /**
     * Makes a new version equal to {@code target}. The street gets exactly the old schedule; the working set
     * follows it, except unpublished drafts, which stay drafts so no one's unfinished work is lost. Editors
     * may roll back only when every booking that changes is in their own category; the filler is ADMIN's.
     */
    public ScheduleVersion rollback(User actor, long target, long expectedVersion, String note) {
        return rollback(actor, target, expectedVersion, note, null);
    }

    /**
     * As {@link #rollback(User, long, long, String)}; restoring an old schedule can take plays from other
     * organisations' bookings too, and then needs {@code displacementReason} as a publish does.
     */
    public ScheduleVersion rollback(User actor, long target, long expectedVersion, String note,
                                    String displacementReason) {
        Snapshot old = versions.find(target).map(ScheduleVersion::snapshot)
                .orElseThrow(() -> ValidationException.of("version", "schedule.versionNotFound", target));
        // Without a note the pages say "rolled back to version N" in the reader's language (BookingText.note).
        String why = note == null || note.isBlank() ? "" : note.strip();
        return commitVersion(actor, expectedVersion, (h, previous) -> {
            var diff = ScheduleDiff.between(0, previous, 0, old, List.of());
            Set<Category> mine = categoriesOf(actor.role());
            boolean allowed = Stream.of(diff.added().stream(), diff.removed().stream(),
                            diff.changed().stream().flatMap(c -> Stream.of(c.before(), c.after())))
                    .flatMap(x -> x).allMatch(b -> mine.contains(b.category()))
                    && (!diff.fillerChanged() || actor.role() == Role.ADMIN);
            if (!allowed) {
                throw new ValidationException(403, List.of(Problem.of(null, "schedule.rollbackOtherCategory")));
            }
            List<Displacement> displaced = displacedBy(h, actor, previous, old);
            String reason = displaced.isEmpty() ? null : requireDisplacementReason(displacementReason);
            Instant now = s.clock.instant();
            Set<String> inOld = new HashSet<>();
            for (Booking b : old.bookings()) {
                inOld.add(b.id());
                var row = bookings.find(h, b.id());
                if (row.isEmpty()) {
                    bookings.insert(h, b, BookingStatus.PUBLISHED, actor.username(), now);
                } else if (row.get().status() != BookingStatus.DRAFT) {
                    bookings.update(h, b, BookingStatus.PUBLISHED, actor.username(), now);
                }
            }
            for (BookingRecord r : bookings.withStatus(h, List.of(BookingStatus.PUBLISHED, BookingStatus.WITHDRAWN))) {
                if (!inOld.contains(r.id())) {
                    bookings.setStatus(h, r.id(), BookingStatus.ARCHIVED, actor.username(), now);
                }
            }
            return new Step(old, why, target, displaced, reason);
        });
    }

    /** Sets the filler rotation (ADMIN) and publishes it at once, bookings unchanged. */
    public ScheduleVersion setFiller(User actor, Filler filler, long expectedVersion, String note) {
        if (actor.role() != Role.ADMIN) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        String why = note == null || note.isBlank() ? "" : note.strip();
        return commitVersion(actor, expectedVersion,
                (h, previous) -> new Step(new Snapshot(previous.bookings(), filler), why, null, List.of(), null));
    }

    private record Step(Snapshot snapshot, String note, Long rollbackOf, List<Displacement> displaced,
                        String displacementReason) {
    }

    private interface VersionMaker {
        Step make(Handle h, Snapshot previous);
    }

    private ScheduleVersion commitVersion(User actor, long expectedVersion, VersionMaker maker) {
        long next;
        try {
            next = s.jdbi.inTransaction(h -> {
                long latest = VersionRepository.latestNumber(h);
                if (latest != expectedVersion) {
                    throw conflict(latest);
                }
                Step step = maker.make(h, snapshotOf(h, latest));
                Instant now = s.clock.instant();
                versions.insert(h, latest + 1, now, actor.username(), step.note(), step.rollbackOf(), step.snapshot(),
                        step.displacementReason());
                displacements.insert(h, latest + 1, step.displaced());
                s.audit.record(h, actor.username(), step.rollbackOf() == null ? "SCHEDULE_PUBLISH" : "SCHEDULE_ROLLBACK",
                        "schedule_version", Long.toString(latest + 1),
                        (step.rollbackOf() == null ? "" : "rollback to " + step.rollbackOf() + ": ") + step.note()
                                + displacedText(step));
                return latest + 1;
            });
        } catch (JdbiException e) {
            if (uniqueViolation(e)) {
                // Someone else's publish of the same number committed first; ours left nothing behind.
                throw conflict(versions.latestNumber());
            }
            throw e;
        }
        log.info("{} published schedule version {}", actor.username(), next);
        s.playerEvents.scheduleChanged();
        return versions.find(next).orElseThrow();
    }

    private static ValidationException conflict(long latest) {
        return new ValidationException(409, List.of(Problem.of(null, "schedule.conflict", latest)));
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Snapshot snapshotOf(Handle h, long version) {
        return version == 0 ? Snapshot.EMPTY
                : versions.find(h, version).map(ScheduleVersion::snapshot).orElse(Snapshot.EMPTY);
    }

    private static String displacedText(Step step) {
        if (step.displaced().isEmpty()) {
            return "";
        }
        return " | displaced: " + step.displaced().stream()
                .map(d -> d.title() + " (" + d.ownerOrganisation() + ", " + d.lost() + "/" + d.requested() + ")")
                .collect(java.util.stream.Collectors.joining(", ")) + " | reason: " + step.displacementReason();
    }

    private static String requireDisplacementReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of("displacementReason", "publish.displacement.reasonRequired");
        }
        if (reason.strip().length() > 1000) {
            throw ValidationException.of("displacementReason", "schedule.noteTooLong", 1000);
        }
        return reason.strip();
    }

    // ---------------------------------------------------------------- displacement

    /**
     * Other organisations' bookings that lose plays if {@code actor} publishes now (the publish page asks for
     * a reason when this is not empty).
     */
    public List<Displacement> displacedBy(User actor) {
        return s.jdbi.withHandle(h -> {
            Snapshot previous = snapshotOf(h, VersionRepository.latestNumber(h));
            return displacedBy(h, actor, previous, pending(h, actor.role(), previous));
        });
    }

    /** Other organisations' bookings that would lose plays if {@code actor} restored {@code target} now. */
    public List<Displacement> displacedByRollback(User actor, long target) {
        Snapshot old = versions.find(target).map(ScheduleVersion::snapshot)
                .orElseThrow(() -> ValidationException.of("version", "schedule.versionNotFound", target));
        return s.jdbi.withHandle(h -> displacedBy(h, actor, snapshotOf(h, VersionRepository.latestNumber(h)), old));
    }

    private List<Displacement> displacedBy(Handle h, User actor, Snapshot before, Snapshot after) {
        List<Alert> live = liveAlerts();
        var losses = Displacement.losses(planner(), Planner.Plan.of(before, live, 0), Planner.Plan.of(after, live, -1),
                screens(), LocalDate.ofInstant(s.clock.instant(), ScreenProfile.DEFAULT_ZONE), Displacement.DAYS);
        var out = new ArrayList<Displacement>();
        for (Displacement.Loss loss : losses.values()) {
            Booking b = after.booking(loss.bookingId()).orElseThrow();
            String owner = bookings.find(h, b.id()).map(BookingRecord::createdBy).orElse("");
            if (belongsToOthers(actor, b, owner)) {
                out.add(new Displacement(b.id(), b.title(), b.category(), b.ownerOrganisation(), owner, loss.day(),
                        loss.requested(), loss.planned(), loss.lost(), loss.reason()));
            }
        }
        return out;
    }

    /**
     * Whether {@code b} is another organisation's booking for {@code actor}: not created by them, and either of
     * a category they do not book or of an organisation other than theirs. Taking plays from one's own
     * bookings is ordinary planning and asks for no reason.
     */
    static boolean belongsToOthers(User actor, Booking b, String createdBy) {
        if (actor.username().equals(createdBy)) {
            return false;
        }
        String mine = actor.organisation() == null ? "" : actor.organisation().strip();
        return !categoriesOf(actor.role()).contains(b.category())
                || !mine.equalsIgnoreCase(b.ownerOrganisation().strip());
    }

    /**
     * Published bookings that lose plays to other bookings today on the live schedule, by id (for the booking
     * list, so a displaced booking does not simply read "live").
     */
    public Map<String, Displacement.Loss> displacedToday() {
        var live = liveAlerts();
        return Displacement.losses(planner(), Planner.Plan.of(Snapshot.EMPTY, live, 0),
                Planner.Plan.of(latestSnapshot(), live, latestNumber()), screens(),
                LocalDate.ofInstant(s.clock.instant(), ScreenProfile.DEFAULT_ZONE), 1);
    }

    private static String requireNote(String note) {
        if (note == null || note.isBlank()) {
            throw ValidationException.of("note", "schedule.noteRequired");
        }
        if (note.strip().length() > 1000) {
            throw ValidationException.of("note", "schedule.noteTooLong", 1000);
        }
        return note.strip();
    }

    // ---------------------------------------------------------------- diffs and plans

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
            List<Alert> live = liveAlerts();
            Planner planner = planner();
            for (ScreenProfile screen : screens()) {
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
        LocalDate today = LocalDate.ofInstant(s.clock.instant(), ScreenProfile.DEFAULT_ZONE);
        LocalDate day = Preview.firstDay(candidate, today);
        var plan = new Planner.Plan(nearFuture(candidate), liveAlerts(), latestSnapshot().filler(), -1);
        var screens = screens().stream().filter(x -> candidate.targets().includes(x)).toList();
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
        var plan = Planner.Plan.of(pending(actor), liveAlerts(), -1);
        return preview(plan, screens(), day, null);
    }

    private Preview preview(Planner.Plan plan, List<ScreenProfile> screens, LocalDate day, Booking focus) {
        Planner planner = planner();
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
        return Assembler.timeline(inForce(from, to), s.mediaCatalog::forScreen, screen, from, to);
    }

    /**
     * The published versions in force at some time of {@code [from, to)}, oldest first, each with the alerts
     * live now (alerts are not versioned).
     */
    public List<InForce> inForce(Instant from, Instant to) {
        List<Alert> live = liveAlerts();
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
        LocalDate today = LocalDate.ofInstant(s.clock.instant(), ScreenProfile.DEFAULT_ZONE);
        var published = Planner.Plan.of(latestSnapshot(), liveAlerts(), latestNumber());
        Planner.Plan drafts = null;
        Planner planner = planner();
        List<ScreenProfile> screens = screens();
        var names = new java.util.HashMap<String, String>();
        screens.forEach(x -> names.put(x.id(), x.name()));
        Map<String, String> titles = sourceTitles(published);
        var days = new java.util.HashMap<String, ScreenDay>();
        var out = new java.util.LinkedHashMap<String, BookingShare>();
        for (BookingRecord r : records) {
            Booking b = r.booking();
            boolean live = r.status() == BookingStatus.PUBLISHED && latestSnapshot().booking(b.id()).isPresent();
            if (!live && drafts == null) {
                drafts = new Planner.Plan(nearFuture(null), liveAlerts(), latestSnapshot().filler(), -1);
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
        for (ScreenProfile screen : screens()) {
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

    // ---------------------------------------------------------------- alerts

    /** Puts up an alert; it is on the street as soon as the players hear of it (at once, over SSE). */
    public AlertRecord raiseAlert(User actor, Alert alert) {
        if (!mayAlert(actor.role())) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        Instant now = s.clock.instant();
        AlertState state = alert.from().isAfter(now) ? AlertState.SCHEDULED : AlertState.ACTIVE;
        s.jdbi.useTransaction(h -> {
            alerts.insert(h, alert, state, actor.username(), now);
            s.audit.record(h, actor.username(), "ALERT_RAISE", "alert", alert.id(), alert.title());
        });
        log.info("{} raised alert {} ({})", actor.username(), alert.id(), alert.title());
        s.playerEvents.scheduleChanged();
        return alerts.find(alert.id()).orElseThrow();
    }

    /** Cancels a live alert at once; false if it had already ended or been cancelled. */
    public boolean cancelAlert(User actor, String id) {
        if (!mayAlert(actor.role())) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        boolean done = s.jdbi.inTransaction(h -> {
            boolean c = alerts.cancel(h, id, actor.username(), s.clock.instant());
            if (c) {
                s.audit.record(h, actor.username(), "ALERT_CANCEL", "alert", id, null);
            }
            return c;
        });
        if (done) {
            log.info("{} cancelled alert {}", actor.username(), id);
            s.playerEvents.scheduleChanged();
        }
        return done;
    }

    public List<Alert> liveAlerts() {
        return alerts.live(s.clock.instant()).stream().map(AlertRecord::alert).toList();
    }

    // ---------------------------------------------------------------- the clock

    /**
     * Moves bookings and alerts across their start and end boundaries and, if anything moved, tells the
     * players (manifests already cover seven days, so this is for status lists and ETags). Returns how many
     * rows changed.
     */
    public int advanceClock() {
        Instant now = s.clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ScreenProfile.DEFAULT_ZONE);
        int changed = s.jdbi.inTransaction(h -> {
            int ended = bookings.endBefore(h, today, now);
            int started = bookings.startBy(h, today);
            int alertMoves = alerts.advance(h, now);
            if (ended + alertMoves > 0) {
                s.audit.record(h, "system", "SCHEDULE_BOUNDARY", "schedule", null,
                        ended + " booking(s) ended, " + started + " started, " + alertMoves + " alert change(s)");
            }
            return ended + started + alertMoves;
        });
        if (changed > 0) {
            log.info("Schedule boundary passed: {} booking/alert state change(s)", changed);
            s.playerEvents.scheduleChanged();
        }
        return changed;
    }

    // ---------------------------------------------------------------- for the player API

    @Override
    public PublishedSchedule published() {
        var v = latest();
        return new PublishedSchedule(v.map(ScheduleVersion::version).orElse(0L),
                v.map(x -> x.snapshot().bookings()).orElse(List.of()), liveAlerts(),
                v.map(x -> x.snapshot().filler()).orElse(null));
    }

    // ---------------------------------------------------------------- seams to other features

    /** Every screen, for targets, previews and diffs. */
    public List<ScreenProfile> screens() {
        return s.screens.profiles();
    }

    /** Approved media that may be booked, for the picker. */
    public List<MediaChoice> approvedMedia() {
        var out = new ArrayList<MediaChoice>();
        for (Category c : Category.values()) {
            s.mediaCatalog.approved(c).forEach(m -> out.add(new MediaChoice(m.id(), m.title(), m.kind(),
                    m.playMillis(), m.category(), m.thumbnailUrl())));
        }
        return out;
    }

    /** Approved media of these categories, for the booking form of someone who books them. */
    public List<MediaChoice> approvedMedia(Set<Category> categories) {
        return approvedMedia().stream().filter(m -> categories.contains(m.category())).toList();
    }

    public Optional<ScreenProfile> screen(String id) {
        return s.screens.profile(id);
    }

    /** People's display names by username, for "owner" labels (the username when unknown). */
    public Map<String, String> displayNames(java.util.Collection<String> usernames) {
        var out = new java.util.HashMap<String, String>();
        for (String u : new java.util.TreeSet<>(usernames)) {
            out.put(u, s.users.findByUsername(u).map(User::displayName).filter(n -> !n.isBlank()).orElse(u));
        }
        return out;
    }

    private static void requireCategory(User actor, Category c, String field) {
        if (!categoriesOf(actor.role()).contains(c)) {
            throw new ValidationException(403, List.of(Problem.of(field, "booking.categoryNotAllowed",
                    c.name())));
        }
    }

    /** For tests and the demo: what each screen plays on one day under the published plan. */
    public Map<String, ScreenDay> publishedDay(LocalDate day) {
        var plan = Planner.Plan.of(latestSnapshot(), liveAlerts(), latestNumber());
        var out = new java.util.LinkedHashMap<String, ScreenDay>();
        for (ScreenProfile sc : screens()) {
            out.put(sc.id(), planner().day(plan, sc, day));
        }
        return out;
    }
}
