package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import id.ihati.videotron.playlists.validation.Parsed;

/** Turns JSON text into records, reporting problems as field errors instead of exceptions. */
final class JsonReading {
    private JsonReading() {
    }

    static Parsed<Manifest> manifest(String json) {
        return bind(json, Manifest.class);
    }

    static <T> Parsed<T> bind(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            return Parsed.invalid("", "Dokumen JSON kosong", "The JSON document is empty");
        }
        try {
            return Parsed.ok(Json.MAPPER.readValue(json, type));
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : e.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String msg = cause.getMessage() == null ? e.getOriginalMessage() : cause.getMessage();
            return Parsed.invalid(path.toString(), "Nilai tidak valid: " + msg, "Invalid value: " + msg);
        } catch (JsonProcessingException e) {
            return Parsed.invalid("", "JSON rusak: " + e.getOriginalMessage(), "Malformed JSON: " + e.getOriginalMessage());
        }
    }
}
