package id.ihati.videotron.admin;

import id.ihati.videotron.admin.account.AccountRoutes;
import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.audit.AuditRoutes;
import id.ihati.videotron.admin.audit.SubjectNames;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.LoginThrottle;
import id.ihati.videotron.admin.auth.PurgeSessionsJob;
import id.ihati.videotron.admin.auth.SessionRepository;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.booking.BookingRoutes;
import id.ihati.videotron.admin.booking.BoundaryJob;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.dashboard.Dashboard;
import id.ihati.videotron.admin.dashboard.DashboardRoutes;
import id.ihati.videotron.admin.dashboard.IncidentDesk;
import id.ihati.videotron.admin.dashboard.IncidentRoutes;
import id.ihati.videotron.admin.dashboard.Incidents;
import id.ihati.videotron.admin.dashboard.Notices;
import id.ihati.videotron.admin.dashboard.PlayRollup;
import id.ihati.videotron.admin.dashboard.PlayRollupJob;
import id.ihati.videotron.admin.dashboard.ScreenRoutes;
import id.ihati.videotron.admin.dashboard.ScreenService;
import id.ihati.videotron.admin.dashboard.ScreenWatch;
import id.ihati.videotron.admin.dashboard.ScreenWatchJob;
import id.ihati.videotron.admin.demo.DemoParts;
import id.ihati.videotron.admin.home.HomeRoutes;
import id.ihati.videotron.admin.jobs.JobScheduler;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.MediaPurgeJob;
import id.ihati.videotron.admin.media.MediaRoutes;
import id.ihati.videotron.admin.media.intake.IntakeRoutes;
import id.ihati.videotron.admin.media.intake.MediaIntakeJob;
import id.ihati.videotron.admin.player.DeviceFiles;
import id.ihati.videotron.admin.player.DeviceFilesPurgeJob;
import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.Pairing;
import id.ihati.videotron.admin.player.PlayerEvents;
import id.ihati.videotron.admin.player.PlayerHub;
import id.ihati.videotron.admin.player.PlayerRoutes;
import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.ratelimit.SharedRateLimiter;
import id.ihati.videotron.admin.review.ReviewAdapters;
import id.ihati.videotron.admin.review.ReviewRoutes;
import id.ihati.videotron.admin.review.ReviewService;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.users.UserAdmin;
import id.ihati.videotron.admin.users.UserRoutes;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.quartz.SchedulerException;

/**
 * The admin server's composition root: every part, built once per server, in dependency order, each
 * given exactly what it uses. Read top to bottom it is the server's dependency graph (docs/architecture.md);
 * no feature receives this object. No static state: two servers in one JVM (the cluster tests) each have
 * their own.
 */
public final class Wiring {
    // Platform: configuration, time, database, pages.
    public final AdminConfig config;
    public final Clock clock;
    public final DataSource dataSource;
    public final Jdbi jdbi;
    public final Templates templates;
    // auth, audit, ratelimit: who may do what, and the record of what they did.
    public final UserRepository users;
    public final SessionRepository sessions;
    public final LoginThrottle loginThrottle;
    public final SharedRateLimiter rateLimiter;
    public final AuditLog audit;
    // screen: the screens' profiles.
    public final ScreenRepository screens;
    // The players' device tokens, which the access check reads for every device request.
    public final DeviceTokens deviceTokens;
    public final Access access;
    // media: the content library.
    public final MediaLibrary media;
    // booking: drafts, publishing, alerts, boundaries.
    public final Scheduling scheduling;
    // player: pairing, the connected players, their reports.
    public final Pairing pairing;
    public final PlayerHub playerHub;
    public final PlayerEvents playerEvents;
    public final StatusRepository status;
    public final ProofOfPlay plays;
    public final Screenshots screenshots;
    // review: plans, delivery reports, comments, the open feed.
    public final ReviewService review;
    // dashboard: screen status, incidents, notices, the screen pages.
    public final Incidents incidents;
    public final Dashboard dashboard;
    public final ScreenWatch screenWatch;
    public final PlayRollup playRollup;
    public final IncidentDesk incidentDesk;
    public final Notices notices;
    public final ScreenService screenService;
    // users: other people's accounts (ADMIN).
    public final UserAdmin userAdmin;
    /** Every feature's routes, in the order they are registered. */
    public final List<Routes> routes;

