package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.jobs.Work;

/**
 * Bookings and alerts start and end on time: every minute, marks those whose start came or whose end passed
 * and, if any did, tells the players. Players already hold seven days of schedule and play on time offline;
 * this keeps the pages' statuses and the manifests' ETags right.
 */
public final class BoundaryJob implements Work {
    public static final String NAME = "BoundaryJob";
    public static final int EVERY_SECONDS = 60;
    private final Scheduling scheduling;

    public BoundaryJob(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    @Override
    public void run(Firing firing) {
        scheduling.advanceClock();
    }
}
