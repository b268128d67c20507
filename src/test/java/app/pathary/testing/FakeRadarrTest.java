package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FakeRadarr over raw HTTP, against the behaviour of reference §3.2, §3.3, §3.4, §3.7 and §3.8. */
class FakeRadarrTest {

    private final FakeRadarr radarr = FakeRadarr.start();
    private final RawArrRequests raw = new RawArrRequests(radarr);
    private final FakeRadarrMovie freeGuy = radarr.addMovie("Free Guy", 2021, 550988, "/movies/Free Guy (2021)")
            .imdb("tt6264654").file("/movies/Free Guy (2021)/Free Guy.mkv", 8_000_000_000L);
    private final FakeRadarrMovie noFile = radarr.addMovie("Nobody", 2021, 615457, "/movies/Nobody (2021)");

    @AfterEach
    void stop() {
        radarr.close();
    }

    @Test
    void aMissingOrWrongKeyIsA401WithAnEmptyBody() {
        RawArrRequests.Answer none = raw.send("GET", "/api/v3/movie", null, Map.of());
        RawArrRequests.Answer wrong = raw.send("GET", "/api/v3/movie", null, Map.of("X-Api-Key", "nope"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEmpty();
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEmpty();
    }

    @Test
    void theKeyIsAlsoAcceptedAsQueryParameterOrBearerTokenAsRadarrDoes() {
        assertThat(raw.send("GET", "/api/v3/tag?apikey=" + radarr.apiKey(), null, Map.of()).status()).isEqualTo(200);
        assertThat(raw.send("GET", "/api/v3/tag", null, Map.of("Authorization", "Bearer " + radarr.apiKey())).status())
                .isEqualTo(200);
    }

    @Test
    void anAcceptHeaderWithoutJsonIs406() {
        Map<String, String> headers = raw.withKey();
        headers.put("Accept", "text/html");

        assertThat(raw.send("GET", "/api/v3/movie", null, headers).status()).isEqualTo(406);
    }

    @Test
    void whileStartingUpEveryRouteIs503WithTheErrorMessage() {
        radarr.setStartingUp(true);

        RawArrRequests.Answer answer = raw.get("/api/v3/system/status");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("errorMessage").asText()).isEqualTo("Radarr is starting up, please try again later");
        radarr.setStartingUp(false);
        assertThat(raw.get("/api/v3/system/status").status()).isEqualTo(200);
    }

    @Test
    void nullsAndZeroIdsAreLeftOut() {
        JsonNode movies = raw.get("/api/v3/movie").json();

        assertThat(movies.get(0).get("movieFile").get("path").asText()).isEqualTo("/movies/Free Guy (2021)/Free Guy.mkv");
        assertThat(movies.get(0).get("movieFile").get("relativePath").asText()).isEqualTo("Free Guy.mkv");
        assertThat(movies.get(1).has("imdbId")).isFalse();
        assertThat(movies.get(1).has("movieFile")).isFalse();
        assertThat(movies.get(1).get("movieFileId").asInt()).isZero();
        radarr.addDisk("/movies", 1, 2);
        assertThat(raw.get("/api/v3/diskspace").json().get(0).has("id")).isFalse();
    }

    @Test
    void tmdbIdFiltersTheListAndNeverGives404() {
        assertThat(raw.get("/api/v3/movie?tmdbId=550988").json()).hasSize(1);
        assertThat(raw.get("/api/v3/movie?tmdbId=1").json()).isEmpty();
    }

    @Test
    void getOfAnUnknownIdIsProblemDetails() {
        RawArrRequests.Answer answer = raw.get("/api/v3/movie/99");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asText()).isEqualTo("Not Found");
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void putAnswers202WithTheResourceAndChangesMonitored() {
        ObjectNode movie = (ObjectNode) raw.get("/api/v3/movie/" + freeGuy.id()).json();
        movie.put("monitored", false);

        RawArrRequests.Answer answer = raw.put("/api/v3/movie/" + freeGuy.id(), movie.toString());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("monitored").asBoolean()).isFalse();
        assertThat(freeGuy.monitored()).isFalse();
    }

    @Test
    void aPartialPutFailsValidationWithAnArrayOfFailures() {
        RawArrRequests.Answer answer = raw.put("/api/v3/movie/" + freeGuy.id(),
                "{\"id\":" + freeGuy.id() + ",\"monitored\":false}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().get(0).get("propertyName").asText()).isEqualTo("Path");
        assertThat(freeGuy.monitored()).isTrue();
        assertThat(raw.put("/api/v3/movie/" + freeGuy.id(), "{not json").json().get("title").asText())
                .isEqualTo("One or more validation errors occurred.");
    }

    @Test
    void deleteAnswers200EmptyAndAnUnknownIdIs404WithRadarrsMessage() {
        RawArrRequests.Answer first = raw.delete("/api/v3/movie/" + noFile.id());
        RawArrRequests.Answer again = raw.delete("/api/v3/movie/" + noFile.id());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        assertThat(noFile.exists()).isFalse();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("message").asText()).isEqualTo("Movie with ID " + noFile.id() + " does not exist");
        assertThat(again.json().has("description")).isTrue();
    }

