package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.Services;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Every {@link #INTERVAL_SECONDS}: rolls proof of play up per day ({@link PlayRollup}), looking back twice
 * the interval so a missed run loses nothing.
 */
@DisallowConcurrentExecution
public final class PlayRollupJob implements Job {
    public static final int INTERVAL_SECONDS = 900;
    private final Services s;

    public PlayRollupJob(Services services) {
        this.s = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var now = s.clock.instant();
        new PlayRollup(s).run(now.minus(Duration.ofSeconds(2L * INTERVAL_SECONDS)), now);
    }
}
