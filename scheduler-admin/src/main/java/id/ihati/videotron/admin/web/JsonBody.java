package id.ihati.videotron.admin.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies and turns every way they can be wrong into a refusal that names the field (a JSON
 * path such as {@code records[2].seq}, or {@code body} for the body as a whole) and says what was expected, in
 * Indonesian and English: never a Java class, a parser limit or a stack detail (issue 12).
 *
 * <p>Two kinds of reader: {@link Unknown#REFUSE} for staff-facing JSON (a typo in a field name is an error the
 * person should see) and {@link Unknown#IGNORE} for the player and pairing API, whose clients may be newer than
 * this server (docs/player-api.md, "How versions meet"): unknown fields are skipped and handed back so the
 * caller can count them.
 */
public final class JsonBody {
    /** The deepest nesting any of our bodies needs is 4; this leaves room and stops nesting bombs early. */
    public static final int MAX_DEPTH = 32;
    /** The field name used when the body as a whole is at fault (empty, not an object, not JSON). */
    public static final String BODY = "body";

    /** What to do with a field the body's type does not know. */
    public enum Unknown { REFUSE, IGNORE }

    /** A read body and the paths of the fields that were ignored (always empty for {@link Unknown#REFUSE}). */
    public record Read<T>(T value, List<String> unknownFields) {
    }

    private static final ObjectMapper STRICT = mapper(true);
    private static final ObjectMapper TOLERANT = mapper(false);

    private JsonBody() {
    }

    private static ObjectMapper mapper(boolean refuseUnknown) {
        var m = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, refuseUnknown)
                // "5" for a number or 1.5 for a whole number is a client bug worth telling, not guessing around.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
        // A number or true/false where text is expected is refused, not turned into "5" or "true".
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(40).build());
        return m;
    }

    /** Reads {@code body} as {@code type}; a {@link ValidationException} (400) names every field at fault. */
    public static <T> Read<T> read(byte[] body, Class<T> type, Unknown unknown) {
        if (body == null || isBlank(body)) {
            throw refusal(BODY, "json.empty", expected(type));
        }
        List<String> ignored = new ArrayList<>();
        var reader = (unknown == Unknown.REFUSE ? STRICT : TOLERANT).readerFor(type);
        if (unknown == Unknown.IGNORE) {
            reader = reader.withHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                     JsonDeserializer<?> deserializer, Object beanOrClass,
                                                     String propertyName) throws IOException {
                    String parent = path(p.getParsingContext().getParent());
                    ignored.add(parent.isEmpty() ? propertyName : parent + "." + propertyName);
                    p.skipChildren();
                    return true;
                }
            });
        }
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw refusal(BODY, "json.expectedObject", expected(type));
            }
            return new Read<>(value, List.copyOf(ignored));
        } catch (JsonProcessingException e) {
            throw new ValidationException(400, List.of(problem(e, type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a flat JSON object of text fields (numbers and true/false are taken as their text, a list of them as
     * the items joined by commas), refusing fields not in {@code known}: for staff-facing endpoints whose handlers
     * take form-like fields.
     */
    public static java.util.Map<String, String> flatObject(byte[] body, Collection<String> known) {
        if (body == null || isBlank(body)) {
            throw refusal(BODY, "json.empty", fieldList(known));
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationException(400, List.of(problem(e, null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw refusal(BODY, "json.expectedObjectWith", fieldList(known));
        }
        var problems = new ArrayList<Problem>();
        var fields = new java.util.LinkedHashMap<String, String>();
        object.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!known.contains(name)) {
                problems.add(of(name, "json.unknownField", fieldList(known)));
            } else if (v.isNull()) {
                fields.put(name, null);
            } else if (v.isValueNode()) {
                fields.put(name, v.asText());
            } else if (v.isArray() && allValues(v)) {
                var parts = new ArrayList<String>();
                v.forEach(x -> parts.add(x.asText()));
                fields.put(name, String.join(",", parts));
            } else {
                problems.add(of(name, "json.expected", text("json.type.textOrList")));
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(400, problems);
        }
        return fields;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isValueNode() || x.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** The refusal for one processing failure: where it happened and what was expected there. */
    static Problem problem(JsonProcessingException e, Class<?> rootType) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException inner
                && !(inner instanceof JsonMappingException)) {
            return problem(inner, rootType); // the text went wrong while a value was being bound
        }
        if (e instanceof UnrecognizedPropertyException u) {
            var known = new TreeSet<String>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return of(path(u.getPath(), u.getPropertyName()), "json.unknownField", fieldList(known));
        }
        if (e instanceof ValueInstantiationException v) {
            return instantiation(v);
        }
        if (e instanceof InvalidFormatException f) {
            return of(field(f.getPath()), "json.expected", expected(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType() != null ? m.getTargetType() : rootType;
            return of(field(m.getPath()), "json.expected", expected(target));
        }
        if (e instanceof JsonMappingException m) {
            return Problem.of(field(m.getPath()), "json.invalidValue");
        }
        // Below: the text itself is not JSON. Name the field the parser was in.
        String where = e.getProcessor() instanceof JsonParser p ? orBody(path(p.getParsingContext())) : BODY;
        if (e instanceof InputCoercionException c) {
            return of(where, "json.expected", expected(c.getTargetType()));
        }
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
            return m.contains("nesting") ? Problem.of(where, "json.tooDeep", MAX_DEPTH)
                    : Problem.of(where, "json.tooLong");
        }
        if (e instanceof JsonEOFException) {
            return Problem.of(where, "json.truncated");
        }
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("UTF-8") || m.contains("UTF8") || m.contains("Invalid character")) {
            return Problem.of(where, "json.encoding");
        }
        var loc = e.getLocation();
        return loc == null ? Problem.of(where, "json.syntax", 1, 1)
                : Problem.of(where, "json.syntax", loc.getLineNr(), loc.getColumnNr());
    }

    /** A record's constructor refused its values: a required one missing, or one out of range. */
    private static Problem instantiation(ValueInstantiationException v) {
        String at = field(v.getPath());
        Throwable cause = v.getCause();
        String detail = cause == null ? null : cause.getMessage();
        Class<?> type = v.getType() == null ? null : v.getType().getRawClass();
        String component = componentNamed(type, detail);
        String where = component == null ? at : (at.equals(BODY) ? component : at + "." + component);
        if (cause instanceof NullPointerException && component != null) {
            return Problem.of(where, "json.required");
        }
        return Problem.of(where, "json.invalidValue");
    }

    /** The record component the message starts with ("seq starts at 1", "playId"), or null. */
    private static String componentNamed(Class<?> type, String message) {
        if (type == null || !type.isRecord() || message == null) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (message.equals(c.getName()) || message.startsWith(c.getName() + " ")) {
                return c.getName();
            }
        }
        return null;
    }

    /** What a value of this type looks like, in words (both languages through the message arguments). */
    static Words expected(Class<?> t) {
        if (t == null) {
            return text("json.type.value");
        }
        if (t == String.class || t == Character.class || t == char.class) {
            return text("json.type.text");
        }
        if (t == Long.class || t == long.class || t == Integer.class || t == int.class || t == Short.class
                || t == short.class) {
            boolean isLong = t == Long.class || t == long.class;
            return text("json.type.integer", String.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE),
                    String.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE));
        }
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
            return text("json.type.number");
        }
        if (t == Boolean.class || t == boolean.class) {
            return text("json.type.boolean");
        }
        if (t == Instant.class) {
            return text("json.type.instant");
        }
        if (t == LocalDate.class) {
            return text("json.type.date");
        }
        if (t.isEnum()) {
            return text("json.type.oneOf", Arrays.stream(t.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return text("json.type.list");
        }
        if (t.isRecord()) {
            return text("json.type.objectWith", Arrays.stream(t.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.joining(", ")));
        }
        return text("json.type.object");
    }

    /** Words put into a message, in both languages (a type description differs between them). */
    record Words(String id, String en) {
    }

    private static Words text(String key, Object... args) {
        return new Words(Messages.get(Messages.ID, key, args), Messages.get(Messages.EN, key, args));
    }

    /** A problem whose message {@code key} takes the words as its first argument. */
    private static Problem of(String field, String key, Words w) {
        return new Problem(field, Messages.get(Messages.ID, key, w.id()), Messages.get(Messages.EN, key, w.en()));
    }

    private static Words fieldList(Collection<String> known) {
        return text("json.type.objectWith", String.join(", ", new TreeSet<>(known)));
    }

    private static ValidationException refusal(String field, String key, Words w) {
        return new ValidationException(400, List.of(of(field, key, w)));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String field(List<JsonMappingException.Reference> refs) {
        return orBody(path(refs, null));
    }

    private static String orBody(String path) {
        return path.isEmpty() ? BODY : path;
    }

    /** A Jackson reference path as "records[2].seq" (with {@code last} appended when not already there). */
    private static String path(List<JsonMappingException.Reference> refs, String last) {
        var b = new StringBuilder();
        String lastName = null;
        for (var r : refs) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
                lastName = r.getFieldName();
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
                lastName = null;
            }
        }
        if (last != null && !last.equals(lastName)) {
            b.append(b.isEmpty() ? "" : ".").append(last);
        }
        return b.toString();
    }

    /** The parser's position as "records[2].seq": the field it was reading when the text went wrong. */
    private static String path(JsonStreamContext c) {
        var parts = new ArrayList<String>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    parts.add(0, "." + c.getCurrentName());
                }
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    /** Field names as they are counted: indexes dropped, so "records[3].x" and "records[7].x" are one field. */
    public static String pattern(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    /** All known fields of a record type, for refusals that list them. */
    public static Set<String> fieldsOf(Class<? extends Record> type) {
        var names = new TreeSet<String>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }
}
