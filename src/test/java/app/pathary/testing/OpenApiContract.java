package app.pathary.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pathary's own OpenAPI 3.1 contract as a validator: finds the operation of a request, and lists how a request (path and
 * query parameters, body and its media type) or an answer (status, media type, body, headers) departs from the document.
 * Bodies and parameters are checked by networknt's JSON Schema validator in its OpenAPI 3.1 dialect, against the schemas
 * where they stand in the document ({@code $ref}s into {@code components} included), with formats asserted.
 */
public final class OpenApiContract {
    private static final String BASE = "https://pathary.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode document;
    private final SchemaRegistry schemas;

    /** One operation of the document: its path template, method, and where it stands (a JSON pointer). */
    public record Operation(String method, String template, String pointer) {
        public String key() {
            return method + " " + template;
        }
    }

    public OpenApiContract(JsonNode document) {
        this.document = document;
        String text = document.toString();
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation of the document, as {@code METHOD /path/{template}}. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
                            "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        return operations;
    }

    /** The operation a request reaches; a literal segment beats a template variable. */
    public Optional<Operation> operation(String method, String path) {
        Operation best = null;
        int fewestVariables = Integer.MAX_VALUE;
        for (Operation operation : operations()) {
            int variables = operation.template().split("\\{", -1).length - 1;
            if (operation.method().equalsIgnoreCase(method) && pathPattern(operation.template()).matcher(path).matches()
                    && variables < fewestVariables) {
                best = operation;
                fewestVariables = variables;
            }
        }
        return Optional.ofNullable(best);
    }

    public JsonNode node(String pointer) {
        return document.at(pointer);
    }

