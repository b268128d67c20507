package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenAPI 3 document from the test resources, for checking fakes and clients against the real
 * interface: find the operation behind a concrete path, its parameter names, and the properties of a
 * schema with {@code $ref}/{@code allOf} resolved.
 */
public final class OpenApiDocument {

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Loads a document from the classpath, e.g. {@code /fixtures/jellyfin/openapi-12.0.0.json}. */
    public static OpenApiDocument load(String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            ObjectMapper mapper = resource.endsWith(".yml") || resource.endsWith(".yaml")
                    ? new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()) : new ObjectMapper();
            return new OpenApiDocument(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return root.path("info").path("version").asText();
    }

    /**
     * The operation whose path template matches {@code path} (case-insensitively, as ASP.NET routes). A literal
     * segment beats a template variable, so {@code /episode/monitor} is not taken for {@code /episode/{id}}.
     */
    public Optional<JsonNode> operation(String method, String path) {
        JsonNode best = null;
        int fewestVariables = Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String regex = "(?i)" + entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            int variables = entry.getKey().split("\\{", -1).length - 1;
            if (path.matches(regex) && entry.getValue().has(method.toLowerCase(Locale.ROOT)) && variables < fewestVariables) {
                best = entry.getValue().get(method.toLowerCase(Locale.ROOT));
                fewestVariables = variables;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The query parameter names of an operation, lower-cased (ASP.NET binds them case-insensitively). */
    public static Set<String> queryParameters(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                names.add(parameter.path("name").asText().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The properties of a schema by name, as declared (see {@link #resolve} and {@link #nullable}). */
    public Map<String, JsonNode> properties(String schemaName) {
        return properties(root.path("components").path("schemas").path(schemaName));
    }

    public Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resolve(schema).path("properties").fields()
                .forEachRemaining(entry -> properties.put(entry.getKey(), entry.getValue()));
        return properties;
    }

    /** Follows {@code $ref} and single-entry {@code allOf}/{@code oneOf} wrappers. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref")) {
                String name = current.get("$ref").asText().replace("#/components/schemas/", "");
                current = root.path("components").path("schemas").path(name);
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("oneOf") && current.get("oneOf").size() == 1) {
                current = current.get("oneOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }

    /**
     * The JSON type a schema allows: {@code string}, {@code number} (integers too), {@code boolean},
     * {@code object} or {@code array}; enums are strings.
     */
    public String jsonType(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        String type = resolved.path("type").asText("");
        if (type.isEmpty() && resolved.has("enum")) {
            return "string";
        }
        if (type.isEmpty() && resolved.has("properties")) {
            return "object";
        }
        return type.equals("integer") ? "number" : type;
    }

    /** Whether {@code null} is allowed for the property (OpenAPI 3.0 {@code nullable}). */
    public static boolean nullable(JsonNode propertySchema) {
        return propertySchema.path("nullable").asBoolean(false);
    }

    /** Whether the schema declares the nested property path, e.g. {@code SessionInfo, Capabilities, SupportsSync}. */
    public boolean declares(String schemaName, java.util.List<String> keys) {
        JsonNode schema = root.path("components").path("schemas").path(schemaName);
        for (String key : keys) {
            JsonNode resolved = resolve(schema);
            if (resolved.path("type").asText().equals("array")) {
                resolved = resolve(resolved.path("items"));
            }
            JsonNode property = resolved.path("properties").path(key);
            if (property.isMissingNode()) {
                return false;
            }
            schema = property;
        }
        return true;
    }
}
