package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pure: at one look at the plan, what the screen should show (and how far into it), which item to open ahead,
 * and when to look again. {@link PlaybackEngine} gathers a {@link Situation}, asks {@link #decide} and only
 * carries the answer out (JavaFX, timers, reports); no clock is read here, {@code now} is part of the situation.
 */
public final class PlaybackDecision {

    private PlaybackDecision() {
    }

    /**
     * @param prepareLead      how long before its slot the next item is opened
     * @param tick             the longest time between two looks at the plan
     * @param resumeThreshold  a video whose slot started more than this ago starts at its wall-clock position;
     *                         one that started less long ago starts from the top (a few frames late beats a jump)
     * @param quietAfterSwitch after a switch the next item is not opened for this long if its slot allows:
     *                         opening costs the FX thread time while the new item draws its first frames
     */
    public record Timing(Duration prepareLead, Duration tick, Duration resumeThreshold, Duration quietAfterSwitch) {
        public Timing {
            Objects.requireNonNull(prepareLead, "prepareLead");
            Objects.requireNonNull(tick, "tick");
            Objects.requireNonNull(resumeThreshold, "resumeThreshold");
            Objects.requireNonNull(quietAfterSwitch, "quietAfterSwitch");
        }
    }

    /**
     * What is on screen (or starting beneath it).
     *
     * @param planned  the slot it serves
     * @param shown    what it shows: the planned play, or a filler stand-in for a failed one
     * @param planHash the content hash of the plan it was opened under
     * @param failed   it could not play
     */
    public record Showing(PlannedPlay planned, PlannedPlay shown, String planHash, boolean failed) {
    }

    /**
     * One look at the plan.
     *
     * @param plays      the plan's plays around {@code now}, in start order, not overlapping
     * @param now        the wall clock (the server's time)
     * @param screen     the screen's profile, for its operating hours
     * @param planHash   the content hash of the plan {@code plays} come from
     * @param showing    what is on screen, or null
     * @param abandoned  a slot nothing could be shown for (not retried at every look), or null
     * @param lastServed the last play switched to, or null: plays between it and the new one were missed
     * @param lastSwitch when the last item got its first picture ({@link Instant#MIN} if none yet)
     * @param restart    start the current slot again even if it is showing (the watchdog asked)
     */
    public record Situation(List<PlannedPlay> plays, Instant now, ScreenProfile screen, String planHash,
                            Showing showing, PlannedPlay abandoned, PlannedPlay lastServed, Instant lastSwitch,
                            boolean restart, Timing timing) {
        public Situation {
            plays = List.copyOf(plays);
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(screen, "screen");
            Objects.requireNonNull(lastSwitch, "lastSwitch");
            Objects.requireNonNull(timing, "timing");
        }
    }

    /** What the screen does now. */
    public sealed interface Screen permits Show, Keep, Idle {
    }

    /**
     * Start {@code play} now, {@code position} into its file: zero from the top of a slot, else the wall-clock
     * position (now − slot start), so a player restarted mid-video resumes where the street would expect it.
     * {@code missed} are the plays that lay wholly between the last one served and this one: never shown.
     */
    public record Show(PlannedPlay play, Duration position, List<PlannedPlay> missed) implements Screen {
        public Show {
            missed = List.copyOf(missed);
        }
    }

    /** Leave the screen as it is: it shows the right slot (or the slot was given up, or an item is ending). */
    public record Keep() implements Screen {
    }

    /** Nothing is planned now: dark (and the display asleep) outside operating hours, a status screen inside. */
    public record Idle(boolean dark) implements Screen {
    }

    /**
     * @param screen  what the screen does now
     * @param prepare the play to open ahead now, or null
     * @param wake    when to look again (at the latest; a plan change looks at once)
     */
    public record Decision(Screen screen, PlannedPlay prepare, Instant wake) {
    }

    public static Decision decide(Situation s) {
        Instant now = s.now();
        PlannedPlay target = playAt(s.plays(), now);
        PlannedPlay next = firstFrom(s.plays(), target != null ? target.end() : now);

        Screen screen;
        if (target == null) {
            screen = new Idle(!OperatingHours.open(s.screen(), now));
        } else if (s.restart() || (!target.equals(servingSlot(s.showing())) && !target.equals(s.abandoned())
                && !joinedOnly(s, target))) {
            screen = new Show(target, positionAt(target, now, s.timing().resumeThreshold()),
                    missed(s.plays(), s.lastServed(), target));
        } else {
            screen = new Keep();
        }

        PlannedPlay prepare = null;
        Instant wake = now.plus(s.timing().tick());
        if (next != null && !next.start().isAfter(now.plus(s.timing().prepareLead()))) {
            Duration quiet = s.timing().quietAfterSwitch();
            Instant quietUntil = s.lastSwitch().plus(quiet);
            if (now.isBefore(quietUntil) && next.start().isAfter(quietUntil.plus(quiet))) {
                wake = quietUntil;
            } else {
                prepare = next;
            }
        }
        if (next != null && next.start().isBefore(wake)) {
            wake = next.start();
        }
        return new Decision(screen, prepare, wake);
    }

    /**
     * How far into its file {@code play} should be at {@code at}: its wall-clock position, or zero when its slot
     * began no more than {@code threshold} ago (or has not begun). The engine asks again at the moment a video
     * really starts, since opening a file that was not prepared takes a while.
     */
    public static Duration positionAt(PlannedPlay play, Instant at, Duration threshold) {
        Duration into = Duration.between(play.start(), at);
        return into.compareTo(threshold) > 0 ? into : Duration.ZERO;
    }

    private static PlannedPlay servingSlot(Showing showing) {
        return showing != null ? showing.planned() : null;
    }

    /**
     * True when {@code target} differs from what is on screen only because items of the same plan joined as their
     * files arrived (or the old plan under it went away): what is on screen then plays to its own end instead of
     * being cut for a moment's difference, except for an alert, which takes over at once. Only while what is on
     * screen is still in its own time: after the clock was set back it is not, and the slot of the new time plays.
     */
    private static boolean joinedOnly(Situation s, PlannedPlay target) {
        Showing on = s.showing();
        return on != null && !on.failed() && on.planHash() != null && on.planHash().equals(s.planHash())
                && target.category() != Category.ALERT && !s.now().isBefore(on.shown().start())
                && s.now().isBefore(on.shown().end());
    }

    private static List<PlannedPlay> missed(List<PlannedPlay> plays, PlannedPlay lastServed, PlannedPlay target) {
        if (lastServed == null) {
            return List.of();
        }
        List<PlannedPlay> out = new ArrayList<>();
        for (var p : plays) {
            if (!p.start().isBefore(lastServed.end()) && !p.end().isAfter(target.start())) {
                out.add(p);
            }
        }
        return out;
    }

    private static PlannedPlay playAt(List<PlannedPlay> plays, Instant now) {
        for (var p : plays) {
            if (!now.isBefore(p.start()) && now.isBefore(p.end())) {
                return p;
            }
        }
        return null;
    }

    private static PlannedPlay firstFrom(List<PlannedPlay> plays, Instant t) {
        for (var p : plays) {
            if (!p.start().isBefore(t)) {
                return p;
            }
        }
        return null;
    }
}
