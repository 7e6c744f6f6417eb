package id.ihati.videotron.admin;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.DeviceAuthenticator;
import id.ihati.videotron.admin.auth.LoginThrottle;
import id.ihati.videotron.admin.auth.SessionRepository;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.booking.ScheduleSource;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.Pairing;
import id.ihati.videotron.admin.player.PlayerEvents;
import id.ihati.videotron.admin.player.PlayerHub;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Templates;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's parts, built once per server from its config, DataSource and clock. No static state: two
 * servers in one JVM (as in the cluster tests) each have their own.
 */
public final class Services {
    public final AdminConfig config;
    public final Clock clock;
    public final DataSource dataSource;
    public final Jdbi jdbi;
    public final Templates templates;
    public final UserRepository users;
    public final SessionRepository sessions;
    public final LoginThrottle loginThrottle;
    public final id.ihati.videotron.admin.ratelimit.SharedRateLimiter rateLimiter;
    public final AuditLog audit;
    public final Access access;
    public final ScreenRepository screens;
    public final DeviceTokens deviceTokens;
    public final Pairing pairing;
    public final PlayerHub playerHub;
    // Seams between features built in parallel; each feature replaces its NONE with the real thing.
    public final MediaLibrary media;
    public final MediaCatalog mediaCatalog;
    public final ScheduleSource schedule;
    public final Scheduling scheduling;
    public final PlayerEvents playerEvents;
    public final id.ihati.videotron.admin.review.ReviewService review;

    public Services(AdminConfig config, DataSource dataSource, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.templates = new Templates();
        this.users = new UserRepository(jdbi);
        this.sessions = new SessionRepository(jdbi, clock);
        this.loginThrottle = new LoginThrottle(jdbi, clock);
        this.rateLimiter = new id.ihati.videotron.admin.ratelimit.SharedRateLimiter(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);
        this.screens = new ScreenRepository(jdbi);
        this.deviceTokens = new DeviceTokens(jdbi, clock);
        this.access = new Access(sessions, deviceAuthenticator(), config.secureCookies());
        this.media = new MediaLibrary(config.dataDir(), config.maxUploadBytes(), jdbi, audit, clock);
        this.mediaCatalog = media;
        this.schedule = this.scheduling = new Scheduling(this);
        this.pairing = new Pairing(jdbi, clock, deviceTokens, audit);
        this.playerHub = new PlayerHub(this, deviceTokens);
        this.playerEvents = playerHub;
        this.review = new id.ihati.videotron.admin.review.ReviewService(
                id.ihati.videotron.admin.review.ReviewAdapters.from(screens, scheduling.versions, scheduling.alerts,
                        mediaCatalog, jdbi, clock), jdbi, audit, clock);
    }

    private DeviceAuthenticator deviceAuthenticator() {
        return deviceTokens;
    }
}
