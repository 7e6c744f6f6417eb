package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.jobs.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the files no manifest has named for a day ({@code device_file}): they are already refused when asked
 * for; this keeps the table small.
 */
public final class DeviceFilesPurgeJob implements Work {
    public static final String NAME = "DeviceFilesPurgeJob";
    private static final Logger log = LoggerFactory.getLogger(DeviceFilesPurgeJob.class);
    private final ManifestService manifests;

    public DeviceFilesPurgeJob(ManifestService manifests) {
        this.manifests = manifests;
    }

    @Override
    public void run(Firing firing) {
        int files = manifests.purgeNamedFiles();
        if (files > 0) {
            log.info("Purged {} files no manifest named for a day", files);
        }
    }
}
