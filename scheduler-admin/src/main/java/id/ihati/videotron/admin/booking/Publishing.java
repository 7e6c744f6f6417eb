package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing: the versions, what a publish or rollback would put on the street, whose bookings it displaces,
 * and the append of an immutable {@link ScheduleVersion} in one transaction with its audit record.
 */
final class Publishing {
    private static final Logger log = LoggerFactory.getLogger(Publishing.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final BookingRepository bookings;
    private final VersionRepository versions;
    private final DisplacementRepository displacements;
    private final Planner planner;
    private final ScreenRepository screens;
    private final Alerting alerting;
    private final Runnable onChange;
    private volatile ScheduleVersion cached;

    Publishing(Jdbi jdbi, Clock clock, AuditLog audit, BookingRepository bookings, VersionRepository versions,
               DisplacementRepository displacements, Planner planner, ScreenRepository screens,
               Alerting alerting, Runnable onChange) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.bookings = bookings;
        this.versions = versions;
        this.displacements = displacements;
        this.planner = planner;
        this.screens = screens;
        this.alerting = alerting;
        this.onChange = onChange;
    }

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

    Snapshot latestSnapshot() {
        return latest().map(ScheduleVersion::snapshot).orElse(Snapshot.EMPTY);
    }

    public long latestNumber() {
        return versions.latestNumber();
    }

    /** What a publish by {@code actor} would put on the street now. */
    public Snapshot pending(User actor) {
        return jdbi.withHandle(h -> pending(h, actor.role(), snapshotOf(h, VersionRepository.latestNumber(h))));
    }

    private Snapshot pending(Handle h, Role role, Snapshot previous) {
        Set<Category> mine = Scheduling.categoriesOf(role);
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
        Set<Category> mine = Scheduling.categoriesOf(actor.role());
        if (mine.isEmpty()) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        String why = requireNote(note);
        return commitVersion(actor, expectedVersion, (h, previous) -> {
            Snapshot next = pending(h, actor.role(), previous);
            List<Displacement> displaced = displacedBy(h, actor, previous, next);
            String reason = displaced.isEmpty() ? null : requireDisplacementReason(displacementReason);
            Instant now = clock.instant();
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
            Set<Category> mine = Scheduling.categoriesOf(actor.role());
            boolean allowed = Stream.of(diff.added().stream(), diff.removed().stream(),
                            diff.changed().stream().flatMap(c -> Stream.of(c.before(), c.after())))
                    .flatMap(x -> x).allMatch(b -> mine.contains(b.category()))
                    && (!diff.fillerChanged() || actor.role() == Role.ADMIN);
            if (!allowed) {
                throw new ValidationException(403, List.of(Problem.of(null, "schedule.rollbackOtherCategory")));
            }
            List<Displacement> displaced = displacedBy(h, actor, previous, old);
            String reason = displaced.isEmpty() ? null : requireDisplacementReason(displacementReason);
            Instant now = clock.instant();
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
            next = jdbi.inTransaction(h -> {
                long latest = VersionRepository.latestNumber(h);
                if (latest != expectedVersion) {
                    throw conflict(latest);
                }
                Step step = maker.make(h, snapshotOf(h, latest));
                Instant now = clock.instant();
                versions.insert(h, latest + 1, now, actor.username(), step.note(), step.rollbackOf(), step.snapshot(),
                        step.displacementReason());
                displacements.insert(h, latest + 1, step.displaced());
                audit.record(h, actor.username(), step.rollbackOf() == null ? "SCHEDULE_PUBLISH" : "SCHEDULE_ROLLBACK",
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
        changed();
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
        return jdbi.withHandle(h -> {
            Snapshot previous = snapshotOf(h, VersionRepository.latestNumber(h));
            return displacedBy(h, actor, previous, pending(h, actor.role(), previous));
        });
    }

    /** Other organisations' bookings that would lose plays if {@code actor} restored {@code target} now. */
    public List<Displacement> displacedByRollback(User actor, long target) {
        Snapshot old = versions.find(target).map(ScheduleVersion::snapshot)
                .orElseThrow(() -> ValidationException.of("version", "schedule.versionNotFound", target));
        return jdbi.withHandle(h -> displacedBy(h, actor, snapshotOf(h, VersionRepository.latestNumber(h)), old));
    }

    private List<Displacement> displacedBy(Handle h, User actor, Snapshot before, Snapshot after) {
        List<Alert> live = alerting.liveAlerts();
        var losses = Displacement.losses(planner, Planner.Plan.of(before, live, 0), Planner.Plan.of(after, live, -1),
                screens.profiles(), LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE),
                Displacement.DAYS);
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
        return !Scheduling.categoriesOf(actor.role()).contains(b.category())
                || !mine.equalsIgnoreCase(b.ownerOrganisation().strip());
    }

    /**
     * Published bookings that lose plays to other bookings today on the live schedule, by id (for the booking
     * list, so a displaced booking does not simply read "live").
     */
    public Map<String, Displacement.Loss> displacedToday() {
        var live = alerting.liveAlerts();
        return Displacement.losses(planner, Planner.Plan.of(Snapshot.EMPTY, live, 0),
                Planner.Plan.of(latestSnapshot(), live, latestNumber()), screens.profiles(),
                LocalDate.ofInstant(clock.instant(), ScreenProfile.DEFAULT_ZONE), 1);
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

    /** The schedule in force, for the player API. */
    public PublishedSchedule published() {
        var v = latest();
        return new PublishedSchedule(v.map(ScheduleVersion::version).orElse(0L),
                v.map(x -> x.snapshot().bookings()).orElse(List.of()), alerting.liveAlerts(),
                v.map(x -> x.snapshot().filler()).orElse(null));
    }

    private void changed() {
        onChange.run();
    }
}
