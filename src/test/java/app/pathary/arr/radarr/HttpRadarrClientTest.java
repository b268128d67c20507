package app.pathary.arr.radarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.DiskSpace;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.Tag;
import app.pathary.testing.FakeArrRequest;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeRadarrMovie;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every method of {@link HttpRadarrClient} against {@link FakeRadarr} over HTTP. */
class HttpRadarrClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeRadarr radarr = FakeRadarr.start();
    private final ArrInstance instance = radarr.instance("main");
    private final HttpRadarrClient client = RadarrTestClients.client();
    private final int keep = radarr.addTag("Keep");
    private final FakeRadarrMovie freeGuy = radarr.addMovie("Free Guy", 2021, 550988, "/movies/Free Guy (2021)")
            .imdb("tt6264654").tags(keep).file("/movies/Free Guy (2021)/Free Guy.mkv", 8_000_000_000L);
    private final FakeRadarrMovie nobody = radarr.addMovie("Nobody", 2021, 615457, "/movies/Nobody (2021)").monitored(false);

    @AfterEach
    void stop() {
        radarr.close();
    }

    @Test
    void systemStatusNamesRadarrAndItsVersion() {
        SystemStatus status = client.systemStatus(instance);

        assertThat(status).isEqualTo(new SystemStatus("Radarr", "6.0.4.10291", "Radarr"));
    }

    @Test
    void mediaManagementReadsTheRecycleBinAndUnmonitorDeletedMovies() {
        assertThat(client.mediaManagement(instance)).isEqualTo(new MediaManagement(false, false));

        radarr.setRecycleBin("/recycle");
        radarr.setUnmonitorDeleted(true);

        assertThat(client.mediaManagement(instance)).isEqualTo(new MediaManagement(true, true));
    }

    @Test
    void tagsAreListedWithTheirIds() {
        assertThat(client.tags(instance)).containsExactly(new Tag(keep, "keep"));
    }

    @Test
    void moviesAreListedWithTheirFilesWithoutLocalCovers() {
        List<RadarrMovie> movies = client.movies(instance);

        assertThat(movies).containsExactly(
                new RadarrMovie(freeGuy.id(), "Free Guy", 2021, 550988, "tt6264654", "/movies/Free Guy (2021)", true,
                        List.of(keep), new MovieFile(freeGuy.fileId(), "/movies/Free Guy (2021)/Free Guy.mkv", 8_000_000_000L),
                        8_000_000_000L),
                new RadarrMovie(nobody.id(), "Nobody", 2021, 615457, null, "/movies/Nobody (2021)", false, List.of(),
                        null, 0));
        assertThat(movies.get(1).hasFile()).isFalse();
        FakeArrRequest request = radarr.requests().getLast();
        assertThat(request.query()).isEqualTo("excludeLocalCovers=true");
        assertThat(request.header("X-Api-Key")).isEqualTo(radarr.apiKey());
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void oneMovieIsReadByIdAndAnUnknownIdIsEmpty() {
        assertThat(client.movie(instance, freeGuy.id())).get().extracting(RadarrMovie::title).isEqualTo("Free Guy");
        assertThat(client.movie(instance, 999)).isEmpty();
    }

    @Test
    void deletingAMovieSaysWhetherItWasStillThere() {
        assertThat(client.deleteMovie(instance, freeGuy.id(), true, true)).isTrue();
        assertThat(client.deleteMovie(instance, freeGuy.id(), true, true)).isFalse();

        assertThat(freeGuy.exists()).isFalse();
        assertThat(radarr.deletedFiles()).containsExactly("/movies/Free Guy (2021)");
        assertThat(radarr.importExclusions()).containsExactly(550988);
        assertThat(radarr.requests().getLast().query()).isEqualTo("deleteFiles=true&addImportExclusion=true");
    }

    @Test
    void deletingAMovieWithoutFilesKeepsThemAndAddsNoExclusion() {
        assertThat(client.deleteMovie(instance, freeGuy.id(), false, false)).isTrue();

        assertThat(radarr.deletedFiles()).isEmpty();
        assertThat(radarr.importExclusions()).isEmpty();
        assertThat(radarr.requests().getLast().query()).isEqualTo("deleteFiles=false&addImportExclusion=false");
    }

    @Test
    void deletingAMovieFileKeepsTheMovieAndIsFalseOnceGone() {
        int fileId = freeGuy.fileId();

        assertThat(client.deleteMovieFile(instance, fileId)).isTrue();
        assertThat(client.deleteMovieFile(instance, fileId)).isFalse();

        assertThat(freeGuy.exists()).isTrue();
        assertThat(client.movie(instance, freeGuy.id())).get().extracting(RadarrMovie::movieFile).isNull();
        assertThat(radarr.deletedFiles()).containsExactly("/movies/Free Guy (2021)/Free Guy.mkv");
    }

    @Test
    void aMissingRootFolderIsAConflictWithRadarrsSentence() {
        radarr.setRootFolderMissing(true);

        assertThatThrownBy(() -> client.deleteMovieFile(instance, freeGuy.fileId()))
                .isInstanceOfSatisfying(ArrException.Conflict.class, e -> {
                    assertThat(e.serverMessage()).isEqualTo("Movie's root folder (/movies) doesn't exist.");
                    assertThat(e.userMessage()).isEqualTo("Radarr refused: Movie's root folder (/movies) doesn't exist.");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(freeGuy.hasFile()).isTrue();
    }

    @Test
    void setMonitoredPutsBackEveryFieldRadarrSentWithOnlyMonitoredChanged() throws Exception {
        ObjectNode expected = (ObjectNode) JSON.readTree(rawGet("/api/v3/movie/" + freeGuy.id()));
        expected.put("monitored", false);
        radarr.clearRequests();

        RadarrMovie updated = client.setMonitored(instance, freeGuy.id(), false);

        assertThat(updated.monitored()).isFalse();
        assertThat(updated.tags()).containsExactly(keep);
        assertThat(freeGuy.monitored()).isFalse();
        List<FakeArrRequest> requests = radarr.requests();
        assertThat(requests).extracting(FakeArrRequest::method).containsExactly("GET", "PUT");
        assertThat(JSON.readTree(requests.get(1).body())).isEqualTo(expected);
        assertThat(requests.get(1).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void setMonitoredOnAnUnknownMovieIsNotFound() {
        assertThatThrownBy(() -> client.setMonitored(instance, 999, false))
                .isInstanceOfSatisfying(ArrException.NotFound.class, e -> assertThat(e.answeredByArr()).isTrue());
    }

    @Test
    void diskSpaceIsRadarrsViewOfItsFilesystems() {
        radarr.addDisk("/movies", 1_000, 5_000);

        assertThat(client.diskSpace(instance)).containsExactly(new DiskSpace("/movies", 1_000, 5_000));
    }

    @Test
    void aUrlBaseIsKeptInFrontOfEveryRoute() {
        try (FakeRadarr based = FakeRadarr.start("/radarr")) {
            based.addMovie("Dune", 2021, 438631, "/movies/Dune");

            assertThat(client.movies(based.instance("based"))).hasSize(1);
            assertThat(based.requests().getLast().path()).isEqualTo("/radarr/api/v3/movie");
        }
    }

    @Test
    void idsRadarrNeverHandsOutAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.deleteMovie(instance, 0, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(radarr.requests()).isEmpty();
    }

    private String rawGet(String route) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(radarr.baseUrl() + route))
                .header("X-Api-Key", radarr.apiKey()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
