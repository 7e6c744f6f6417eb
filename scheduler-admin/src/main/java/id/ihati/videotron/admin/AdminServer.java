package id.ihati.videotron.admin;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.backup.BackupRequests;
import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.demo.DemoData;
import id.ihati.videotron.admin.jobs.PurgeSessionsJob;
import id.ihati.videotron.admin.web.RouteInfo;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Set;
import id.ihati.videotron.admin.jobs.JobScheduler;
import id.ihati.videotron.admin.media.MediaPurgeJob;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running admin server: database migrated, first-start account made, scheduler and HTTP started.
 * Tests start one on port 0 and read {@link #port()}.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private final Services services;
    private final JobScheduler jobs;
    private final Javalin app;
    private final HikariDataSource ownPool;
    private final BackupRequests backups;

    private AdminServer(Services services, JobScheduler jobs, Javalin app, HikariDataSource ownPool,
                        BackupRequests backups) {
        this.services = services;
        this.jobs = jobs;
        this.app = app;
        this.ownPool = ownPool;
        this.backups = backups;
    }

    /** Starts with a pool made from the config (H2 file in the data dir, or the given JDBC URL). */
    public static AdminServer start(AdminConfig config) {
        HikariDataSource pool = Database.pool(config);
        try {
            return start(config, Database.durable(pool, config), Clock.systemUTC(), pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Starts on a DataSource the caller owns and closes (tests share one PostgreSQL between two nodes). */
    public static AdminServer start(AdminConfig config, DataSource dataSource, Clock clock) {
        return start(config, dataSource, clock, null);
    }

    private static AdminServer start(AdminConfig config, DataSource dataSource, Clock clock, HikariDataSource own) {
        try {
            Files.createDirectories(config.dataDir().resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        Database.migrate(dataSource);
        Database.warnIfNotDurable(dataSource);
        var services = new Services(config, dataSource, clock);
        if (config.demo()) {
            DemoData.standard().seed(services); // before FirstStart: the demo admin has a known password
        }
        FirstStart.ensureAdmin(services, System.out);
        JobScheduler jobs;
        try {
            jobs = new JobScheduler(dataSource, config.postgres(), services);
            jobs.every(MediaPurgeJob.class, MediaPurgeJob.EVERY_SECONDS);
            intakeJob(jobs, services); // [intake hook] video conversions (media.intake)
            jobs.every(id.ihati.videotron.admin.dashboard.ScreenWatchJob.class,
                    id.ihati.videotron.admin.dashboard.ScreenWatchJob.INTERVAL_SECONDS);
            jobs.every(id.ihati.videotron.admin.dashboard.PlayRollupJob.class,
                    id.ihati.videotron.admin.dashboard.PlayRollupJob.INTERVAL_SECONDS);
            jobs.every(id.ihati.videotron.admin.booking.BoundaryJob.class,
                    id.ihati.videotron.admin.booking.BoundaryJob.EVERY_SECONDS);
            jobs.start();
            jobs.every(PurgeSessionsJob.class, PurgeSessionsJob.EVERY_SECONDS);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the job scheduler", e);
        }
        Javalin app = AdminApp.create(services).start();
        services.playerHub.start();
        log.info("I-Hati Videotron admin server listening on port {} (database: {})", app.port(),
                config.jdbcUrl() == null ? "embedded H2 in " + config.dataDir() : redact(config.jdbcUrl()));
        // Only this process may open the embedded H2 file: "backup" asks it through the data directory.
        BackupRequests backups = config.jdbcUrl() == null ? BackupRequests.serve(dataSource, config.dataDir()) : null;
        var server = new AdminServer(services, jobs, app, own, backups);
        if (config.demo()) {
            DemoData.printLogins(System.out, server.baseUrl());
        }
        return server;
    }

    /** Converts queued videos every half minute, and at once when an upload queues one. */
    private static void intakeJob(JobScheduler jobs, Services services) throws SchedulerException {
        var job = id.ihati.videotron.admin.media.intake.MediaIntakeJob.class;
        jobs.every(job, id.ihati.videotron.admin.media.intake.MediaIntakeJob.EVERY_SECONDS);
        if (services.mediaCatalog instanceof id.ihati.videotron.admin.media.MediaLibrary library) {
            var key = org.quartz.JobKey.jobKey(job.getSimpleName(), "ihati");
            library.intake().onQueued(() -> {
                try {
                    jobs.quartz().triggerJob(key);
                } catch (SchedulerException e) {
                    // The periodic trigger still picks the video up within EVERY_SECONDS.
                    log.warn("Could not start the conversion job at once", e);
                }
            });
        }
    }

    /** A JDBC URL without any password parameter, for the log. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Every HTTP route the application serves, with the roles it declares (for the route x role matrix test). */
    public List<RouteInfo> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    Roles roles = e.metadata(Roles.class);
                    return new RouteInfo(e.method.name(), e.path, roles == null ? Set.of() : roles.getRoles());
                })
                .toList();
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public Services services() {
        return services;
    }

    public JobScheduler jobs() {
        return jobs;
    }

    @Override
    public void close() {
        if (backups != null) {
            backups.close();
        }
        services.playerHub.close();
        app.stop();
        try {
            jobs.close();
        } catch (SchedulerException e) {
            log.warn("Scheduler did not shut down cleanly", e);
        }
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
