package id.ihati.videotron.admin.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Quartz on the application's DataSource and runs the features' recurring {@link Work}. Every job is
 * the one {@link RecurringJob} under a name; the work behind a name is registered on each node in memory.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    public static final String SCHEDULER_NAME = "ihati";
    private final Scheduler scheduler;
    private final Map<String, Work> works = new ConcurrentHashMap<>();

    /** @param clustered true on PostgreSQL: nodes share the job store and each firing runs on one node only */
    public JobScheduler(DataSource dataSource, boolean clustered) throws SchedulerException {
        // Each scheduler gets its own provider name, so two servers in one JVM (tests) keep their own pools.
        String dsName = "ihati-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // The pool belongs to the server, which closes it after the scheduler.
            }

            @Override
            public void initialize() {
                // Nothing to do: the pool is already running.
            }
        });
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", clustered
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        var factory = new StdSchedulerFactory();
        factory.initialize(p);
        // StdSchedulerFactory caches schedulers by name in a JVM-wide repository; a unique name per instance
        // would break clustering, so the repository entry is removed once this scheduler is built.
        scheduler = factory.getScheduler();
        org.quartz.impl.SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
        scheduler.setJobFactory((bundle, s) -> new RecurringJob(works));
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    /**
     * Runs {@code work} as job {@code name} every {@code seconds}. The job store is persistent and shared by the
     * nodes of a cluster, so a schedule that is already there, with this interval, is left as it is: replacing
     * it while another node has acquired the trigger made that firing run on both nodes (seen in TwoNodeTest).
     * A different interval replaces it, and so does a job stored by an older release under its own class.
     */
    public void every(String name, int seconds, Work work) throws SchedulerException {
        works.put(name, work);
        JobKey key = JobKey.jobKey(name, "ihati");
        TriggerKey triggerKey = TriggerKey.triggerKey(name, "ihati");
        Trigger existing = scheduler.getTrigger(triggerKey);
        if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == seconds * 1000L
                && simple.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY && key.equals(existing.getJobKey())
                && storedAsRecurring(key)) {
            return;
        }
        var detail = JobBuilder.newJob(RecurringJob.class).withIdentity(key).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(key)
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(seconds)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .startNow().build();
        boolean replace = existing != null || scheduler.checkExists(key);
        try {
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), replace);
        } catch (ObjectAlreadyExistsException e) {
            if (replace) {
                throw e;
            }
            // Another node of the cluster scheduled it between our look and our write: its schedule stands.
        }
    }

    private boolean storedAsRecurring(JobKey key) throws SchedulerException {
        try {
            var stored = scheduler.getJobDetail(key);
            return stored != null && stored.getJobClass() == RecurringJob.class;
        } catch (JobPersistenceException e) {
            // Its class is gone (a job class of an older release): replace it.
            return false;
        }
    }

    /** Fires job {@code name} once now, besides its schedule; if that fails, its next scheduled firing does it. */
    public void runNow(String name) {
        try {
            scheduler.triggerJob(JobKey.jobKey(name, "ihati"));
        } catch (SchedulerException e) {
            log.warn("Could not start job {} at once; its schedule runs it", name, e);
        }
    }

    public Scheduler quartz() {
        return scheduler;
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
