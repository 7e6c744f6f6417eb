package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.validation.Parsed;
import id.ihati.videotron.playlists.validation.ScheduleValidator;
import java.util.Map;

/**
 * Reads and writes one booking as JSON, in the shape the admin form and API send it (the same shape it has
 * inside a manifest's {@code bookings} list). Error paths are relative to the booking, e.g.
 * {@code windows[0].to}.
 */
public final class BookingCodec {
    private BookingCodec() {
    }

    /** The booking in {@code json}, or every structural error in it (missing fields, types, ranges, dates). */
    public static Parsed<Booking> read(String json) {
        return JsonReading.read(json, ScheduleReader::booking);
    }

    /**
     * Like {@link #read(String)}, then checked against the known {@code media} and a {@code screen} it will
     * play on ({@code null} to skip the screen checks): unknown items, items longer than the loop, a frequency
     * the screen can never give. See {@link ScheduleValidator#validate(Booking, Map, ScreenProfile)}.
     */
    public static Parsed<Booking> read(String json, Map<String, Media> media, ScreenProfile screen) {
        Parsed<Booking> parsed = read(json);
        if (parsed instanceof Parsed.Ok<Booking> ok) {
            var errors = ScheduleValidator.validate(ok.value(), media, screen);
            return errors.isEmpty() ? parsed : Parsed.invalid(errors);
        }
        return parsed;
    }

    public static String write(Booking booking) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(booking);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a booking record always serialises", e);
        }
    }
}
