package app.pathary.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Pattern;

/**
 * One request inside {@link FakeJellyfin}: query parameters read case-insensitively (as ASP.NET does),
 * comma-separated lists, the caller, and responses in Jellyfin's formats.
 */
final class FakeJellyfinExchange {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GUID = Pattern.compile("(?i)[0-9a-f]{32}|[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}");

    private final HttpExchange http;
    private final Map<String, List<String>> query;
    final String route;
    final FakeJellyfinCaller caller;

    FakeJellyfinExchange(HttpExchange http, String route, FakeJellyfinCaller caller) {
        this.http = http;
        this.route = route;
        this.caller = caller;
        this.query = parseQuery(http.getRequestURI().getRawQuery());
    }

    private static Map<String, List<String>> parseQuery(String raw) {
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

    /** The query without paging parameters, as a cache key for answers that only differ by page. */
    String unpagedQueryKey() {
        Map<String, List<String>> key = new java.util.TreeMap<>(query);
        key.remove("startindex");
        key.remove("limit");
        key.remove("enabletotalrecordcount");
        return key.toString();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The first value of a query parameter, or {@code null}; an empty value counts as absent. */
    String param(String name) {
        List<String> values = query.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.getFirst().isEmpty() ? null : values.getFirst();
    }

    /** All values of a list parameter: repeated and/or comma-separated. */
    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        for (String value : query.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    Boolean bool(String name) {
        String value = param(name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw FakeHttpError.badRequest("The value '" + value + "' is not valid for " + name + ".");
    }

    Integer integer(String name) {
        String value = param(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw FakeHttpError.badRequest("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    /** A GUID parameter normalised to Jellyfin's N format, or {@code null}; malformed gives 400. */
    String guid(String name) {
        return normaliseGuid(param(name));
    }

    static String normaliseGuid(String value) {
        if (value == null) {
            return null;
        }
        if (!GUID.matcher(value).matches()) {
            throw FakeHttpError.badRequest("The value '" + value + "' is not a valid GUID.");
        }
        return value.replace("-", "").toLowerCase(Locale.ROOT);
    }

    String body() throws IOException {
        return new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    void empty(int status) throws IOException {
        http.sendResponseHeaders(status, -1);
        http.close();
    }

    void text(int status, String contentType, String text) throws IOException {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        send(status, contentType, body);
    }

    private void send(int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }
}
