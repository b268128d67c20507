package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the shape of two JSON documents: which keys of the reference are missing from the candidate,
 * and where a key both have holds a different JSON type. Objects are compared recursively; arrays by their
 * first elements. {@code null} on either side matches any type (Jellyfin omits or nulls optional values).
 */
final class JsonShapeDifferences {

    final List<String> missing = new ArrayList<>();
    final List<String> typeMismatches = new ArrayList<>();

    static JsonShapeDifferences between(JsonNode reference, JsonNode candidate) {
        JsonShapeDifferences differences = new JsonShapeDifferences();
        differences.compare("$", reference, candidate);
        return differences;
    }

    private void compare(String path, JsonNode reference, JsonNode candidate) {
        if (reference.isNull() || candidate.isNull()) {
            return;
        }
        if (!JsonTypes.of(reference).equals(JsonTypes.of(candidate))) {
            typeMismatches.add(path + ": " + JsonTypes.of(reference) + " vs " + JsonTypes.of(candidate));
            return;
        }
        if (reference.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!candidate.has(field.getKey())) {
                    missing.add(path + "." + field.getKey());
                } else {
                    compare(path + "." + field.getKey(), field.getValue(), candidate.get(field.getKey()));
                }
            }
        } else if (reference.isArray() && !reference.isEmpty() && !candidate.isEmpty()) {
            compare(path + "[0]", reference.get(0), candidate.get(0));
        }
    }
}
