package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.validation.FieldError;
import id.ihati.videotron.playlists.validation.ScheduleValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drafts: saved, withdrawn and discarded bookings. Nothing here changes what is on the street. */
final class Drafts {
    private static final Logger log = LoggerFactory.getLogger(Drafts.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final BookingRepository bookings;
    private final MediaCatalog mediaCatalog;
    private final ScreenRepository screens;
    private final Publishing publishing;

    Drafts(Jdbi jdbi, Clock clock, AuditLog audit, BookingRepository bookings, MediaCatalog mediaCatalog,
           ScreenRepository screens, Publishing publishing) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.bookings = bookings;
        this.mediaCatalog = mediaCatalog;
        this.screens = screens;
        this.publishing = publishing;
    }

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
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            var existing = bookings.find(h, b.id());
            if (existing.isPresent()) {
                requireCategory(actor, existing.get().booking().category(), "category");
                if (existing.get().status() == BookingStatus.ARCHIVED || existing.get().status() == BookingStatus.ENDED) {
                    throw ValidationException.of(null, "booking.notEditable");
                }
                bookings.update(h, b, BookingStatus.DRAFT, actor.username(), now);
                audit.record(h, actor.username(), "BOOKING_UPDATE", "booking", b.id(), b.title());
            } else {
                bookings.insert(h, b, BookingStatus.DRAFT, actor.username(), now);
                audit.record(h, actor.username(), "BOOKING_CREATE", "booking", b.id(), b.title());
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
        List<ScreenProfile> targeted = screens.profiles().stream().filter(x -> b.targets().includes(x)).toList();
        if (targeted.isEmpty()) {
            problems.put("targets", Problem.of("targets", "booking.targets.noneMatch"));
        }
        for (ScreenProfile screen : targeted) {
            var media = new java.util.HashMap<String, id.ihati.videotron.playlists.schedule.Media>();
            for (String id : b.items()) {
                mediaCatalog.forScreen(id, screen).ifPresent(m -> media.put(id, m));
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
        Instant now = clock.instant();
        boolean live = latestSnapshot().booking(id).isPresent();
        jdbi.useTransaction(h -> {
            BookingRecord r = bookings.find(h, id).orElseThrow(() -> ValidationException.of(null, "booking.notFound"));
            requireCategory(actor, r.booking().category(), null);
            if (!r.status().inWorkingSet()) {
                throw ValidationException.of(null, "booking.notEditable");
            }
            BookingStatus next = live ? BookingStatus.WITHDRAWN : BookingStatus.ARCHIVED;
            bookings.setStatus(h, id, next, actor.username(), now);
            audit.record(h, actor.username(), "BOOKING_WITHDRAW", "booking", id, next.name());
        });
    }

    /** Throws away a draft's changes: back to the published booking, or archived if it was never published. */
    public void discardDraft(User actor, String id) {
        Instant now = clock.instant();
        Optional<Booking> published = latestSnapshot().booking(id);
        jdbi.useTransaction(h -> {
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
            audit.record(h, actor.username(), "BOOKING_DISCARD", "booking", id, null);
        });
    }

    /** Bookings an editor works with: drafts, live and withdrawn ones (not archived or ended). */
    public List<BookingRecord> workingSet() {
        return bookings.withStatus(List.of(BookingStatus.DRAFT, BookingStatus.PUBLISHED, BookingStatus.WITHDRAWN));
    }

    private static void requireCategory(User actor, Category c, String field) {
        if (!Scheduling.categoriesOf(actor.role()).contains(c)) {
            throw new ValidationException(403, List.of(Problem.of(field, "booking.categoryNotAllowed",
                    c.name())));
        }
    }

    private Snapshot latestSnapshot() {
        return publishing.latestSnapshot();
    }
}
