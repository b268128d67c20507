package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route FakeSeerr answers exists in Seerr's OpenAPI document ({@code seerr-api.yml}), with the query parameters
 * Pathary sends, and its JSON conforms to the declared schema (every key declared, types, dates).
 */
class FakeSeerrOpenApiTest {
    private static final Set<Integer> MODELLED_ERRORS = Set.of(403, 404);
    private final FakeSeerr seerr = FakeSeerr.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> violations = new ArrayList<>();

    @AfterEach
    void stop() {
        seerr.close();
    }

    @Test
    void every_answer_of_the_fake_is_declared_by_seerrs_document() throws Exception {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/seerr/seerr-api.yml");
        var movie = seerr.request("movie", 550988, "dana", Instant.parse("2026-11-20T10:00:00Z"));
        seerr.request("tv", 1399, "erik", Instant.parse("2026-11-25T10:00:00Z"));

        check(spec, "GET", "/request?take=100&skip=0&filter=all&sort=added&sortDirection=desc&mediaType=movie", true);
        check(spec, "GET", "/request?take=100&skip=0&filter=all&sort=added&sortDirection=desc&mediaType=tv", true);
        check(spec, "GET", "/movie/550988", true);
        check(spec, "GET", "/movie/12", true);
        check(spec, "GET", "/tv/1399", true);
        check(spec, "DELETE", "/media/" + movie.id(), true);
        check(spec, "DELETE", "/media/999", true);
        check(spec, "GET", "/movie/550988", false);

        assertThat(violations).isEmpty();
        assertThat(seerr.holds("movie", 550988)).as("the media was deleted").isFalse();
    }

    private void check(OpenApiDocument spec, String method, String pathAndQuery, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(seerr.baseUrl() + "/api/v1" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            request.header("X-Api-Key", seerr.apiKey());
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String path = pathAndQuery.replaceAll("\\?.*", "");
        String where = method + " " + pathAndQuery + " -> " + answer.statusCode();
        JsonNode operation = spec.operation(method, path).orElse(null);
        if (operation == null) {
            violations.add(where + ": no such operation");
            return;
        }
        if (pathAndQuery.contains("?")) {
            Set<String> declared = OpenApiDocument.queryParameters(operation);
            for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                if (!declared.contains(pair.substring(0, pair.indexOf("=")).toLowerCase(java.util.Locale.ROOT))) {
                    violations.add(where + ": query parameter " + pair + " is not declared");
                }
            }
        }
        int status = answer.statusCode();
        if (!operation.path("responses").has(String.valueOf(status)) && !MODELLED_ERRORS.contains(status)) {
            violations.add(where + ": status not declared");
        }
        if (status != 200 || answer.body().isEmpty()) {
            return;
        }
        JsonNode schema = operation.path("responses").path("200").path("content").path("application/json").path("schema");
        SchemaConformance.violations(spec, new ObjectMapper().readTree(answer.body()), schema).forEach(v -> violations.add(where + " " + v));
    }
}