    public Wiring(AdminConfig config, DataSource dataSource, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.templates = new Templates();

        this.users = new UserRepository(jdbi);
        this.sessions = new SessionRepository(jdbi, clock);
        this.loginThrottle = new LoginThrottle(jdbi, clock);
        this.rateLimiter = new SharedRateLimiter(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);

        this.screens = new ScreenRepository(jdbi);
        this.deviceTokens = new DeviceTokens(jdbi, clock);
        this.access = new Access(sessions, deviceTokens, config.secureCookies());

        this.media = new MediaLibrary(config.dataDir(), config.maxUploadBytes(), jdbi, audit, clock);

        this.scheduling = new Scheduling(jdbi, clock, audit, media, screens, users);

        this.pairing = new Pairing(jdbi, clock, deviceTokens, audit);
        this.playerHub = new PlayerHub(jdbi, clock, screens, deviceTokens, scheduling, media,
                new DeviceFiles(jdbi, config.postgres()));
        this.playerEvents = playerHub;
        // Booking is below the players: it tells whoever listens, and the players listen.
        scheduling.listen(playerHub::scheduleChanged);
        this.status = new StatusRepository(jdbi);
        this.plays = new ProofOfPlay(jdbi, clock);
        this.screenshots = new Screenshots(jdbi, clock, config.dataDir());

        this.review = new ReviewService(ReviewAdapters.from(screens, scheduling.versions, scheduling.alerts,
                media, jdbi, clock), jdbi, audit, clock);

        this.incidents = new Incidents(jdbi);
        this.dashboard = new Dashboard(clock, screens, deviceTokens, media, scheduling.bookings,
                scheduling.alerts, playerHub.manifests(), status, screenshots, plays, incidents);
        this.screenWatch = new ScreenWatch(jdbi, screens, deviceTokens, incidents, status);
        this.playRollup = new PlayRollup(jdbi, screens, plays);
        this.incidentDesk = new IncidentDesk(jdbi, clock, audit, incidents);
        this.notices = new Notices(jdbi, scheduling, review.comments(), incidents);
        this.screenService = new ScreenService(jdbi, clock, audit, screens, deviceTokens, pairing, playerEvents);

        this.userAdmin = new UserAdmin(jdbi, clock, audit, users, sessions);

        this.routes = List.of(
                new AccountRoutes(access, audit, jdbi, loginThrottle, sessions, templates, users),
                new HomeRoutes(jdbi),
                new UserRoutes(templates, users, userAdmin),
                new AuditRoutes(audit, templates, subjectNames()),
                new MediaRoutes(media, templates, clock, config.dataDir().resolve("tmp"),
                        config.maxUploadBytes(), playerHub.manifests()::mayFetch),
                new IntakeRoutes(media, screens),
                new PlayerRoutes(clock, deviceTokens, pairing, playerHub, rateLimiter, status, plays, screenshots,
                        (screenId, heartbeat) -> screenWatch.pictureReported(screenId, clock.instant())),
                new ScreenRoutes(templates, screens, screenService, dashboard, screenshots, incidents),
                new DashboardRoutes(templates, clock, dashboard, notices),
                new IncidentRoutes(templates, screens, incidentDesk, incidents, dashboard),
                new BookingRoutes(scheduling, templates, clock),
                new ReviewRoutes(review, ReviewAdapters.bookingRecords(scheduling.bookings), templates, jdbi, audit,
                        clock, rateLimiter));
    }

    /** Registers every feature's recurring work (one node of a cluster runs each firing). */
    public void scheduleJobs(JobScheduler jobs) throws SchedulerException {
        jobs.every(MediaPurgeJob.NAME, MediaPurgeJob.EVERY_SECONDS, new MediaPurgeJob(media));
        // Video conversions: every half minute, and at once when an upload queues one.
        jobs.every(MediaIntakeJob.NAME, MediaIntakeJob.EVERY_SECONDS, new MediaIntakeJob(media.intake()));
        media.intake().onQueued(() -> jobs.runNow(MediaIntakeJob.NAME));
        jobs.every(ScreenWatchJob.NAME, ScreenWatchJob.INTERVAL_SECONDS, new ScreenWatchJob(screenWatch, clock));
        jobs.every(PlayRollupJob.NAME, PlayRollupJob.INTERVAL_SECONDS, new PlayRollupJob(playRollup, clock));
        jobs.every(BoundaryJob.NAME, BoundaryJob.EVERY_SECONDS, new BoundaryJob(scheduling));
        jobs.every(PurgeSessionsJob.NAME, PurgeSessionsJob.EVERY_SECONDS,
                new PurgeSessionsJob(sessions, loginThrottle, rateLimiter));
        jobs.every(DeviceFilesPurgeJob.NAME, PurgeSessionsJob.EVERY_SECONDS,
                new DeviceFilesPurgeJob(playerHub.manifests()));
    }

    /** What {@code --demo} seeds through. */
    public DemoParts demoParts() {
        return new DemoParts(jdbi, clock, users, audit, screens, deviceTokens, media, scheduling,
                config.dataDir());
    }

    /** The audit page's names of subjects: a screen's, booking's, alert's or media item's title. */
    private SubjectNames subjectNames() {
        return (type, id) -> {
            Optional<String> name = type.equals("screen")
                    ? screens.find(id).map(x -> x.profile().name()) : Optional.empty();
            if (id.startsWith("bk-")) {
                name = scheduling.bookings.find(id).map(r -> r.booking().title());
            } else if (id.startsWith("al-")) {
                name = scheduling.alerts.find(id).map(a -> a.alert().title());
            } else if (id.startsWith("m-")) {
                name = media.summary(id).map(m -> m.title());
            }
            return name;
        };
    }
}
