package id.ihati.videotron.player.playback.display;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the display to sleep for dark hours and wakes it again, with {@code xset dpms force off|on}. Where that
 * is impossible (no xset, no DPMS on this X server) the window simply stays black; this is logged once.
 * After waking, DPMS is switched off again so the screen does not blank on its own during the day.
 */
public final class DisplayPower {
    private static final Logger log = LoggerFactory.getLogger(DisplayPower.class);

    private final Executor executor;
    private final boolean enabled;
    private final Predicate<List<String>> command;
    private boolean asleep;          // the display is awake at start; only touched by the caller's thread
    private volatile boolean warned;

    /** {@code enabled=false} leaves the display's power alone (e.g. a desktop window for a demo). */
    public DisplayPower(Executor executor, boolean enabled) {
        this(executor, enabled, null);
    }

    /**
     * As above, with {@code command} running a command line and saying whether it succeeded (a test records them:
     * Xvfb has no DPMS); {@code null} runs them as processes.
     */
    public DisplayPower(Executor executor, boolean enabled, Predicate<List<String>> command) {
        this.executor = executor;
        this.enabled = enabled;
        this.command = command != null ? command : this::run;
    }

    public void sleep() {
        change(true);
    }

    public void wake() {
        change(false);
    }

    private void change(boolean sleep) {
        if (!enabled || asleep == sleep) {
            return;
        }
        asleep = sleep;
        log.info(sleep ? "dark hours: putting the display to sleep" : "operating hours: waking the display");
        executor.execute(() -> {
            if (sleep) {
                command.test(List.of("xset", "dpms", "force", "off"));
            } else {
                if (command.test(List.of("xset", "dpms", "force", "on"))) {
                    command.test(List.of("xset", "-dpms"));
                }
            }
        });
    }

    private boolean run(List<String> command) {
        try {
            var p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                warnOnce(String.join(" ", command) + " failed: " + out);
                return false;
            }
            return true;
        } catch (IOException e) {
            warnOnce(String.join(" ", command) + " could not run: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            log.warn("cannot switch the display's power, the window stays black in dark hours instead ({})",
                    message);
        }
    }
}
