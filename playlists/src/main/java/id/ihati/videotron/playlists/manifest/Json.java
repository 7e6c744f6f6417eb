package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The one Jackson setup every codec of this module shares. */
final class Json {
    private Json() {
    }

    /**
     * ISO-8601 text for times, unknown properties ignored (old players must survive new servers), map
     * entries and set elements written in sorted order so the same content always gives the same bytes.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("sorted-sets").addSerializer(sortedSets()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JsonSerializer<Set> sortedSets() {
        // Set.copyOf iterates in an order that changes from one JVM run to the next; JSON must not.
        return new JsonSerializer<>() {
            @Override
            public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                List<Object> sorted = new ArrayList<>(value);
                sorted.sort((Comparator) Comparator.naturalOrder());
                gen.writeStartArray();
                for (Object o : sorted) {
                    provider.defaultSerializeValue(o, gen);
                }
                gen.writeEndArray();
            }

            @Override
            public Class<Set> handledType() {
                return Set.class;
            }
        };
    }
}
