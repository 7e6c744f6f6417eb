package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.validation.FieldError;
import id.ihati.videotron.playlists.validation.Parsed;
import id.ihati.videotron.playlists.validation.ScheduleValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns JSON text into records, reporting every problem as a field error instead of throwing. */
final class JsonReading {
    private JsonReading() {
    }

    /** Parses {@code json} and reads it with {@code reader}; malformed JSON and surprises become errors. */
    static <T> Parsed<T> read(String json, Function<JsonCursor, T> reader) {
        if (json == null || json.isBlank()) {
            return Parsed.invalid("", "Dokumen JSON kosong", "The JSON document is empty");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (baris " + at.getLineNr() + ", kolom " + at.getColumnNr() + ")";
            String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return Parsed.invalid("", "JSON rusak" + where + ": " + e.getOriginalMessage(),
                    "Malformed JSON" + whereEn + ": " + e.getOriginalMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        T value;
        try {
            value = reader.apply(JsonCursor.root(tree, errors));
        } catch (RuntimeException e) {
            // A reader bug must still not reach the caller as a stack trace; say what happened.
            errors.add(new FieldError("", "Dokumen tidak dapat dibaca: " + e, "The document could not be read: " + e));
            value = null;
        }
        if (!errors.isEmpty() || value == null) {
            return errors.isEmpty()
                    ? Parsed.invalid("", "Dokumen tidak valid", "The document is not valid")
                    : Parsed.invalid(errors);
        }
        return Parsed.ok(value);
    }

    static Manifest manifest(JsonCursor c) {
        int before = c.errorCount();
        if (!c.object(true)) {
            return null;
        }
        Integer version = c.get("formatVersion").positiveInt(true);
        ScreenProfile screen = ScheduleReader.screen(c.get("screen"));
        Instant generatedAt = c.get("generatedAt").instant(true);
        Instant validUntil = c.get("validUntil").instant(true);
        if (generatedAt != null && validUntil != null && !validUntil.isAfter(generatedAt)) {
            c.get("validUntil").error("berakhir (" + validUntil + ") sebelum dibuat (" + generatedAt + ")",
                    "ends (" + validUntil + ") before it was generated (" + generatedAt + ")");
        }
        Long scheduleVersion = c.get("scheduleVersion").missing() ? Long.valueOf(0) : c.get("scheduleVersion").longValue(true);
        String mediaPath = c.get("mediaPath").text(false);

        int mediaBefore = c.errorCount();
        List<Media> media = each(c.get("media"), ScheduleReader::media);
        boolean mediaOk = !c.failedSince(mediaBefore);
        List<Booking> bookings = each(c.get("bookings"), ScheduleReader::booking);
        List<Alert> alerts = each(c.get("alerts"), ScheduleReader::alert);
        Filler filler = c.get("filler").missing() ? null : ScheduleReader.filler(c.get("filler"));
        String hash = c.get("contentHash").text(false);

        if (mediaOk && media != null) {
            // Cross-references only when every media entry was read, so a broken entry is not reported twice.
            Map<String, Media> byId = new HashMap<>();
            media.forEach(m -> byId.put(m.id(), m));
            crossCheck(c.get("bookings"), bookings, b -> ScheduleValidator.validate(b, byId, screen));
            crossCheck(c.get("alerts"), alerts, a -> ScheduleValidator.validate(a, byId));
            if (filler != null) {
                c.get("filler").errors(ScheduleValidator.validate(filler, byId));
            }
        }
        return c.build(before, () -> new Manifest(version, screen, generatedAt, validUntil, scheduleVersion, mediaPath,
                media, bookings, alerts, filler, hash));
    }

    /** Reads an optional list whose elements have unique ids; null when any element failed. */
    private static <T> List<T> each(JsonCursor c, Function<JsonCursor, T> reader) {
        int before = c.errorCount();
        List<JsonCursor> list = c.list(false);
        if (list == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (JsonCursor e : list) {
            out.add(reader.apply(e));
        }
        ScheduleReader.uniqueIds(list);
        return c.failedSince(before) ? null : out;
    }

    private static <T> void crossCheck(JsonCursor list, List<T> values, Function<T, List<FieldError>> check) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            list.errors(prefixIndex(check.apply(values.get(i)), i));
        }
    }

    private static List<FieldError> prefixIndex(List<FieldError> errors, int i) {
        return errors.stream().map(e -> e.under("[" + i + "]")).toList();
    }
}
