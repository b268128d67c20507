package app.pathary.arr.sonarr;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrRequest;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeSonarrEpisode;
import app.pathary.testing.FakeSonarrEpisodeFile;
import app.pathary.testing.FakeSonarrSeries;
import app.pathary.testing.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link HttpSonarrClient} against Sonarr's own OpenAPI document: declared routes and query parameters,
 * request bodies with declared keys, and records named after Sonarr's properties.
 */
class SonarrClientOpenApiTest {

    private static final OpenApiDocument SPEC = OpenApiDocument.load("/fixtures/arr/sonarr-v3-openapi.json");

    private final FakeSonarr sonarr = FakeSonarr.start();

    @AfterEach
    void stop() {
        sonarr.close();
    }

    @Test
    void everyRequestTheClientSendsIsDeclared() throws Exception {
        HttpSonarrClient client = SonarrTestClients.client();
        ArrInstance instance = sonarr.instance("tv");
        FakeSonarrSeries series = sonarr.addSeries("Pioneer One", 170551, 0, "/tv/Pioneer One", "ended");
        FakeSonarrEpisode episode = sonarr.addEpisode(series, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
        FakeSonarrEpisodeFile file = sonarr.addEpisodeFile(series, 1, "/tv/Pioneer One/e1.mkv", 10, episode);

        client.systemStatus(instance);
        client.mediaManagement(instance);
        client.tags(instance);
        client.diskSpace(instance);
        client.series(instance);
        client.series(instance, series.id());
        client.episodes(instance, series.id());
        client.episodeFiles(instance, series.id());
        client.deleteEpisodeFile(instance, file.id());
        client.monitorEpisodes(instance, List.of(episode.id()), false);
        client.deleteSeries(instance, series.id(), true, false);
        client.deleteSeries(instance, series.id(), true, false);

        for (FakeArrRequest request : sonarr.requests()) {
            JsonNode operation = SPEC.operation(request.method(), request.path()).orElse(null);
            assertThat(operation).as("%s %s", request.method(), request.path()).isNotNull();
            assertThat(OpenApiDocument.queryParameters(operation)).as("query of %s %s", request.method(), request.path())
                    .containsAll(queryNames(request.query()));
        }
        FakeArrRequest monitor = sonarr.requests().stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        Set<String> sentKeys = new TreeSet<>();
        new ObjectMapper().readTree(monitor.body()).fieldNames().forEachRemaining(sentKeys::add);
        assertThat(sentKeys).isSubsetOf(SPEC.properties("EpisodesMonitoredResource").keySet());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "app.pathary.arr.sonarr.SonarrSeries, SeriesResource",
            "app.pathary.arr.sonarr.SonarrEpisode, EpisodeResource",
            "app.pathary.arr.sonarr.EpisodeFile, EpisodeFileResource",
            "app.pathary.arr.SystemStatus, SystemResource",
            "app.pathary.arr.Tag, TagResource",
            "app.pathary.arr.DiskSpace, DiskSpaceResource"})
    void recordComponentsAreSonarrProperties(String type, String schema) throws ClassNotFoundException {
        assertThat(Arrays.stream(Class.forName(type).getRecordComponents()).map(c -> c.getName()))
                .isSubsetOf(SPEC.properties(schema).keySet());
    }

    @Test
    void seasonInfoIsTheSeasonPlusItsStatistics() {
        Set<String> declared = new TreeSet<>(SPEC.properties("SeasonResource").keySet());
        declared.addAll(SPEC.properties("SeasonStatisticsResource").keySet());

        assertThat(Arrays.stream(SeasonInfo.class.getRecordComponents()).map(c -> c.getName())).isSubsetOf(declared);
        assertThat(SPEC.properties("MediaManagementConfigResource"))
                .containsKeys("autoUnmonitorPreviouslyDownloadedEpisodes", "recycleBin");
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