    @Test
    void deletingAMovieWithFilesRemovesItsFolderAndCanAddAnImportExclusion() {
        raw.delete("/api/v3/movie/" + freeGuy.id() + "?deleteFiles=true&addImportExclusion=true");

        assertThat(radarr.deletedFiles()).containsExactly("/movies/Free Guy (2021)");
        assertThat(radarr.importExclusions()).containsExactly(550988);
    }

    @Test
    void aFolderSharedWithAnotherMovieIsKeptSilently() {
        FakeRadarrMovie parent = radarr.addMovie("Collection", 2020, 1, "/movies/Collection");
        radarr.addMovie("Part One", 2020, 2, "/movies/Collection/Part One");

        assertThat(raw.delete("/api/v3/movie/" + parent.id() + "?deleteFiles=true").status()).isEqualTo(200);
        assertThat(parent.exists()).isFalse();
        assertThat(radarr.deletedFiles()).isEmpty();
    }

    @Test
    void deletingAFileKeepsTheMovieAndUnmonitorsOnlyWhenTheSettingIsOn() {
        RawArrRequests.Answer answer = raw.delete("/api/v3/moviefile/" + freeGuy.fileId());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(freeGuy.exists()).isTrue();
        assertThat(freeGuy.hasFile()).isFalse();
        assertThat(freeGuy.monitored()).isTrue();
        assertThat(radarr.deletedFiles()).containsExactly("/movies/Free Guy (2021)/Free Guy.mkv");

        radarr.setUnmonitorDeleted(true);
        FakeRadarrMovie other = radarr.addMovie("Dune", 2021, 438631, "/movies/Dune (2021)").file("/movies/Dune (2021)/d.mkv", 5);
        raw.delete("/api/v3/moviefile/" + other.fileId());
        assertThat(other.monitored()).isFalse();
    }

    @Test
    void anUnknownFileIs404WithRadarrsMessage() {
        RawArrRequests.Answer answer = raw.delete("/api/v3/moviefile/4242");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("MovieFile with ID 4242 does not exist");
    }

    @Test
    void aMissingRootFolderRefusesFileDeletesWith409() {
        radarr.setRootFolderMissing(true);

        RawArrRequests.Answer answer = raw.delete("/api/v3/moviefile/" + freeGuy.fileId());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).isEqualTo("Movie's root folder (/movies) doesn't exist.");
        assertThat(freeGuy.hasFile()).isTrue();
        assertThat(radarr.deletedFiles()).isEmpty();
    }

    @Test
    void deletesFreeDiskSpaceUnlessARecycleBinIsSet() throws InterruptedException {
        radarr.addDisk("/movies", 1_000_000_000L, 20_000_000_000L);
        radarr.setRecycleBin("/recycle");
        raw.delete("/api/v3/moviefile/" + freeGuy.fileId());
        assertThat(raw.get("/api/v3/diskspace").json().get(0).get("freeSpace").asLong()).isEqualTo(1_000_000_000L);

        radarr.setRecycleBin("");
        FakeRadarrMovie dune = radarr.addMovie("Dune", 2021, 438631, "/movies/Dune").file("/movies/Dune/d.mkv", 500);
        raw.delete("/api/v3/moviefile/" + dune.fileId());
        // deletes free space asynchronously, as Radarr does
        long free = 0;
        for (int tries = 0; tries < 100 && free != 1_000_000_500L; tries++) {
            Thread.sleep(20);
            free = raw.get("/api/v3/diskspace").json().get(0).get("freeSpace").asLong();
        }
        assertThat(free).isEqualTo(1_000_000_500L);
    }

    @Test
    void tagsAreStoredInLowerCaseOnce() {
        int keep = radarr.addTag("Keep");

        assertThat(radarr.addTag("KEEP")).isEqualTo(keep);
        assertThat(raw.get("/api/v3/tag").json().get(0).get("label").asText()).isEqualTo("keep");
    }

    @Test
    void aUrlBaseIsPartOfEveryRoute() {
        try (FakeRadarr based = FakeRadarr.start("radarr/")) {
            RawArrRequests rawBased = new RawArrRequests(based);

            assertThat(based.baseUrl().getPath()).isEqualTo("/radarr");
            assertThat(rawBased.get("/api/v3/system/status").json().get("urlBase").asText()).isEqualTo("/radarr");
            assertThat(based.requestCount("GET", "/api/v3/system/status")).isEqualTo(1);
        }
    }

    @Test
    void theRequestLogKeepsMethodPathQueryHeadersAndBody() {
        raw.put("/api/v3/movie/" + freeGuy.id(), raw.get("/api/v3/movie/" + freeGuy.id()).body());

        FakeArrRequest put = radarr.requests().get(1);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.header("x-api-key")).isEqualTo(radarr.apiKey());
        assertThat(put.body()).contains("\"title\":\"Free Guy\"");
        assertThat(radarr.requestCount("GET", "/api/v3/movie/" + freeGuy.id())).isEqualTo(1);
        radarr.clearRequests();
        assertThat(radarr.requests()).isEmpty();
    }
}
