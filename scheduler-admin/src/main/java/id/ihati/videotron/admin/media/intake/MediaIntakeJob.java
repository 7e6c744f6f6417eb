package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.media.MediaLibrary;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Converts queued videos, one at a time across the cluster ({@link DisallowConcurrentExecution} holds for the
 * JDBC job store too): each conversion uses every core, two at once would only slow both. Runs every
 * {@link #EVERY_SECONDS} and at once after an upload queued a video. The queue is the {@code media_intake}
 * table, so a restart loses nothing: a conversion cut off by a stop is started again.
 */
@DisallowConcurrentExecution
public final class MediaIntakeJob implements Job {
    public static final int EVERY_SECONDS = 30;
    private final Services services;

    public MediaIntakeJob(Services services) {
        this.services = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (services.mediaCatalog instanceof MediaLibrary library) {
            MediaIntake intake = library.intake();
            intake.recoverInterrupted();
            while (intake.runNext()) {
                // next queued video
            }
        }
    }
}
