package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.jobs.Work;
import java.time.Clock;

/** Every {@link #INTERVAL_SECONDS}: opens and closes screen incidents ({@link ScreenWatch}). */
public final class ScreenWatchJob implements Work {
    public static final String NAME = "ScreenWatchJob";
    public static final int INTERVAL_SECONDS = 15;
    private final ScreenWatch watch;
    private final Clock clock;

    public ScreenWatchJob(ScreenWatch watch, Clock clock) {
        this.watch = watch;
        this.clock = clock;
    }

    @Override
    public void run(Firing firing) {
        watch.check(clock.instant());
    }
}
