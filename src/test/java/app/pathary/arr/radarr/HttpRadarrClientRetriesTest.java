package app.pathary.arr.radarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.arr.ArrException;
import app.pathary.arr.ArrException.NotArr.Problem;
import app.pathary.arr.ArrException.Unreachable.Reason;
import app.pathary.arr.ArrInstance;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeRadarrMovie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads that fail for a passing reason are tried again; answers that are not Radarr's JSON and writes are not. */
class HttpRadarrClientRetriesTest {

    private static final String MOVIES = "/api/v3/movie";

    private final FakeRadarr radarr = FakeRadarr.start();
    private final ArrInstance instance = radarr.instance("main");
    private final HttpRadarrClient client = RadarrTestClients.retrying(3);
    private final FakeRadarrMovie heat = radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7);

    @AfterEach
    void stop() {
        radarr.close();
    }

    @ParameterizedTest
    @EnumSource(value = FakeArrFault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "STARTING_UP", "CUT_OFF", "STALL"})
    void aReadThatFailsOnceForAPassingReasonIsTriedAgainAndSucceeds(FakeArrFault fault) {
        radarr.failNext(1, fault);

        assertThat(client.movies(instance)).extracting(RadarrMovie::title).containsExactly("Heat");
        assertThat(radarr.requestCount("GET", MOVIES)).as("the failed attempt and the retry").isEqualTo(2);
    }

    @Test
    void aPersistentServerErrorFailsAfterThreeAttemptsWithRadarrsSentence() {
        radarr.failNext(3, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.UnexpectedStatus.class, e -> assertThat(e.userMessage())
                        .isEqualTo("Radarr answered HTTP 500: Object reference not set to an instance of an object"));
        assertThat(radarr.requestCount("GET", MOVIES)).isEqualTo(3);
        assertThat(client.movies(instance)).as("the three faults are spent: no fourth attempt was made").hasSize(1);
    }

    @Test
    void aConnectionDroppedEveryTimeFailsAsClosedByTheServer() {
        radarr.failNext(20, FakeArrFault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.tags(instance))
                .isInstanceOfSatisfying(ArrException.Unreachable.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_CLOSED);
                    assertThat(e.userMessage()).isEqualTo("Radarr: connection closed by the server");
                });
        assertThat(radarr.requestCount("GET", "/api/v3/tag")).as("each attempt reached the server").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anHtmlPageFromAProxyIsNotArrAndNotTriedAgain() {
        radarr.failNext(1, FakeArrFault.HTML_PAGE);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.HTML_PAGE);
                    assertThat(e.userMessage()).isEqualTo("the server does not look like Radarr: it answered with an HTML page "
                            + "(a proxy or sign-in page?); check the URL and URL base");
                });
        assertThat(radarr.requestCount("GET", MOVIES)).isEqualTo(1);
    }

    @Test
    void truncatedJsonIsNotArrWithItsOwnSentence() {
        radarr.failNext(1, FakeArrFault.TRUNCATED_JSON);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MALFORMED_JSON);
                    assertThat(e.userMessage()).isEqualTo("Radarr sent JSON that is cut off or malformed");
                    assertThat(e).hasNoCause();
                });
        assertThat(radarr.requestCount("GET", MOVIES)).isEqualTo(1);
    }

    @Test
    void anObjectWhereAListIsDueIsNotArr() {
        radarr.failNext(1, FakeArrFault.WRONG_SHAPE);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNEXPECTED_SHAPE);
                    assertThat(e).hasMessage("Radarr (main) GET /api/v3/movie -> not a Radarr answer: expected a JSON array");
                });
    }

    @Test
    void noBodyWhereDataIsDueIsNotArr() {
        radarr.failNext(2, FakeArrFault.EMPTY_BODY);

        assertThatThrownBy(() -> client.movies(instance))
                .isInstanceOfSatisfying(ArrException.NotArr.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));
        assertThatThrownBy(() -> client.movie(instance, heat.id()))
                .isInstanceOfSatisfying(ArrException.NotArr.class,
                        e -> assertThat(e.userMessage()).isEqualTo("Radarr sent an empty answer where data was due"));
    }

    @Test
    void aDeleteThatFailsIsSentOnceAndLeftToTheCaller() {
        radarr.failNext(1, FakeArrFault.SERVER_ERROR);

        assertThatThrownBy(() -> client.deleteMovie(instance, heat.id(), true, false)).isInstanceOf(ArrException.UnexpectedStatus.class);
        assertThat(radarr.requestCount("DELETE", MOVIES + "/" + heat.id())).isEqualTo(1);
        assertThat(heat.exists()).isTrue();
    }

    @Test
    void theReadBeforeAPutIsTriedAgainAndThePutSentOnce() {
        radarr.failNext(1, FakeArrFault.BAD_GATEWAY);

        assertThat(client.setMonitored(instance, heat.id(), false).monitored()).isFalse();
        assertThat(radarr.requestCount("GET", MOVIES + "/" + heat.id())).as("the read: a 502, then the movie").isEqualTo(2);
        assertThat(radarr.requestCount("PUT", MOVIES + "/" + heat.id())).isEqualTo(1);
        assertThat(heat.monitored()).isFalse();
    }
}
