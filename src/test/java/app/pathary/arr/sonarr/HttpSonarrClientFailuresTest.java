package app.pathary.arr.sonarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrException.Unreachable.Reason;
import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeSonarrEpisode;
import app.pathary.testing.FakeSonarrEpisodeFile;
import app.pathary.testing.FakeSonarrSeries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed failures of {@link HttpSonarrClient}, and Sonarr's own quirks around them. */
class HttpSonarrClientFailuresTest {

    private final FakeSonarr sonarr = FakeSonarr.start();
    private final ArrInstance instance = sonarr.instance("tv");
    private final HttpSonarrClient client = SonarrTestClients.client(Duration.ofSeconds(1));
    private final FakeSonarrSeries series = sonarr.addSeries("Pioneer One", 170551, 0, "/tv/Pioneer One", "ended");
    private final FakeSonarrEpisode episode = sonarr.addEpisode(series, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
    private final FakeSonarrEpisodeFile file = sonarr.addEpisodeFile(series, 1, "/tv/Pioneer One/e1.mkv", 10, episode);

    @AfterEach
    void stop() {
        sonarr.close();
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        assertThatThrownBy(() -> client.series(new ArrInstance("tv", sonarr.baseUrl(), "wrong")))
                .isInstanceOfSatisfying(ArrException.Unauthorized.class,
                        e -> assertThat(e.userMessage()).isEqualTo("Sonarr did not accept the API key"));
    }

    @Test
    void aMissingRootFolderIsAConflictWithSonarrsSentence() {
        sonarr.setRootFolderMissing(true);

        assertThatThrownBy(() -> client.deleteEpisodeFile(instance, file.id()))
                .isInstanceOfSatisfying(ArrException.Conflict.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Series' root folder (/tv) doesn't exist."));
        assertThat(file.exists()).isTrue();
    }

    @Test
    void aServerErrorOnDeletingASeriesThatStillExistsIsRethrown() {
        sonarr.failNext(1, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.deleteSeries(instance, series.id(), false, false))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(series.exists()).isTrue();
    }

    @Test
    void aServerErrorWhoseCheckFailsTooIsRethrownWithTheCheckAttached() {
        sonarr.failNext(2, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.deleteSeries(instance, 999, false, false))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class,
                        e -> assertThat(e.getSuppressed()).hasSize(1));
    }

    @Test
    void monitoringAnUnknownEpisodeIsNotFoundAloneAndA500AmongOthers() {
        assertThatThrownBy(() -> client.monitorEpisodes(instance, List.of(999), false))
                .isInstanceOfSatisfying(ArrException.NotFound.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Episode with ID 999 does not exist"));
        assertThatThrownBy(() -> client.monitorEpisodes(instance, List.of(episode.id(), 999), false))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Expected query to return 2 rows but returned 1"));
        assertThat(episode.monitored()).isFalse();
    }

    @Test
    void aStartingSonarrIsStartingUp() {
        sonarr.setStartingUp(true);

        assertThatThrownBy(() -> client.episodes(instance, series.id())).isInstanceOf(ArrException.StartingUp.class);
    }

    @Test
    void aRadarrConfiguredAsSonarrIsNotArr() {
        try (FakeRadarr radarr = FakeRadarr.start()) {
            assertThatThrownBy(() -> client.systemStatus(radarr.instance("oops")))
                    .isInstanceOf(ArrException.NotArr.class).hasMessageContaining("appName is Radarr");
        }
    }

    @Test
    void anHtmlPageIsNotArr() {
        sonarr.failNext(1, FakeArrFault.HTML_PAGE);

        assertThatThrownBy(() -> client.episodeFiles(instance, series.id())).isInstanceOf(ArrException.NotArr.class);
    }

    @Test
    void timeoutsAndRefusedConnectionsAreUnreachable() throws IOException {
        sonarr.failNext(1, FakeArrFault.HANG);
        assertThatThrownBy(() -> client.series(instance))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT));

        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ArrInstance gone = new ArrInstance("gone", URI.create("http://127.0.0.1:" + port + "/sonarr"), "key");
        assertThatThrownBy(() -> client.deleteEpisodeFile(gone, 1))
                .isInstanceOfSatisfying(ArrException.Unreachable.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED));
    }

    @Test
    void aWrongUrlBaseIsNotFoundRatherThanAlreadyGone() {
        ArrInstance wrongBase = new ArrInstance("tv", URI.create(sonarr.baseUrl() + "/sonarr"), sonarr.apiKey());

        assertThatThrownBy(() -> client.deleteEpisodeFile(wrongBase, file.id()))
                .isInstanceOfSatisfying(ArrException.NotFound.class, e -> assertThat(e.answeredByArr()).isFalse());
        assertThatThrownBy(() -> client.episodeFiles(wrongBase, series.id())).isInstanceOf(ArrException.NotFound.class);
        assertThatThrownBy(() -> client.deleteSeries(wrongBase, series.id(), false, false))
                .isInstanceOf(ArrException.NotFound.class);
    }
}
