package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.Services;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Deletes stored media files that no library row has referred to for {@link #GRACE}: deleted items, a slide's
 * old renditions, files of an upload whose row never committed. Files still referenced are never touched.
 */
@DisallowConcurrentExecution
public final class MediaPurgeJob implements Job {
    /** Long enough to undo a mistaken deletion from a database backup without losing the file. */
    public static final Duration GRACE = Duration.ofDays(7);
    /** How often it runs, in seconds. */
    public static final int EVERY_SECONDS = 3600;
    private final Services services;

    public MediaPurgeJob(Services services) {
        this.services = services;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (services.mediaCatalog instanceof MediaLibrary library) {
            library.purge(GRACE);
        }
    }
}
