package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON value types in the vocabulary of {@link OpenApiDocument#jsonType(JsonNode)}, plus {@code null}. */
public final class JsonTypes {

    private JsonTypes() {
    }

    public static String of(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isArray() ? "array" : "object";
    }
}
