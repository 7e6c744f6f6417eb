package id.ihati.videotron.admin.jobs;

import java.util.Map;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Quartz job class: runs the {@link Work} registered on this node under the job's name. A firing of
 * a name this node has not registered (yet) is skipped with a warning rather than thrown, because a job that
 * throws at creation puts its trigger into Quartz's ERROR state for every node.
 */
@DisallowConcurrentExecution
final class RecurringJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(RecurringJob.class);
    private final Map<String, Work> works;

    RecurringJob(Map<String, Work> works) {
        this.works = works;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        Work work = works.get(name);
        if (work == null) {
            log.warn("Job {} fired on a node that has no work registered for it; skipped", name);
            return;
        }
        String node;
        try {
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the scheduler instance id", e);
        }
        work.run(new Work.Firing(context.getScheduledFireTime().toInstant(), node));
    }
}
