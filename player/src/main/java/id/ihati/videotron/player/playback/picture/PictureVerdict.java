package id.ihati.videotron.player.playback.picture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Whether the window's picture is what it should be, from the last few looks at it. Pure: samples in, verdict out.
 *
 * <ul>
 *   <li>{@link State#BLACK}: an item should be on screen and every look at it for at least {@code after} saw
 *       black;</li>
 *   <li>{@link State#FROZEN}: a video seen moving earlier in the same play (so not a clip that is one still
 *       picture throughout), then its position advanced (by at least half the time, so a loaded machine still
 *       counts) while every look for at least {@code after} saw the same picture;</li>
 *   <li>{@link State#OK} otherwise, including when nothing should show (dark hours, pairing, a status text), a
 *       picture (it never moves), or the item changed within {@code after}.</li>
 * </ul>
 */
public final class PictureVerdict {
    private PictureVerdict() {
    }

    public enum State { OK, BLACK, FROZEN }

    /**
     * One look at the window.
     *
     * @param showing       the play that should be on screen (any value equal for the same play), or
     *                      {@code null} when no content should show
     * @param videoPosition the position of the video on screen while it should be moving; empty for pictures
     */
    public record Sample(Instant at, Thumbnail picture, Object showing, OptionalLong videoPosition) {
    }

    /** The verdict at the last of {@code samples} (oldest first). */
    public static State decide(List<Sample> samples, Duration after) {
        if (samples.isEmpty()) {
            return State.OK;
        }
        Sample last = samples.get(samples.size() - 1);
        if (last.showing() == null) {
            return State.OK;
        }
        // Walk back over the same play while the picture stays black / stays the same.
        Sample firstBlack = null;
        Sample firstSame = null;
        Sample beforeSame = null;   // the look just before the same pictures began, if of this play
        boolean black = true;
        boolean same = true;
        for (int i = samples.size() - 1; i >= 0 && (black || same); i--) {
            Sample s = samples.get(i);
            if (!last.showing().equals(s.showing())) {
                break;
            }
            black = black && s.picture().black();
            if (black) {
                firstBlack = s;
            }
            if (same && s.videoPosition().isPresent() && s.picture().sameAs(last.picture())) {
                firstSame = s;
            } else if (same) {
                same = false;
                beforeSame = s;
            }
        }
        if (firstBlack != null && lasted(firstBlack, last, after)) {
            return State.BLACK;
        }
        // Frozen only after the video was seen moving in this play: a clip that is one still picture from its
        // start (a slide made into a video) is not a fault.
        boolean movedBefore = beforeSame != null && beforeSame.videoPosition().isPresent();
        if (movedBefore && lasted(firstSame, last, after)) {
            long advanced = last.videoPosition().getAsLong() - firstSame.videoPosition().getAsLong();
            if (advanced >= after.toMillis() / 2) {
                return State.FROZEN;
            }
        }
        return State.OK;
    }

    /**
     * The state after the last of {@code samples}, given the state before it. A fault begins as {@link #decide}
     * says; it ends only on evidence that the picture is back (black: a picture that is not black; frozen: a
     * picture that changed since the look before, e.g. the re-opened video's or the next item's), or when nothing
     * should show: a few looks after a re-opening are no proof either way.
     */
    public static State next(State current, List<Sample> samples, Duration after) {
        State verdict = decide(samples, after);
        if (current == State.OK || verdict != State.OK || samples.isEmpty()) {
            return verdict == State.OK && samples.isEmpty() ? current : verdict;
        }
        Sample last = samples.get(samples.size() - 1);
        if (last.showing() == null) {
            return State.OK;
        }
        boolean back = switch (current) {
            case BLACK -> !last.picture().black();
            case FROZEN -> samples.size() >= 2 && !last.picture().sameAs(samples.get(samples.size() - 2).picture());
            case OK -> true;
        };
        return back ? State.OK : current;
    }

    private static boolean lasted(Sample from, Sample to, Duration after) {
        return Duration.between(from.at(), to.at()).compareTo(after) >= 0;
    }
}
