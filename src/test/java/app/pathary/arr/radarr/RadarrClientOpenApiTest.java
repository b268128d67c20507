package app.pathary.arr.radarr;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrRequest;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeRadarrMovie;
import app.pathary.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HttpRadarrClient} against Radarr's own OpenAPI document: every request it sends uses a declared
 * route and declared query parameters, and its records use Radarr's property names, so a rename upstream
 * shows up here rather than as a silently ignored parameter or an always-absent field.
 */
class RadarrClientOpenApiTest {

    private static final OpenApiDocument SPEC = OpenApiDocument.load("/fixtures/arr/radarr-v3-openapi.json");

    private final FakeRadarr radarr = FakeRadarr.start();

    @AfterEach
    void stop() {
        radarr.close();
    }

    @Test
    void everyRequestTheClientSendsIsDeclared() {
        HttpRadarrClient client = RadarrTestClients.client();
        ArrInstance instance = radarr.instance("main");
        FakeRadarrMovie movie = radarr.addMovie("Free Guy", 2021, 550988, "/movies/Free Guy").file("/movies/Free Guy/f.mkv", 1);
        FakeRadarrMovie other = radarr.addMovie("Nobody", 2021, 615457, "/movies/Nobody");

        client.systemStatus(instance);
        client.mediaManagement(instance);
        client.tags(instance);
        client.diskSpace(instance);
        client.movies(instance);
        client.movie(instance, movie.id());
        client.setMonitored(instance, movie.id(), false);
        client.deleteMovieFile(instance, movie.fileId());
        client.deleteMovie(instance, other.id(), true, true);

        for (FakeArrRequest request : radarr.requests()) {
            JsonNode operation = SPEC.operation(request.method(), request.path()).orElse(null);
            assertThat(operation).as("%s %s", request.method(), request.path()).isNotNull();
            assertThat(OpenApiDocument.queryParameters(operation)).as("query of %s %s", request.method(), request.path())
                    .containsAll(queryNames(request.query()));
        }
        assertThat(radarr.requests()).extracting(FakeArrRequest::method).contains("GET", "PUT", "DELETE");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "app.pathary.arr.radarr.RadarrMovie, MovieResource",
            "app.pathary.arr.radarr.MovieFile, MovieFileResource",
            "app.pathary.arr.SystemStatus, SystemResource",
            "app.pathary.arr.Tag, TagResource",
            "app.pathary.arr.DiskSpace, DiskSpaceResource"})
    void recordComponentsAreRadarrProperties(String type, String schema) throws ClassNotFoundException {
        Class<?> record = Class.forName(type);

        assertThat(Arrays.stream(record.getRecordComponents()).map(c -> c.getName()))
                .isSubsetOf(SPEC.properties(schema).keySet());
    }

    @Test
    void theMediaManagementKeysReadAreRadarrs() {
        assertThat(SPEC.properties("MediaManagementConfigResource"))
                .containsKeys("autoUnmonitorPreviouslyDownloadedMovies", "recycleBin");
    }

    private static Set<String> queryNames(String rawQuery) {
        if (rawQuery == null) {
            return Set.of();
        }
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
