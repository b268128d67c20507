package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route of the fake exists in Jellyfin's OpenAPI documents, answers with a status the document
 * lists, and its JSON conforms to the declared response schema (keys, types, nullability, dates).
 */
class FakeJellyfinOpenApiTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final RawJellyfinRequests raw = new RawJellyfinRequests(jellyfin.baseUrl());
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final FakeItem movie = jellyfin.addMovie("Free Guy", 2021).tmdb("550988").imdb("tt6264654")
            .provider("TmdbCollection", "861415").path("/m/Free Guy.mkv").overview("A bank teller")
            .premiereDate(LocalDate.of(2021, 8, 11)).runtime(Duration.ofMinutes(115));
    private final FakeItem series = jellyfin.addSeries("Pioneer One", 2010).tvdb("170551");
    private final FakeItem episode = jellyfin.addEpisode(series, 1, 1, "Earthfall").indexNumberEnd(2).path("/tv/e1.mkv");

    {
        jellyfin.addEpisode(series, 1, 3, "Missing").virtual();
        jellyfin.setUserData(alice, movie, FakeUserData.playedOn(Instant.parse("2024-05-01T20:00:00.123Z"), 2));
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openapi-10.11.11.json", "openapi-12.0.0.json"})
    void everyAnswerIsDeclaredByTheOpenApiDocument(String document) {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/jellyfin/" + document);
        String token = raw.login("alice", "pw");
        String apiKey = jellyfin.addApiKey();
        String all = "fields=Path,ProviderIds,DateCreated,Overview,ParentId,SortName";
        List<String> violations = new ArrayList<>();

        check(spec, violations, "GET", "/System/Info/Public", null, null);
        check(spec, violations, "GET", "/System/Info", token, null);
        check(spec, violations, "POST", "/Users/AuthenticateByName", null, "{\"Username\":\"alice\",\"Pw\":\"pw\"}");
        check(spec, violations, "GET", "/Users", apiKey, null);
        check(spec, violations, "GET", "/Users/Me", token, null);
        check(spec, violations, "GET", "/Users/" + alice.id(), apiKey, null);
        check(spec, violations, "GET", "/Items", token, null);
        check(spec, violations, "GET", "/Items?recursive=true&" + all, token, null);
        check(spec, violations, "GET", "/Items?recursive=true&userId=" + alice.id() + "&limit=2&" + all, apiKey, null);
        check(spec, violations, "GET", "/Items/" + episode.id() + "?userId=" + alice.id(), apiKey, null);
        check(spec, violations, "GET", "/Items/" + series.id(), token, null);
        check(spec, violations, "POST", "/UserPlayedItems/" + movie.id() + "?datePlayed=2024-01-31T20:30:00Z", token, null);
        check(spec, violations, "DELETE", "/UserPlayedItems/" + series.id(), token, null);
        check(spec, violations, "GET", "/UserItems/" + series.id() + "/UserData", token, null);
        check(spec, violations, "POST", "/UserItems/" + movie.id() + "/UserData", token, "{\"Played\":true,\"PlayCount\":3}");
        check(spec, violations, "GET", "/Items/00000000000000000000000000000001?userId=" + alice.id(), token, null);
        check(spec, violations, "GET", "/System/Info", "0123456789abcdef0123456789abcdef", null);
        check(spec, violations, "POST", "/Sessions/Logout", token, null);

        assertThat(violations).isEmpty();
    }

    private void check(OpenApiDocument spec, List<String> violations, String method, String pathAndQuery, String token,
                       String body) {
        RawJellyfinRequests.Answer answer = raw.send(method, pathAndQuery, body, RawJellyfinRequests.withToken(token));
        String path = pathAndQuery.replaceAll("\\?.*", "");
        String where = method + " " + pathAndQuery + " -> " + answer.status();
        JsonNode operation = spec.operation(method, path).orElse(null);
        if (operation == null) {
            violations.add(where + ": no such operation in " + spec.version());
            return;
        }
        JsonNode response = operation.path("responses").path(String.valueOf(answer.status()));
        if (response.isMissingNode() && answer.status() != 404 && answer.status() != 400) {
            violations.add(where + ": status not declared");
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (answer.status() == 200 && !schema.isMissingNode()) {
            SchemaConformance.violations(spec, answer.json(), schema).forEach(v -> violations.add(where + " " + v));
        }
    }
}
