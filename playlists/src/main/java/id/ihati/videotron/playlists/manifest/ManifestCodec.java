package id.ihati.videotron.playlists.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.ihati.videotron.playlists.validation.Parsed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Reads and writes manifests as JSON and computes their content hash. Thread-safe; all methods are
 * static because the codec holds no state beyond one shared, immutable Jackson setup.
 */
public final class ManifestCodec {
    private ManifestCodec() {
    }

    /** The manifest as JSON text (ISO-8601 times, sets and maps in sorted order). */
    public static String write(Manifest manifest) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest record always serialises", e);
        }
    }

    /** The manifest in {@code json}, or every error found in it with its field path. Never throws. */
    public static Parsed<Manifest> read(String json) {
        return JsonReading.read(json, JsonReading::manifest);
    }

    /**
     * Hex SHA-256 of the canonical JSON (object keys sorted, no white space) of everything in the manifest
     * except {@code generatedAt} and {@code contentHash}: two manifests with the same content have the same
     * hash however and whenever they were generated. The server sends it as ETag.
     */
    public static String contentHash(Manifest manifest) {
        ObjectNode tree = Json.MAPPER.valueToTree(manifest);
        tree.remove("generatedAt");
        tree.remove("contentHash");
        try {
            byte[] canonical = Json.MAPPER.writeValueAsBytes(sorted(tree));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A copy of {@code manifest} whose {@code contentHash} is set to {@link #contentHash(Manifest)}. */
    public static Manifest withContentHash(Manifest manifest) {
        return manifest.withContentHash(contentHash(manifest));
    }

    /** True when the manifest carries a content hash and it matches its content. */
    public static boolean contentHashMatches(Manifest manifest) {
        return manifest.contentHash() != null && manifest.contentHash().equals(contentHash(manifest));
    }

    /** A deep copy with every object's keys in sorted order. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

}
