package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.admin.jobs.Work;

/**
 * Converts queued videos, one at a time across the cluster (the job shell runs one firing at a time, in the
 * JDBC job store too): each conversion uses every core, two at once would only slow both. Runs every
 * {@link #EVERY_SECONDS} and at once after an upload queued a video. The queue is the {@code media_intake}
 * table, so a restart loses nothing: a conversion cut off by a stop is started again.
 */
public final class MediaIntakeJob implements Work {
    public static final String NAME = "MediaIntakeJob";
    public static final int EVERY_SECONDS = 30;
    private final MediaIntake intake;

    public MediaIntakeJob(MediaIntake intake) {
        this.intake = intake;
    }

    @Override
    public void run(Firing firing) {
        intake.recoverInterrupted();
        while (intake.runNext()) {
            // next queued video
        }
    }
}
