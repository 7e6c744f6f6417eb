package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.jobs.Work;
import java.time.Duration;

/**
 * Deletes stored media files that no library row has referred to for {@link #GRACE}: deleted items, a slide's
 * old renditions, files of an upload whose row never committed. Files still referenced are never touched.
 */
public final class MediaPurgeJob implements Work {
    public static final String NAME = "MediaPurgeJob";
    /** Long enough to undo a mistaken deletion from a database backup without losing the file. */
    public static final Duration GRACE = Duration.ofDays(7);
    /** How often it runs, in seconds. */
    public static final int EVERY_SECONDS = 3600;
    private final MediaLibrary library;

    public MediaPurgeJob(MediaLibrary library) {
        this.library = library;
    }

    @Override
    public void run(Firing firing) {
        library.purge(GRACE);
    }
}
