package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.Services;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every {@link #INTERVAL_SECONDS}: opens and closes screen incidents ({@link ScreenWatch}). */
@DisallowConcurrentExecution
public final class ScreenWatchJob implements Job {
    public static final int INTERVAL_SECONDS = 15;
    private final Services s;

    public ScreenWatchJob(Services services) {
        this.s = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        new ScreenWatch(s).check(s.clock.instant());
    }
}
