package id.ihati.videotron.admin.jobs;

import id.ihati.videotron.admin.Services;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired sessions and login failures older than the throttle window. Both are already ignored
 * when read; this keeps the tables small.
 */
@DisallowConcurrentExecution
public final class PurgeSessionsJob implements Job {
    /** How often it runs. */
    public static final int EVERY_SECONDS = 15 * 60;
    private static final Logger log = LoggerFactory.getLogger(PurgeSessionsJob.class);
    private final Services s;

    public PurgeSessionsJob(Services services) {
        this.s = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int sessions = s.sessions.purgeExpired();
        int failures = s.loginThrottle.purgeOld();
        int limits = s.rateLimiter.purgeOld();
        int files = s.playerHub.manifests().purgeNamedFiles();
        if (sessions + failures + limits + files > 0) {
            log.info("Purged {} expired sessions, {} old login failures, {} old rate limit rows and {} files no "
                    + "manifest named for a day", sessions, failures, limits, files);
        }
    }
}
