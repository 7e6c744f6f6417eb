package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.jobs.Work;
import java.time.Clock;
import java.time.Duration;

/**
 * Every {@link #INTERVAL_SECONDS}: rolls proof of play up per day ({@link PlayRollup}), looking back twice
 * the interval so a missed run loses nothing.
 */
public final class PlayRollupJob implements Work {
    public static final String NAME = "PlayRollupJob";
    public static final int INTERVAL_SECONDS = 900;
    private final PlayRollup rollup;
    private final Clock clock;

    public PlayRollupJob(PlayRollup rollup, Clock clock) {
        this.rollup = rollup;
        this.clock = clock;
    }

    @Override
    public void run(Firing firing) {
        var now = clock.instant();
        rollup.run(now.minus(Duration.ofSeconds(2L * INTERVAL_SECONDS)), now);
    }
}
