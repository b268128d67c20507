package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as Radarr and Sonarr write it (System.Text.Json, reference §3.3): camelCase keys, enums as camelCase
 * strings, dates ISO-8601 UTC, {@code null} values left out and {@code id: 0} left out.
 */
final class FakeArrJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private FakeArrJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** ISO-8601 UTC with a {@code Z} to the second (.NET writes at most 7 fraction digits), or {@code null}. */
    static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Removes {@code null} members and {@code "id": 0} everywhere, in place. */
    static JsonNode tidy(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (value.isNull() || (field.getKey().equals("id") && value.isNumber() && value.asLong() == 0)) {
                    it.remove();
                } else {
                    tidy(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(FakeArrJson::tidy);
        }
        return node;
    }
}
