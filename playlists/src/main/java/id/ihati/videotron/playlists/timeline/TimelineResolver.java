package id.ihati.videotron.playlists.timeline;

import id.ihati.videotron.playlists.manifest.Manifest;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides what plays when. Pure: same input, identical output; no clock or random source is read. See
 * {@code docs/playlists.md} for the rules in plain words; in short:
 * <ul>
 *   <li>Loop <i>k</i> of a local day starts at local midnight + <i>k</i>·loop length; the last loop of a day
 *       is cut short at the next midnight (DST days are 23 or 25 hours long).</li>
 *   <li>In each loop: alerts take every slot they overlap; then bookings by priority (equal priorities take
 *       turns), each spread evenly through the loop; then filler in the slots left.</li>
 *   <li>Bookings use only slots lying wholly inside both their window and the operating hours. A slot only
 *       partly inside the operating hours plays filler (or the alert) for exactly the operating part.</li>
 *   <li>A play lasts whole slots: {@code ceil(duration / slot)} of them. When the media is shorter the player
 *       holds its last frame until the play ends; a clipped play (end of a partial slot, of an alert run or of
 *       a filler run) is stopped at its end.</li>
 * </ul>
 * Instances hold no state and may be shared between threads.
 */
public final class TimelineResolver {

    /**
     * The plays of {@code manifest}'s screen that overlap {@code [from, to)} (whole, not clipped to the
     * range, in start order), the bookings that got fewer plays than they asked for in the loops overlapping
     * the range, and the first loop start after {@code from} at which a booking, alert, operating window or
     * media validity starts or ends (looked for up to the manifest's {@code validUntil}, or {@code to} if
     * later, at most 62 days ahead), or {@code null}.
     */
    public Timeline resolve(Manifest manifest, Instant from, Instant to) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
        }
        return new ScreenRun(manifest).resolve(from, to);
    }
}
