package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.ops.ApiContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract validator finds what departs from Pathary's document, so a passing contract test means something. */
class OpenApiContractTest {
    private static final Map<String, List<String>> JSON_ANSWER = Map.of("Content-Type", List.of("application/json"));
    private final OpenApiContract contract = contract();

    private static OpenApiContract contract() {
        try (var in = ApiContract.class.getResourceAsStream(ApiContract.RESOURCE)) {
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> answer(String method, String path, int status, String body) {
        return contract.responseProblems(method, path, status, JSON_ANSWER, body);
    }

    @Test
    void an_answer_that_fits_has_no_problems() {
        assertThat(answer("GET", "/api/auth/token", 200, "{\"user\":{\"id\":2,\"name\":\"bob\",\"isAdmin\":false}}")).isEmpty();
        assertThat(answer("GET", "/api/auth/token", 401, "{\"error\":\"Log in first.\",\"field\":\"Authorization\"}"))
                .as("an error body may gain members").isEmpty();
    }

    @Test
    void answers_that_depart_from_the_document_are_named() {
        assertThat(answer("GET", "/api/auth/token", 200, "{\"user\":{\"id\":2,\"name\":\"bob\"}}")).as("a missing member").isNotEmpty();
        assertThat(answer("GET", "/api/auth/token", 200, "{\"user\":{\"id\":2,\"name\":\"bob\",\"isAdmin\":false,\"email\":\"b@x\"}}"))
                .as("an undocumented member").isNotEmpty();
        assertThat(answer("GET", "/api/users/bob/history/movies", 200, "{\"history\":[],\"currentPage\":\"1\",\"maxPage\":1}"))
                .as("a number sent as a string").isNotEmpty();
        assertThat(answer("GET", "/api/users/bob/history/movies", 200, "{\"history\":[{\"movie\":{\"id\":1,\"tmdbId\":603,\"imdbId\":null,"
                + "\"title\":\"M\",\"year\":null,\"overview\":null},\"watchedAt\":\"04/01/2026\",\"plays\":1,\"comment\":null}],"
                + "\"currentPage\":1,\"maxPage\":1}")).as("a date in another format").isNotEmpty();
        assertThat(answer("GET", "/api/auth/token", 500, "{\"error\":\"x\"}")).as("an undocumented status")
                .containsExactly("the document gives GET /api/auth/token no answer 500");
        assertThat(answer("GET", "/api/auth/token", 401, "{\"message\":\"x\"}")).as("an error without its sentence").isNotEmpty();
        assertThat(contract.responseProblems("GET", "/api/auth/token", 200, Map.of("Content-Type", List.of("text/html")), "<p>"))
                .as("another media type").isNotEmpty();
        assertThat(answer("POST", "/api/webhook/jellyfin/x", 200, "{\"result\":\"recorded\"}")).as("a recorded play names its movie").isNotEmpty();
        assertThat(answer("GET", "/api/no/such/route", 404, "{\"error\":\"x\"}")).containsExactly("the document has no operation GET /api/no/such/route");
    }

    @Test
    void requests_that_depart_from_the_document_are_named() {
        URI history = URI.create("http://127.0.0.1/api/users/bob/history/movies");
        assertThat(contract.requestProblems("GET", URI.create(history + "?page=2&sortOrder=asc"), null, null)).isEmpty();
        assertThat(contract.requestProblems("GET", URI.create(history + "?pge=2"), null, null))
                .containsExactly("the query parameter pge is not documented");
        assertThat(contract.requestProblems("POST", history, "application/json", "[{\"tmdbId\":603,\"watchedAt\":null}]")).isEmpty();
        assertThat(contract.requestProblems("POST", history, "application/json", "[{\"tmdbId\":603}]")).as("watchedAt is required").isNotEmpty();
        assertThat(contract.requestProblems("POST", history, "text/csv", "a,b")).containsExactly("the request's media type 'text/csv' is not documented");
        assertThat(contract.requestProblems("POST", history, "application/json", null)).containsExactly("the required request body is missing");
        URI webhook = URI.create("http://127.0.0.1/api/webhook/jellyfin/5f0c2b7e-8d3a-4c1b-9e6f-7a8b9c0d1e2f");
        assertThat(contract.requestProblems("POST", webhook, "text/plain", "{\"NotificationType\":\"PlaybackStop\",\"ItemType\":\"Movie\"}"))
                .as("JSON sent as text/plain, as the plugin sends it").isEmpty();
        assertThat(contract.requestProblems("POST", webhook, "text/plain", "{\"ItemType\":\"Movie\"}")).isNotEmpty();
    }
}
