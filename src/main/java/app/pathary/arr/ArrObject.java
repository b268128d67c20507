package app.pathary.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object from an *arr, read the way *arr writes: camelCase keys, nulls and {@code id: 0} left out,
 * so an absent key means "none" rather than an error. A key present with the wrong JSON type is
 * {@link ArrException.NotArr}, as is a missing key the caller requires.
 */
public final class ArrObject {

    private final JsonNode node;
    private final String product;
    private final String request;

    ArrObject(JsonNode node, String product, String request) {
        this.node = node;
        this.product = product;
        this.request = request;
    }

    public boolean has(String key) {
        return !node.path(key).isMissingNode() && !node.path(key).isNull();
    }

    public int requiredInt(String key) {
        if (!has(key)) {
            throw notArr("no " + key);
        }
        return intOr(key, 0);
    }

    public int intOr(String key, int fallback) {
        JsonNode value = present(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw notArr(key + " is not an integer");
        }
        return value.intValue();
    }

    /** An id-like number where 0 and absence both mean "unknown". */
    public Integer positiveIntOrNull(String key) {
        int value = intOr(key, 0);
        return value > 0 ? value : null;
    }

    public long longOr(String key, long fallback) {
        JsonNode value = present(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw notArr(key + " is not an integer");
        }
        return value.longValue();
    }

    public boolean bool(String key) {
        JsonNode value = present(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw notArr(key + " is not a boolean");
        }
        return value.booleanValue();
    }

    /** The text, or {@code null} when absent or empty. */
    public String text(String key) {
        JsonNode value = present(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw notArr(key + " is not a string");
        }
        return value.asText().isEmpty() ? null : value.asText();
    }

    /** An ISO-8601 date-time (the *arr writes UTC with {@code Z}), or {@code null}. */
    public Instant instant(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw notArr(key + " is not a date-time");
        }
    }

    public List<Integer> ints(String key) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode element : array(key)) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw notArr(key + " holds a non-integer");
            }
            values.add(element.intValue());
        }
        return List.copyOf(values);
    }

    /** The nested object, or {@code null} when absent. */
    public ArrObject object(String key) {
        JsonNode value = present(key);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw notArr(key + " is not an object");
        }
        return new ArrObject(value, product, request);
    }

    /** The nested objects, empty when absent. */
    public List<ArrObject> objects(String key) {
        List<ArrObject> objects = new ArrayList<>();
        for (JsonNode element : array(key)) {
            if (!element.isObject()) {
                throw notArr(key + " holds a non-object");
            }
            objects.add(new ArrObject(element, product, request));
        }
        return objects;
    }

    /** A copy of the whole object as sent, for a PUT that must return every field. */
    public ObjectNode copy() {
        return ((ObjectNode) node).deepCopy();
    }

    private JsonNode array(String key) {
        JsonNode value = present(key);
        if (value == null) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw notArr(key + " is not an array");
        }
        return value;
    }

    private JsonNode present(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private ArrException.NotArr notArr(String why) {
        return new ArrException.NotArr(product, request, why);
    }
}
