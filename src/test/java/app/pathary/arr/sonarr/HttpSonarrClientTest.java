package app.pathary.arr.sonarr;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.ArrInstance;
import app.pathary.arr.DiskSpace;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.Tag;
import app.pathary.testing.FakeArrRequest;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeSonarrEpisode;
import app.pathary.testing.FakeSonarrEpisodeFile;
import app.pathary.testing.FakeSonarrSeries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every method of {@link HttpSonarrClient} against {@link FakeSonarr} over HTTP. */
class HttpSonarrClientTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant NEXT_WEEK = NOW.plusSeconds(7 * 86_400);

    private final FakeSonarr sonarr = FakeSonarr.start();
    private final ArrInstance instance = sonarr.instance("tv");
    private final HttpSonarrClient client = SonarrTestClients.client();
    private final int keep = sonarr.addTag("keep");
    private final FakeSonarrSeries pioneer = sonarr.addSeries("Pioneer One", 170551, 61888, "/tv/Pioneer One", "continuing")
            .imdb("tt1748166").tags(keep);
    private final FakeSonarrEpisode e1 = sonarr.addEpisode(pioneer, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
    private final FakeSonarrEpisode e2 = sonarr.addEpisode(pioneer, 1, 2, Instant.parse("2010-06-23T00:00:00Z"));
    private final FakeSonarrEpisode e3 = sonarr.addEpisode(pioneer, 2, 1, NEXT_WEEK);
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
    void sharedEndpointsReadSonarrsStatusSettingsTagsAndDisks() {
        sonarr.setUnmonitorDeleted(true);
        sonarr.addDisk("/tv", 100, 1_000);

        assertThat(client.systemStatus(instance)).isEqualTo(new SystemStatus("Sonarr", "4.0.19.2979", "Sonarr"));
        assertThat(client.mediaManagement(instance)).isEqualTo(new MediaManagement(false, true));
        assertThat(client.tags(instance)).containsExactly(new Tag(keep, "keep"));
        assertThat(client.diskSpace(instance)).containsExactly(new DiskSpace("/tv", 100, 1_000));
    }

    @Test
    void seriesCarryTheirSeasonsWithStatistics() {
        SonarrSeries series = client.series(instance).getFirst();

        assertThat(series).isEqualTo(new SonarrSeries(pioneer.id(), "Pioneer One", 170551, 61888, "tt1748166",
                "/tv/Pioneer One", "continuing", false, true, List.of(keep),
                List.of(new SeasonInfo(1, true, 2, 2, 2, 2_000, null), new SeasonInfo(2, true, 0, 0, 1, 0, NEXT_WEEK)),
                NEXT_WEEK));
    }

    @Test
    void oneSeriesIsReadByIdAndAnUnknownIdIsEmpty() {
        assertThat(client.series(instance, pioneer.id())).get().extracting(SonarrSeries::title).isEqualTo("Pioneer One");
        assertThat(client.series(instance, 999)).isEmpty();
    }

    @Test
    void aSeasonWithoutEpisodesHasZeroStatisticsAndUnknownIdsAreNull() {
        FakeSonarrSeries bare = sonarr.addSeries("Bare", 0, 0, "/tv/Bare", "upcoming").season(1, false);

        SonarrSeries series = client.series(instance, bare.id()).orElseThrow();

        assertThat(series.tvdbId()).isNull();
        assertThat(series.tmdbId()).isNull();
        assertThat(series.imdbId()).isNull();
        assertThat(series.nextAiring()).isNull();
        assertThat(series.seasons()).containsExactly(new SeasonInfo(1, false, 0, 0, 0, 0, null));
    }

    @Test
    void episodesShowWhichFileHoldsThem() {
        assertThat(client.episodes(instance, pioneer.id())).containsExactly(
                new SonarrEpisode(e1.id(), pioneer.id(), 1, 1, double12.id(), true, true, Instant.parse("2010-06-16T00:00:00Z")),
                new SonarrEpisode(e2.id(), pioneer.id(), 1, 2, double12.id(), true, true, Instant.parse("2010-06-23T00:00:00Z")),
                new SonarrEpisode(e3.id(), pioneer.id(), 2, 1, 0, false, true, NEXT_WEEK));
        assertThat(sonarr.requests().getLast().query()).isEqualTo("seriesId=" + pioneer.id());
    }

    @Test
    void episodeFilesCarryAbsolutePaths() {
        assertThat(client.episodeFiles(instance, pioneer.id())).containsExactly(
                new EpisodeFile(double12.id(), pioneer.id(), 1, "/tv/Pioneer One/S01/E01-E02.mkv", 2_000));
        assertThat(client.episodeFiles(instance, 999)).isEmpty();
    }

    @Test
    void aMultiEpisodeFileIsDeletedOnceAndThenAlreadyGone() {
        assertThat(client.deleteEpisodeFile(instance, double12.id())).isTrue();
        assertThat(client.deleteEpisodeFile(instance, double12.id())).isFalse();

        assertThat(e1.hasFile()).isFalse();
        assertThat(e2.hasFile()).isFalse();
        assertThat(sonarr.deletedFiles()).containsExactly("/tv/Pioneer One/S01/E01-E02.mkv");
    }

    @Test
    void monitorEpisodesChangesExactlyThoseEpisodes() {
        client.monitorEpisodes(instance, List.of(e1.id(), e2.id()), false);

        assertThat(e1.monitored()).isFalse();
        assertThat(e2.monitored()).isFalse();
        assertThat(e3.monitored()).isTrue();
        FakeArrRequest put = sonarr.requests().getLast();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.body()).isEqualTo("{\"episodeIds\":[" + e1.id() + "," + e2.id() + "],\"monitored\":false}");
    }

    @Test
    void monitoringNoEpisodesSendsNothing() {
        client.monitorEpisodes(instance, List.of(), false);

        assertThat(sonarr.requests()).isEmpty();
    }

    @Test
    void deletingASeriesSaysWhetherItWasStillThere() {
        assertThat(client.deleteSeries(instance, pioneer.id(), true, true)).isTrue();
        assertThat(client.deleteSeries(instance, pioneer.id(), true, true)).isFalse();

        assertThat(pioneer.exists()).isFalse();
        assertThat(sonarr.deletedFiles()).containsExactly("/tv/Pioneer One");
        assertThat(sonarr.importListExclusions()).containsExactly(170551);
        assertThat(sonarr.requestCount("GET", "/api/v3/series/" + pioneer.id())).isEqualTo(1);
        assertThat(sonarr.requests()).filteredOn(r -> r.method().equals("DELETE")).extracting(FakeArrRequest::query)
                .containsOnly("deleteFiles=true&addImportListExclusion=true");
    }
}
