package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calls a running Pathary's API and checks each call and answer against its {@link OpenApiContract}; remembers which
 * documented answers ({@code METHOD /template status}) were given, so a test can tell which it never drove.
 */
public final class ContractExchanges {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> answered = new TreeSet<>();
    private final String baseUrl;
    private final OpenApiContract contract;

    /** One call and its answer, with how each departs from the contract. */
    public record Exchange(String call, int status, String body, Map<String, List<String>> headers, List<String> requestProblems,
            List<String> answerProblems) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public ContractExchanges(String baseUrl, OpenApiContract contract) {
        this.baseUrl = baseUrl;
        this.contract = contract;
    }

    /** The documented answers given so far, as {@code METHOD /template status}. */
    public Set<String> answered() {
        return Set.copyOf(answered);
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The session cookie of a logged-in client, and (for writes) its CSRF token as the pages send it. */
    public static Map<String, String> session(WebClient client, boolean withCsrf) {
        Map<String, String> headers = new HashMap<>(Map.of("Cookie", "pathary_session=" + client.cookie("pathary_session").getValue()));
        if (withCsrf) {
            headers.put("X-CSRF-Token", WebClient.csrfFrom(client.get("/account").body()));
        }
        return headers;
    }

    public Exchange call(String method, String pathAndQuery, Map<String, String> headers) {
        return call(method, pathAndQuery, headers, null, null);
    }

    public Exchange json(String method, String path, Map<String, String> headers, String body) {
        return call(method, path, headers, "application/json", body);
    }

    public Exchange call(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {
        URI uri = URI.create(baseUrl + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        contract.operation(method, uri.getRawPath()).ifPresent(op -> answered.add(op.key() + " " + answer.statusCode()));
        return new Exchange(method + " " + pathAndQuery, answer.statusCode(), answer.body(), answer.headers().map(),
                contract.requestProblems(method, uri, contentType, body),
                contract.responseProblems(method, uri.getRawPath(), answer.statusCode(), answer.headers().map(), answer.body()));
    }

    /** A request the document allows, answered {@code status} as the document describes. */
    public static Exchange conforms(Exchange exchange, int status) {
        assertThat(exchange.status()).as(exchange.call() + " answered " + exchange.body()).isEqualTo(status);
        assertThat(exchange.requestProblems()).as("the request of " + exchange.call()).isEmpty();
        assertThat(exchange.answerProblems()).as("the answer to " + exchange.call()).isEmpty();
        return exchange;
    }

    /** A request the document already forbids, refused with {@code status} and an answer the document describes. */
    public static Exchange refused(Exchange exchange, int status, String sentence) {
        assertThat(exchange.status()).as(exchange.call() + " answered " + exchange.body()).isEqualTo(status);
        assertThat(exchange.requestProblems()).as("the document forbids " + exchange.call()).isNotEmpty();
        assertThat(exchange.answerProblems()).as("the answer to " + exchange.call()).isEmpty();
        assertThat(exchange.json().path("error").asText()).contains(sentence);
        return exchange;
    }

    /** A request the document allows but the server refuses for what it names (unknown, not allowed, conflicting). */
    public static Exchange refusedValid(Exchange exchange, int status, String sentence) {
        conforms(exchange, status);
        assertThat(exchange.json().path("error").asText()).contains(sentence);
        return exchange;
    }
}
