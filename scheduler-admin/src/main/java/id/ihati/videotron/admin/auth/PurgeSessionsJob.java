package id.ihati.videotron.admin.auth;

import id.ihati.videotron.admin.jobs.Work;
import id.ihati.videotron.admin.ratelimit.SharedRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired sessions, login failures older than the throttle window and old rate limit rows. All are
 * already ignored when read; this keeps the tables small.
 */
public final class PurgeSessionsJob implements Work {
    public static final String NAME = "PurgeSessionsJob";
    /** How often it runs. */
    public static final int EVERY_SECONDS = 15 * 60;
    private static final Logger log = LoggerFactory.getLogger(PurgeSessionsJob.class);
    private final SessionRepository sessions;
    private final LoginThrottle loginThrottle;
    private final SharedRateLimiter rateLimiter;

    public PurgeSessionsJob(SessionRepository sessions, LoginThrottle loginThrottle, SharedRateLimiter rateLimiter) {
        this.sessions = sessions;
        this.loginThrottle = loginThrottle;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void run(Firing firing) {
        int purgedSessions = sessions.purgeExpired();
        int failures = loginThrottle.purgeOld();
        int limits = rateLimiter.purgeOld();
        if (purgedSessions + failures + limits > 0) {
            log.info("Purged {} expired sessions, {} old login failures and {} old rate limit rows", purgedSessions,
                    failures, limits);
        }
    }
}
