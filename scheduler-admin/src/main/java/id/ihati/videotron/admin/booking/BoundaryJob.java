package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.Services;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Bookings and alerts start and end on time: every minute, marks those whose start came or whose end passed
 * and, if any did, tells the players. Players already hold seven days of schedule and play on time offline;
 * this keeps the pages' statuses and the manifests' ETags right.
 */
@DisallowConcurrentExecution
public final class BoundaryJob implements Job {
    public static final int EVERY_SECONDS = 60;
    private final Services services;

    public BoundaryJob(Services services) {
        this.services = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        services.scheduling.advanceClock();
    }
}
