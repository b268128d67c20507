package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against an OpenAPI schema: every key declared, JSON types as declared, {@code null}
 * only where nullable, date-times in ISO-8601 form. Returns the violations, empty when the value conforms.
 */
final class SchemaConformance {

    private static final String DATE_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?(Z|[+-]\\d\\d:\\d\\d)?";

    private final OpenApiDocument spec;
    private final List<String> violations = new ArrayList<>();

    private SchemaConformance(OpenApiDocument spec) {
        this.spec = spec;
    }

    static List<String> violations(OpenApiDocument spec, JsonNode value, JsonNode schema) {
        SchemaConformance check = new SchemaConformance(spec);
        check.check("$", value, schema);
        return check.violations;
    }

    private void check(String path, JsonNode value, JsonNode declared) {
        JsonNode schema = spec.resolve(declared);
        if (value.isNull()) {
            if (!OpenApiDocument.nullable(declared) && !OpenApiDocument.nullable(schema)) {
                violations.add(path + ": null but not nullable");
            }
            return;
        }
        String type = spec.jsonType(schema);
        if (type.isEmpty()) {
            return;
        }
        if (!type.equals(JsonTypes.of(value))) {
            violations.add(path + ": " + JsonTypes.of(value) + " where the schema says " + type);
            return;
        }
        if (schema.path("format").asText().equals("date-time") && !value.asText().matches(DATE_TIME)) {
            violations.add(path + ": '" + value.asText() + "' is not a date-time");
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(path + "[" + i + "]", value.get(i), schema.path("items"));
            }
        } else if (value.isObject()) {
            checkObject(path, value, schema);
        }
    }

    private void checkObject(String path, JsonNode value, JsonNode schema) {
        Map<String, JsonNode> properties = spec.properties(schema);
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path + "." + field.getKey();
            if (properties.containsKey(field.getKey())) {
                check(fieldPath, field.getValue(), properties.get(field.getKey()));
            } else if (additional.isObject()) {
                check(fieldPath, field.getValue(), additional);
            } else {
                violations.add(fieldPath + ": not declared");
            }
        }
    }
}