    /** The statuses an operation documents. */
    public List<String> statuses(Operation operation) {
        List<String> statuses = new ArrayList<>();
        node(operation.pointer() + "/responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** How a request departs from the document; empty when it conforms. */
    public List<String> requestProblems(String method, URI uri, String contentType, String body) {
        Optional<Operation> found = operation(method, uri.getRawPath());
        if (found.isEmpty()) {
            return List.of("the document has no operation " + method + " " + uri.getRawPath());
        }
        Operation operation = found.get();
        List<String> problems = new ArrayList<>();
        Map<String, String> pathValues = pathValues(operation.template(), uri.getRawPath());
        Map<String, String> queryValues = query(uri.getRawQuery());
        Map<String, String> parameters = parameterPointers(operation);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            JsonNode declared = node(parameter.getValue());
            String name = declared.path("name").asText();
            String value = declared.path("in").asText().equals("path") ? pathValues.get(name) : queryValues.get(name);
            if (value == null) {
                if (declared.path("required").asBoolean(false)) {
                    problems.add("the required parameter " + name + " is missing");
                }
                continue;
            }
            problems.addAll(validate(parameter.getValue() + "/schema", typed(value, node(parameter.getValue() + "/schema")), "parameter " + name));
        }
        queryValues.keySet().stream().filter(name -> parameters.values().stream().noneMatch(p -> node(p).path("name").asText().equals(name)
                        && node(p).path("in").asText().equals("query")))
                .forEach(name -> problems.add("the query parameter " + name + " is not documented"));
        problems.addAll(requestBodyProblems(operation, contentType, body));
        return problems;
    }

    /** How an answer departs from the document; empty when it conforms. */
    public List<String> responseProblems(String method, String path, int status, Map<String, List<String>> headers, String body) {
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of("the document has no operation " + method + " " + path);
        }
        String pointer = found.get().pointer() + "/responses/" + status;
        if (node(pointer).isMissingNode()) {
            return List.of("the document gives " + found.get().key() + " no answer " + status);
        }
        pointer = followRef(pointer);
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = node(pointer + "/headers").fieldNames(); names.hasNext(); ) {
            String header = names.next();
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(header))) {
                problems.add("the answer lacks the documented header " + header);
            }
        }
        JsonNode content = node(pointer + "/content");
        if (content.isMissingNode()) {
            if (body != null && !body.isEmpty()) {
                problems.add("the answer " + status + " has a body the document does not describe: " + abbreviate(body));
            }
            return problems;
        }
        String mediaType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(h -> h.getValue().stream()).findFirst().map(OpenApiContract::mediaType).orElse("");
        if (!content.has(mediaType)) {
            problems.add("the answer's media type '" + mediaType + "' is not documented for " + status);
            return problems;
        }
        problems.addAll(validateText(pointer + "/content/" + escape(mediaType) + "/schema", body, "answer " + status));
        return problems;
    }

    /** Checks a value against the schema at a pointer of the document. */
    public List<String> validate(String schemaPointer, JsonNode value, String what) {
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer));
        return schema.validate(value).stream().map(error -> what + ": " + error.getMessage()).toList();
    }

    private List<String> requestBodyProblems(Operation operation, String contentType, String body) {
        String pointer = operation.pointer() + "/requestBody";
        JsonNode declared = node(pointer);
        boolean sent = body != null && !body.isEmpty();
        if (declared.isMissingNode()) {
            return sent ? List.of("the document describes no request body for " + operation.key()) : List.of();
        }
        if (!sent) {
            return declared.path("required").asBoolean(false) ? List.of("the required request body is missing") : List.of();
        }
        String mediaType = contentType == null ? "" : mediaType(contentType);
        if (!declared.path("content").has(mediaType)) {
            return List.of("the request's media type '" + mediaType + "' is not documented");
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        JsonNode schema = node(schemaPointer);
        if (schema.path("contentMediaType").asText().equals("application/json") && schema.has("contentSchema")) {
            return validateText(schemaPointer + "/contentSchema", body, "request body");
        }
        return validateText(schemaPointer, body, "request body");
    }

    private List<String> validateText(String schemaPointer, String body, String what) {
        JsonNode schema = node(schemaPointer);
        if (schema.path("type").asText().equals("string") && !schema.has("contentSchema")) {
            return validate(schemaPointer, TextNode.valueOf(body), what);
        }
        JsonNode value;
        try {
            value = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of(what + " is not JSON: " + abbreviate(body));
        }
        if (value == null || value.isMissingNode()) {
            return List.of(what + " is empty");
        }
        return validate(schemaPointer, value, what);
    }

    /** The parameters of an operation and of its path, by name and place, as pointers to their (resolved) objects. */
    private Map<String, String> parameterPointers(Operation operation) {
        Map<String, String> pointers = new LinkedHashMap<>();
        String pathItem = "/paths/" + escape(operation.template());
        for (String owner : List.of(pathItem, operation.pointer())) {
            JsonNode list = node(owner + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = followRef(owner + "/parameters/" + i);
                pointers.put(node(pointer).path("in").asText() + ":" + node(pointer).path("name").asText(), pointer);
            }
        }
        return pointers;
    }

    /** The pointer itself, or where its object's {@code $ref} leads (responses and parameters may be shared). */
    private String followRef(String pointer) {
        JsonNode ref = node(pointer).path("$ref");
        return ref.isTextual() ? ref.asText().substring(1) : pointer;
    }

    /** A query or path value as the schema reads it: a whole number for an integer schema when it is one. */
    private static JsonNode typed(String value, JsonNode schema) {
        if (schema.path("type").asText().equals("integer") && value.matches("-?\\d{1,18}")) {
            long number = Long.parseLong(value);
            return number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number);
        }
        return TextNode.valueOf(value);
    }

    private static Map<String, String> pathValues(String template, String path) {
        Matcher names = Pattern.compile("\\{([^}]+)}").matcher(template);
        Matcher values = pathPattern(template).matcher(path);
        Map<String, String> found = new LinkedHashMap<>();
        if (values.matches()) {
            int group = 1;
            while (names.find()) {
                found.put(names.group(1), URLDecoder.decode(values.group(group++), StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    private static Pattern pathPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variables = Pattern.compile("\\{[^}]+}").matcher(template);
        int last = 0;
        while (variables.find()) {
            regex.append(Pattern.quote(template.substring(last, variables.start()))).append("([^/]+)");
            last = variables.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** A JSON pointer token (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
