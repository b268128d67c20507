package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every route of the fakes exists in Radarr's and Sonarr's OpenAPI documents, and their JSON conforms to the
 * declared response schema (keys, types, nullability, dates). The documents list only 200, so 202 answers
 * are checked against the 200 schema and the hand-modelled error statuses of reference §3.7 are allowed.
 * Nulls and {@code id: 0} never appear.
 */
class FakeArrOpenApiTest {

    private static final Set<Integer> MODELLED_ERRORS = Set.of(400, 401, 404, 409, 500, 503);

    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private final List<String> violations = new ArrayList<>();

    @AfterEach
    void stop() {
        radarr.close();
        sonarr.close();
    }

    @Test
    void everyRadarrAnswerIsDeclaredByRadarrsDocument() {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/arr/radarr-v3-openapi.json");
        RawArrRequests raw = new RawArrRequests(radarr);
        int keep = radarr.addTag("keep");
        radarr.addDisk("/movies", 10, 20);
        radarr.setRecycleBin("/recycle");
        FakeRadarrMovie movie = radarr.addMovie("Free Guy", 2021, 550988, "/movies/Free Guy (2021)").imdb("tt6264654")
                .tags(keep).file("/movies/Free Guy (2021)/Free Guy.mkv", 8_000);
        FakeRadarrMovie bare = radarr.addMovie("Nobody", 2021, 615457, "/movies/Nobody (2021)");

        check(spec, raw, "GET", "/api/v3/system/status", null);
        check(spec, raw, "GET", "/api/v3/config/mediamanagement", null);
        check(spec, raw, "GET", "/api/v3/tag", null);
        check(spec, raw, "GET", "/api/v3/diskspace", null);
        check(spec, raw, "GET", "/api/v3/movie?excludeLocalCovers=true", null);
        check(spec, raw, "GET", "/api/v3/movie?tmdbId=550988", null);
        check(spec, raw, "GET", "/api/v3/movie/" + movie.id(), null);
        check(spec, raw, "GET", "/api/v3/movie/999", null);
        check(spec, raw, "PUT", "/api/v3/movie/" + bare.id(), raw.get("/api/v3/movie/" + bare.id()).body());
        check(spec, raw, "DELETE", "/api/v3/moviefile/" + movie.fileId(), null);
        check(spec, raw, "DELETE", "/api/v3/moviefile/" + movie.fileId(), null);
        check(spec, raw, "DELETE", "/api/v3/movie/" + bare.id() + "?deleteFiles=true&addImportExclusion=false", null);
        check(spec, raw, "DELETE", "/api/v3/movie/" + bare.id(), null);

        assertThat(violations).isEmpty();
    }

    @Test
    void everySonarrAnswerIsDeclaredBySonarrsDocument() {
        OpenApiDocument spec = OpenApiDocument.load("/fixtures/arr/sonarr-v3-openapi.json");
        RawArrRequests raw = new RawArrRequests(sonarr);
        int keep = sonarr.addTag("keep");
        sonarr.addDisk("/tv", 10, 20);
        FakeSonarrSeries series = sonarr.addSeries("Pioneer One", 170551, 61888, "/tv/Pioneer One", "continuing")
                .imdb("tt1748166").tags(keep).season(3, false);
        FakeSonarrEpisode e1 = sonarr.addEpisode(series, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
        FakeSonarrEpisode e2 = sonarr.addEpisode(series, 1, 2, Instant.parse("2010-06-23T00:00:00Z"));
        sonarr.addEpisode(series, 2, 1, Instant.now().plusSeconds(86_400));
        sonarr.addEpisode(series, 0, 1, null);
        FakeSonarrEpisodeFile file = sonarr.addEpisodeFile(series, 1, "/tv/Pioneer One/S01/E01-E02.mkv", 2_000, e1, e2);

        check(spec, raw, "GET", "/api/v3/system/status", null);
        check(spec, raw, "GET", "/api/v3/config/mediamanagement", null);
        check(spec, raw, "GET", "/api/v3/tag", null);
        check(spec, raw, "GET", "/api/v3/diskspace", null);
        check(spec, raw, "GET", "/api/v3/series", null);
        check(spec, raw, "GET", "/api/v3/series/" + series.id(), null);
        check(spec, raw, "GET", "/api/v3/series/999", null);
        check(spec, raw, "GET", "/api/v3/episode?seriesId=" + series.id() + "&includeEpisodeFile=true", null);
        check(spec, raw, "GET", "/api/v3/episode", null);
        check(spec, raw, "GET", "/api/v3/episodefile?seriesId=" + series.id(), null);
        check(spec, raw, "GET", "/api/v3/episodefile?seriesId=999", null);
        check(spec, raw, "PUT", "/api/v3/episode/monitor", "{\"episodeIds\":[" + e1.id() + "],\"monitored\":false}");
        check(spec, raw, "DELETE", "/api/v3/episodefile/" + file.id(), null);
        check(spec, raw, "DELETE", "/api/v3/episodefile/" + file.id(), null);
        check(spec, raw, "DELETE", "/api/v3/series/" + series.id() + "?deleteFiles=true&addImportListExclusion=true", null);
        check(spec, raw, "DELETE", "/api/v3/series/" + series.id(), null);

        assertThat(violations).isEmpty();
    }

    private void check(OpenApiDocument spec, RawArrRequests raw, String method, String pathAndQuery, String body) {
        RawArrRequests.Answer answer = raw.send(method, pathAndQuery, body, raw.withKey());
        String path = pathAndQuery.replaceAll("\\?.*", "");
        String where = method + " " + pathAndQuery + " -> " + answer.status();
        JsonNode operation = spec.operation(method, path).orElse(null);
        if (operation == null) {
            violations.add(where + ": no such operation");
            return;
        }
        int status = answer.status();
        boolean declared = operation.path("responses").has(String.valueOf(status));
        if (!declared && !(status == 202 && method.equals("PUT")) && !MODELLED_ERRORS.contains(status)) {
            violations.add(where + ": status neither declared nor modelled");
        }
        if (method.equals("DELETE") && status == 200 && !answer.body().isEmpty()) {
            violations.add(where + ": a DELETE answers with an empty body");
        }
        if (answer.body().isEmpty()) {
            return;
        }
        JsonNode json = answer.json();
        noNullsOrZeroIds(where, "$", json);
        JsonNode schema = operation.path("responses").path("200").path("content").path("application/json").path("schema");
        if ((status == 200 || status == 202) && !schema.isMissingNode()) {
            SchemaConformance.violations(spec, json, schema).forEach(v -> violations.add(where + " " + v));
        }
    }

    private void noNullsOrZeroIds(String where, String path, JsonNode node) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noNullsOrZeroIds(where, path + "[" + i + "]", node.get(i));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                violations.add(where + " " + path + "." + field.getKey() + ": null is written");
            } else if (field.getKey().equals("id") && field.getValue().asLong(-1) == 0) {
                violations.add(where + " " + path + ".id: 0 is written");
            }
            noNullsOrZeroIds(where, path + "." + field.getKey(), field.getValue());
        }
    }
}
