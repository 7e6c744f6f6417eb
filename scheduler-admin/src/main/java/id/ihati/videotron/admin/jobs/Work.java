package id.ihati.videotron.admin.jobs;

import java.time.Instant;

/** A feature's recurring work, run by {@link JobScheduler} on one node of the cluster per firing. */
@FunctionalInterface
public interface Work {
    void run(Firing firing);

    /** One firing: when it was due and which scheduler instance (node) runs it. */
    record Firing(Instant scheduledAt, String node) {
    }
}
