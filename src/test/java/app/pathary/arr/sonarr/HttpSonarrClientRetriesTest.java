package app.pathary.arr.sonarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrException.NotArr.Problem;
import app.pathary.arr.ArrException.Unreachable.Reason;
import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeSonarrEpisode;
import app.pathary.testing.FakeSonarrEpisodeFile;
import app.pathary.testing.FakeSonarrSeries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads that fail for a passing reason are tried again; answers that are not Sonarr's JSON and writes are not. */
class HttpSonarrClientRetriesTest {

    private final FakeSonarr sonarr = FakeSonarr.start();
    private final ArrInstance instance = sonarr.instance("tv");
    private final HttpSonarrClient client = SonarrTestClients.retrying(3);
    private final FakeSonarrSeries series = sonarr.addSeries("Pioneer One", 170551, 0, "/tv/Pioneer One", "ended");
    private final FakeSonarrEpisode episode = sonarr.addEpisode(series, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
    private final FakeSonarrEpisodeFile file = sonarr.addEpisodeFile(series, 1, "/tv/Pioneer One/e1.mkv", 10, episode);

    @AfterEach
    void stop() {
        sonarr.close();
    }

    @ParameterizedTest
    @EnumSource(value = FakeArrFault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "STARTING_UP", "CUT_OFF", "STALL"})
    void aReadThatFailsOnceForAPassingReasonIsTriedAgainAndSucceeds(FakeArrFault fault) {
        sonarr.failNext(1, fault);

        assertThat(client.episodeFiles(instance, series.id())).extracting(EpisodeFile::id).containsExactly(file.id());
        assertThat(sonarr.requestCount("GET", "/api/v3/episodefile")).as("the failed attempt and the retry").isEqualTo(2);
    }

    @Test
    void aPersistentServerErrorFailsAfterThreeAttempts() {
        sonarr.failNext(3, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.series(instance))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> assertThat(e.userMessage())
                        .isEqualTo("Sonarr answered HTTP 500: Object reference not set to an instance of an object"));
        assertThat(sonarr.requestCount("GET", "/api/v3/series")).isEqualTo(3);
        assertThat(client.series(instance)).as("no fourth attempt took the next answer").hasSize(1);
    }

    @Test
    void aConnectionDroppedEveryTimeFailsAsClosedByTheServer() {
        sonarr.failNext(20, FakeArrFault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.episodes(instance, series.id()))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_CLOSED));
        assertThat(sonarr.requestCount("GET", "/api/v3/episode")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void htmlTruncatedJsonWrongShapesAndNoBodyAreNotArrAndNotTriedAgain() {
        sonarr.failNext(1, FakeArrFault.HTML_PAGE);
        assertThatThrownBy(() -> client.series(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.problem()).isEqualTo(Problem.HTML_PAGE));
        sonarr.failNext(1, FakeArrFault.TRUNCATED_JSON);
        assertThatThrownBy(() -> client.episodes(instance, series.id()))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.userMessage())
                        .isEqualTo("Sonarr sent JSON that is cut off or malformed"));
        sonarr.failNext(1, FakeArrFault.WRONG_SHAPE);
        assertThatThrownBy(() -> client.tags(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED_SHAPE));
        sonarr.failNext(1, FakeArrFault.EMPTY_BODY);
        assertThatThrownBy(() -> client.series(instance, series.id()))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));

        assertThat(sonarr.requests()).as("one request each").hasSize(4);
    }

    @Test
    void writesThatFailAreSentOnce() {
        sonarr.failNext(1, FakeArrFault.BAD_GATEWAY);
        assertThatThrownBy(() -> client.deleteEpisodeFile(instance, file.id())).isInstanceOf(ArrException.UnexpectedStatus.class);
        sonarr.failNext(1, FakeArrFault.SERVER_ERROR);
        assertThatThrownBy(() -> client.monitorEpisodes(instance, List.of(episode.id()), false))
                .isInstanceOf(ArrException.UnexpectedStatus.class);

        assertThat(sonarr.requestCount("DELETE", "/api/v3/episodefile/" + file.id())).isEqualTo(1);
        assertThat(sonarr.requestCount("PUT", "/api/v3/episode/monitor")).isEqualTo(1);
        assertThat(file.exists()).isTrue();
        assertThat(episode.monitored()).isTrue();
    }
}
