package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.playlists.validation.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A position in a JSON tree with its path (e.g. {@code bookings[2].windows[0].to}), reading values and
 * recording every problem as a {@link FieldError} in Bahasa Indonesia and English instead of throwing. Each
 * reader returns {@code null} when the value is missing or wrong; the caller checks {@link #failedSince}.
 */
final class JsonCursor {
    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonCursor(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    static JsonCursor root(JsonNode node, List<FieldError> errors) {
        return new JsonCursor(node, "", errors);
    }

    String path() {
        return path;
    }

    JsonCursor get(String name) {
        JsonNode child = node == null || !node.isObject() ? null : node.get(name);
        return new JsonCursor(child, path.isEmpty() ? name : path + "." + name, errors);
    }

    /** The text here if it is text, else {@code null}; records no error. */
    String peekText() {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    boolean missing() {
        return node == null || node.isNull();
    }

    int errorCount() {
        return errors.size();
    }

    boolean failedSince(int count) {
        return errors.size() > count;
    }

    void error(String messageId, String messageEn) {
        errors.add(new FieldError(path, messageId, messageEn));
    }

    /** Adds {@code found} errors (paths relative to this position) under this position's path. */
    void errors(List<FieldError> found) {
        for (FieldError e : found) {
            errors.add(e.under(path));
        }
    }

    private boolean present(boolean required) {
        if (missing()) {
            if (required) {
                error("wajib diisi", "is required");
            }
            return false;
        }
        return true;
    }

    /** True when this is an object; reports missing (if required) or wrong type. */
    boolean object(boolean required) {
        if (!present(required)) {
            return false;
        }
        if (!node.isObject()) {
            error("harus berupa objek JSON {…}", "must be a JSON object {…}");
            return false;
        }
        return true;
    }

    String text(boolean required) {
        if (!present(required)) {
            return null;
        }
        if (!node.isTextual()) {
            error("harus berupa teks", "must be text");
            return null;
        }
        if (node.asText().isBlank()) {
            if (required) {
                error("tidak boleh kosong", "must not be empty");
            }
            return null;
        }
        return node.asText();
    }

    Integer integer(boolean required) {
        if (!present(required)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error("harus berupa bilangan bulat", "must be a whole number");
            return null;
        }
        return node.intValue();
    }

    /** A whole number greater than zero. */
    Integer positiveInt(boolean required) {
        Integer v = integer(required);
        if (v != null && v <= 0) {
            error("harus lebih dari 0, tertulis " + v, "must be greater than 0, was " + v);
            return null;
        }
        return v;
    }

    Long positiveLong(boolean required) {
        if (!present(required)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            error("harus berupa bilangan bulat", "must be a whole number");
            return null;
        }
        long v = node.longValue();
        if (v <= 0) {
            error("harus lebih dari 0, tertulis " + v, "must be greater than 0, was " + v);
            return null;
        }
        return v;
    }

    Long longValue(boolean required) {
        if (!present(required)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            error("harus berupa bilangan bulat", "must be a whole number");
            return null;
        }
        return node.longValue();
    }

    Double decimal(double min, double max) {
        if (!present(true)) {
            return null;
        }
        if (!node.isNumber()) {
            error("harus berupa angka", "must be a number");
            return null;
        }
        double v = node.doubleValue();
        if (v < min || v > max) {
            error("harus antara " + min + " dan " + max + ", tertulis " + v,
                    "must be between " + min + " and " + max + ", was " + v);
            return null;
        }
        return v;
    }

    boolean bool(boolean fallback) {
        if (missing()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            error("harus true atau false", "must be true or false");
            return fallback;
        }
        return node.booleanValue();
    }

    <E extends Enum<E>> E enumOf(Class<E> type, boolean required) {
        String s = text(required);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            error("harus salah satu dari: " + allowed + "; tertulis \"" + s + "\"",
                    "must be one of: " + allowed + "; was \"" + s + "\"");
            return null;
        }
    }

    Instant instant(boolean required) {
        return parsed(required, Instant::parse, "waktu ISO-8601 seperti 2026-12-01T08:00:00Z",
                "an ISO-8601 instant like 2026-12-01T08:00:00Z");
    }

    LocalDate date(boolean required) {
        return parsed(required, LocalDate::parse, "tanggal berformat YYYY-MM-DD", "a date formatted YYYY-MM-DD");
    }

    LocalTime time(boolean required) {
        return parsed(required, LocalTime::parse, "jam berformat HH:mm atau HH:mm:ss",
                "a time formatted HH:mm or HH:mm:ss");
    }

    ZoneId zone(boolean required) {
        String s = text(required);
        if (s == null) {
            return null;
        }
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            error("zona waktu tidak dikenal: \"" + s + "\" (contoh: Asia/Jakarta)",
                    "unknown time zone: \"" + s + "\" (for example Asia/Jakarta)");
            return null;
        }
    }

    private <T> T parsed(boolean required, java.util.function.Function<String, T> parse, String id, String en) {
        String s = text(required);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s);
        } catch (DateTimeException e) {
            error("harus " + id + "; tertulis \"" + s + "\"", "must be " + en + "; was \"" + s + "\"");
            return null;
        }
    }

    /** The elements of an array; a missing optional array is empty, a wrong type or missing required one is null. */
    List<JsonCursor> list(boolean required) {
        if (!present(required)) {
            return required ? null : List.of();
        }
        if (!node.isArray()) {
            error("harus berupa daftar […]", "must be a list […]");
            return null;
        }
        List<JsonCursor> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonCursor(node.get(i), path + "[" + i + "]", errors));
        }
        return out;
    }

    /** A list that must have at least one element. */
    List<JsonCursor> nonEmptyList() {
        List<JsonCursor> items = list(true);
        if (items != null && items.isEmpty()) {
            error("daftar tidak boleh kosong", "the list must not be empty");
            return null;
        }
        return items;
    }

    /** A list of non-empty texts; null (with errors) when any element is wrong. */
    List<String> texts(boolean required, boolean nonEmpty) {
        int before = errorCount();
        List<JsonCursor> items = nonEmpty ? nonEmptyList() : list(required);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonCursor c : items) {
            out.add(c.text(true));
        }
        return failedSince(before) ? null : out;
    }

    /** The members of an object in document order; a missing optional object is empty. */
    Map<String, JsonCursor> members(boolean required) {
        if (!object(required)) {
            return missing() && !required ? Map.of() : null;
        }
        Map<String, JsonCursor> out = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            out.put(name, get(name));
        }
        return out;
    }

    /**
     * Builds a record from values already checked; the record's own constructor checks are a backstop whose
     * message is reported at this path rather than thrown.
     */
    <T> T build(int errorsBefore, Supplier<T> constructor) {
        if (failedSince(errorsBefore)) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error("nilai tidak valid: " + e.getMessage(), "invalid value: " + e.getMessage());
            return null;
        }
    }
}
