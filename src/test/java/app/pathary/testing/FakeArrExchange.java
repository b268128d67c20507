package app.pathary.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request inside a fake *arr: path values of the route, query parameters read case-insensitively (as
 * ASP.NET binds them), the JSON body, and answers in the *arr's formats.
 */
final class FakeArrExchange {

    private final HttpExchange http;
    private final Map<String, List<String>> query;
    private final String body;
    final List<String> pathValues;

    FakeArrExchange(HttpExchange http, String body, List<String> pathValues) {
        this.http = http;
        this.body = body;
        this.pathValues = pathValues;
        this.query = parseQuery(http.getRequestURI().getRawQuery());
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parsed;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parsed.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return parsed;
    }

    /** The route's {@code {id}} as an int; a non-number is a 404, as ASP.NET's {@code :int} constraint gives. */
    int id() {
        try {
            return Integer.parseInt(pathValues.getFirst());
        } catch (NumberFormatException e) {
            throw FakeArrError.empty(404);
        }
    }

    String param(String name) {
        List<String> values = query.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.getFirst().isEmpty() ? null : values.getFirst();
    }

    /** A bool parameter with its default; anything but true/false is a 400. */
    boolean bool(String name, boolean fallback) {
        String value = param(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw FakeArrError.malformedBody("The value '" + value + "' is not valid for " + name + ".");
    }

    Integer integer(String name) {
        String value = param(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw FakeArrError.malformedBody("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    /** Repeated and/or comma-separated integers. */
    List<Integer> integers(String name) {
        List<Integer> values = new ArrayList<>();
        for (String value : query.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(v -> {
                try {
                    values.add(Integer.valueOf(v));
                } catch (NumberFormatException e) {
                    throw FakeArrError.malformedBody("The value '" + v + "' is not valid for " + name + ".");
                }
            });
        }
        return values;
    }

    /** The body as a JSON object; a missing or malformed body is ASP.NET's 400 ValidationProblemDetails. */
    JsonNode jsonBody() {
        try {
            JsonNode node = body.isBlank() ? null : FakeArrJson.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw FakeArrError.malformedBody("A non-empty request body is required.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw FakeArrError.malformedBody("The JSON value could not be converted.");
        }
    }

    /** 200 with a JSON body (tidied: no nulls, no {@code id: 0}). */
    void json(JsonNode value) throws IOException {
        json(200, value);
    }

    void json(int status, JsonNode value) throws IOException {
        send(status, "application/json; charset=utf-8",
                FakeArrJson.MAPPER.writeValueAsBytes(FakeArrJson.tidy(value)));
    }

    /** 202 Accepted with the updated resource and its Location, as the *arr answers a PUT. */
    void accepted(String location, JsonNode value) throws IOException {
        if (location != null) {
            http.getResponseHeaders().set("Location", location);
        }
        json(202, value);
    }

    /** 200 with an empty body, as the *arr answers a DELETE. */
    void ok() throws IOException {
        http.sendResponseHeaders(200, -1);
    }

    void send(int status, String contentType, byte[] bytes) throws IOException {
        if (contentType != null) {
            http.getResponseHeaders().set("Content-Type", contentType);
        }
        http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
