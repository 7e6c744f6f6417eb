package id.ihati.videotron.playlists.validation;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that need more than one object: a booking against the media it names and a screen it targets, an
 * alert or the filler against the media. The records already validate themselves in their constructors;
 * these are the rules that span records. Pure: the admin server runs them on objects it built, the codecs
 * run them on what they read. Error paths are relative to the checked object (e.g. {@code items[1]},
 * {@code frequency.slots}); prefix them with {@link FieldError#under}.
 */
public final class ScheduleValidator {
    private ScheduleValidator() {
    }

    /**
     * Problems of {@code booking}: items missing from {@code media}, items longer than {@code screen}'s loop,
     * a frequency that can never be met on that screen. {@code screen} may be {@code null} to check the
     * media only.
     */
    public static List<FieldError> validate(Booking booking, Map<String, Media> media, ScreenProfile screen) {
        List<FieldError> errors = new ArrayList<>();
        long longestMillis = 0;
        for (int i = 0; i < booking.items().size(); i++) {
            String id = booking.items().get(i);
            Media m = media.get(id);
            if (m == null) {
                errors.add(unknownMedia("items[" + i + "]", id));
                continue;
            }
            longestMillis = Math.max(longestMillis, m.durationMillis());
            if (screen != null && m.durationMillis() > screen.loopSeconds() * 1000L) {
                errors.add(new FieldError("items[" + i + "]",
                        "media \"" + id + "\" berdurasi " + seconds(m.durationMillis()) + " dtk, lebih panjang dari loop layar "
                                + screen.id() + " (" + screen.loopSeconds() + " dtk)",
                        "media \"" + id + "\" lasts " + seconds(m.durationMillis()) + " s, longer than the loop of screen "
                                + screen.id() + " (" + screen.loopSeconds() + " s)"));
            }
        }
        if (screen != null && longestMillis > 0 && longestMillis <= screen.loopSeconds() * 1000L) {
            checkFrequency(booking, screen, longestMillis, errors);
        }
        return errors;
    }

    private static void checkFrequency(Booking booking, ScreenProfile screen, long longestMillis, List<FieldError> errors) {
        int slotsPerPlay = (int) ((longestMillis + screen.slotSeconds() * 1000L - 1) / (screen.slotSeconds() * 1000L));
        Frequency f = booking.frequency();
        if (f instanceof Frequency.PerLoop p && (long) p.slots() * slotsPerPlay > screen.slotsPerLoop()) {
            errors.add(new FieldError("frequency.slots",
                    p.slots() + " tayangan × " + slotsPerPlay + " slot tidak muat dalam loop " + screen.slotsPerLoop() + " slot",
                    p.slots() + " plays × " + slotsPerPlay + " slots do not fit in a loop of " + screen.slotsPerLoop() + " slots"));
        } else if (f instanceof Frequency.EveryNthLoop n && n.n() > loopsPerDay(screen)) {
            errors.add(new FieldError("frequency.n",
                    "satu hari hanya punya " + loopsPerDay(screen) + " loop; setiap loop ke-" + n.n() + " tidak pernah terjadi",
                    "a day has only " + loopsPerDay(screen) + " loops; every " + n.n() + "th loop never comes"));
        } else if (f instanceof Frequency.PerDay d) {
            long windowSlots = 0;
            for (TimeWindow w : booking.windows()) {
                windowSlots += w.lengthSeconds() / screen.slotSeconds();
            }
            long fit = windowSlots / slotsPerPlay;
            if (d.plays() > fit) {
                errors.add(new FieldError("frequency.plays",
                        d.plays() + " tayangan per hari tidak muat dalam jendela waktu (paling banyak " + fit + ")",
                        d.plays() + " plays a day do not fit in the time windows (at most " + fit + ")"));
            }
        }
    }

    /** Problems of {@code alert}: its media missing from {@code media}. */
    public static List<FieldError> validate(Alert alert, Map<String, Media> media) {
        return media.containsKey(alert.mediaId()) ? List.of() : List.of(unknownMedia("mediaId", alert.mediaId()));
    }

    /** Problems of {@code filler}: items missing from {@code media}. */
    public static List<FieldError> validate(Filler filler, Map<String, Media> media) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < filler.items().size(); i++) {
            if (!media.containsKey(filler.items().get(i))) {
                errors.add(unknownMedia("items[" + i + "]", filler.items().get(i)));
            }
        }
        return errors;
    }

    private static FieldError unknownMedia(String path, String id) {
        return new FieldError(path, "media \"" + id + "\" tidak dikenal", "unknown media \"" + id + "\"");
    }

    private static int loopsPerDay(ScreenProfile screen) {
        return (86_400 + screen.loopSeconds() - 1) / screen.loopSeconds();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.valueOf(millis / 1000.0);
    }
}
