package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FakeSonarr over raw HTTP, against the behaviour of reference §3.3, §3.5, §3.7 and §3.8. */
class FakeSonarrTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final FakeSonarr sonarr = FakeSonarr.start();
    private final RawArrRequests raw = new RawArrRequests(sonarr);
    private final FakeSonarrSeries pioneer = sonarr.addSeries("Pioneer One", 170551, 0, "/tv/Pioneer One", "ended");
    private final FakeSonarrEpisode e1 = sonarr.addEpisode(pioneer, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
    private final FakeSonarrEpisode e2 = sonarr.addEpisode(pioneer, 1, 2, Instant.parse("2010-06-23T00:00:00Z"));
    private final FakeSonarrEpisode e3 = sonarr.addEpisode(pioneer, 1, 3, Instant.parse("2010-06-30T00:00:00Z"));
    private final FakeSonarrEpisodeFile double12 = sonarr.addEpisodeFile(pioneer, 1, "/tv/Pioneer One/S01/E01-E02.mkv",
            2_000, e1, e2);

    {
        sonarr.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        sonarr.close();
    }

    @Test
    void deletingAnUnknownSeriesIsA500FromTheListLookup() {
        RawArrRequests.Answer answer = raw.delete("/api/v3/series/99");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("message").asText()).isEqualTo("Expected query to return 1 rows but returned 0");
    }

    @Test
    void episodesAndEpisodeFilesNeedASelector() {
        RawArrRequests.Answer episodes = raw.get("/api/v3/episode");
        RawArrRequests.Answer files = raw.get("/api/v3/episodefile");

        assertThat(episodes.status()).isEqualTo(400);
        assertThat(episodes.json().get("message").asText()).isEqualTo("seriesId or episodeIds must be provided");
        assertThat(files.status()).isEqualTo(400);
        assertThat(files.json().get("message").asText()).isEqualTo("seriesId or episodeFileIds must be provided");
        assertThat(raw.get("/api/v3/episodefile?seriesId=99").status()).isEqualTo(404);
        assertThat(raw.get("/api/v3/episode?seriesId=99").json()).isEmpty();
    }

    @Test
    void oneFileBacksSeveralEpisodesAndItsDeleteDetachesAllOfThemOnce() {
        RawArrRequests.Answer first = raw.delete("/api/v3/episodefile/" + double12.id());
        RawArrRequests.Answer second = raw.delete("/api/v3/episodefile/" + double12.id());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        assertThat(e1.hasFile()).isFalse();
        assertThat(e2.hasFile()).isFalse();
        assertThat(e1.monitored()).isTrue();
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.json().get("message").asText()).isEqualTo("EpisodeFile with ID " + double12.id() + " does not exist");
        assertThat(sonarr.deletedFiles()).containsExactly("/tv/Pioneer One/S01/E01-E02.mkv");
    }

    @Test
    void withUnmonitorDeletedTheEpisodesOfADeletedFileAreUnmonitored() {
        sonarr.setUnmonitorDeleted(true);

        raw.delete("/api/v3/episodefile/" + double12.id());

        assertThat(e1.monitored()).isFalse();
        assertThat(e2.monitored()).isFalse();
        assertThat(e3.monitored()).isTrue();
    }

    @Test
    void aMissingRootFolderRefusesFileDeletesWith409() {
        sonarr.setRootFolderMissing(true);

        RawArrRequests.Answer answer = raw.delete("/api/v3/episodefile/" + double12.id());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("message").asText()).isEqualTo("Series' root folder (/tv) doesn't exist.");
        assertThat(double12.exists()).isTrue();
    }

    @Test
    void seasonStatisticsAreComputedFromTheEpisodesAndFiles() {
        FakeSonarrEpisode future = sonarr.addEpisode(pioneer, 2, 1, NOW.plusSeconds(86_400));
        sonarr.addEpisode(pioneer, 2, 2, NOW.plusSeconds(7 * 86_400));
        sonarr.addEpisodeFile(pioneer, 2, "/tv/Pioneer One/S02/E01.mkv", 500, sonarr.addEpisode(pioneer, 2, 0, null));

        JsonNode series = raw.get("/api/v3/series/" + pioneer.id()).json();
        JsonNode season1 = series.get("seasons").get(0).get("statistics");
        JsonNode season2 = series.get("seasons").get(1).get("statistics");

        assertThat(season1.get("episodeFileCount").asInt()).isEqualTo(2);
        assertThat(season1.get("episodeCount").asInt()).isEqualTo(3);
        assertThat(season1.get("totalEpisodeCount").asInt()).isEqualTo(3);
        assertThat(season1.get("sizeOnDisk").asLong()).isEqualTo(2_000);
        assertThat(season1.has("nextAiring")).isFalse();
        assertThat(season2.get("nextAiring").asText()).isEqualTo(future.airDateUtc.toString());
        assertThat(season2.get("totalEpisodeCount").asInt()).isEqualTo(3);
        assertThat(season2.get("episodeCount").asInt()).isEqualTo(1);
        assertThat(series.get("nextAiring").asText()).isEqualTo(future.airDateUtc.toString());
        assertThat(series.get("statistics").get("sizeOnDisk").asLong()).isEqualTo(2_500);
    }

    @Test
    void aSeededNextAiringOverridesTheComputedOne() {
        pioneer.nextAiring(Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(raw.get("/api/v3/series").json().get(0).get("nextAiring").asText()).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void monitoringEpisodesAnswers202WithThem() {
        RawArrRequests.Answer answer = raw.put("/api/v3/episode/monitor",
                "{\"episodeIds\":[" + e1.id() + "," + e3.id() + "],\"monitored\":false}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json()).hasSize(2);
        assertThat(e1.monitored()).isFalse();
        assertThat(e2.monitored()).isTrue();
        assertThat(e3.monitored()).isFalse();
    }

    @Test
    void monitoringUnknownEpisodesIs404AloneAnd500AmongOthers() {
        assertThat(raw.put("/api/v3/episode/monitor", "{\"episodeIds\":[999],\"monitored\":false}").status()).isEqualTo(404);

        RawArrRequests.Answer mixed = raw.put("/api/v3/episode/monitor",
                "{\"episodeIds\":[" + e1.id() + ",999],\"monitored\":false}");

        assertThat(mixed.status()).isEqualTo(500);
        assertThat(mixed.json().get("message").asText()).isEqualTo("Expected query to return 2 rows but returned 1");
        assertThat(e1.monitored()).isFalse();
    }

    @Test
    void deletingASeriesRemovesEverythingAndItsFolderUnlessShared() {
        raw.delete("/api/v3/series/" + pioneer.id() + "?deleteFiles=true&addImportListExclusion=true");

        assertThat(pioneer.exists()).isFalse();
        assertThat(e1.exists()).isFalse();
        assertThat(double12.exists()).isFalse();
        assertThat(sonarr.deletedFiles()).containsExactly("/tv/Pioneer One");
        assertThat(sonarr.importListExclusions()).containsExactly(170551);
        assertThat(raw.get("/api/v3/series/" + pioneer.id()).status()).isEqualTo(404);
    }

    @Test
    void episodesCanBeSelectedBySeasonIdsOrFileAndCarryTheirFileOnRequest() {
        sonarr.addEpisode(pioneer, 2, 1, null);

        assertThat(raw.get("/api/v3/episode?seriesId=" + pioneer.id() + "&seasonNumber=1").json()).hasSize(3);
        assertThat(raw.get("/api/v3/episode?episodeIds=" + e1.id() + "," + e3.id()).json()).hasSize(2);
        assertThat(raw.get("/api/v3/episode?episodeFileId=" + double12.id()).json()).hasSize(2);
        JsonNode withFile = raw.get("/api/v3/episode?seriesId=" + pioneer.id() + "&includeEpisodeFile=true").json().get(0);
        assertThat(withFile.get("episodeFile").get("releaseType").asText()).isEqualTo("multiEpisode");
        assertThat(raw.get("/api/v3/episode?seriesId=" + pioneer.id()).json().get(0).has("episodeFile")).isFalse();
        assertThat(raw.get("/api/v3/episode?seriesId=" + pioneer.id()).json().get(3).has("airDateUtc")).isFalse();
    }

    @Test
    void episodeFilesCarryAbsoluteAndRelativePaths() {
        JsonNode file = raw.get("/api/v3/episodefile?seriesId=" + pioneer.id()).json().get(0);

        assertThat(file.get("path").asText()).isEqualTo("/tv/Pioneer One/S01/E01-E02.mkv");
        assertThat(file.get("relativePath").asText()).isEqualTo("S01/E01-E02.mkv");
        assertThat(file.get("seasonNumber").asInt()).isEqualTo(1);
    }

    @Test
    void seriesCarryStatusEndedTagsAndUnknownIdsLeftOut() {
        int keep = sonarr.addTag("keep");
        pioneer.tags(keep).imdb("tt1748166");

        JsonNode series = raw.get("/api/v3/series?tvdbId=170551").json().get(0);

        assertThat(series.get("status").asText()).isEqualTo("ended");
        assertThat(series.get("ended").asBoolean()).isTrue();
        assertThat(series.get("tags").get(0).asInt()).isEqualTo(keep);
        assertThat(series.get("tmdbId").asInt()).isZero();
        assertThat(series.get("imdbId").asText()).isEqualTo("tt1748166");
        assertThat(raw.get("/api/v3/series?tvdbId=1").json()).isEmpty();
    }
}
