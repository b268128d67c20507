package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeRadarrMovie;
import app.pathary.watched.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An *arr that gives no usable answer when the execution reads it again (before the first delete, or right before one)
 * stops the whole run: nothing is deleted and the audit says why.
 */
@BothDialects
class CleanupExecutionStopsTest {
    private final CleanupScenario scenario;
    private FakeRadarrMovie alien;
    private FakeRadarrMovie heat;

    CleanupExecutionStopsTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @BeforeEach
    void plan() {
        alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 1000);
        heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @ParameterizedTest
    @EnumSource(value = FakeArrFault.class, names = {"SERVER_ERROR", "BAD_GATEWAY", "HTML_PAGE", "TRUNCATED_JSON", "DROP_CONNECTION"})
    void aReReadWithoutAUsableAnswerStopsTheRunBeforeAnyDelete(FakeArrFault fault) {
        CleanupPlan plan = scenario.plan();
        scenario.radarr.failNext(2, fault);

        CleanupExecutor.Outcome outcome = scenario.execute(plan);

        assertThat(outcome.stoppedBecause()).startsWith("Radarr radarr cannot be read: ").endsWith("The run stopped; nothing was touched.");
        assertThat(outcome.deleted()).isZero();
        assertThat(scenario.radarr.deletedFiles()).isEmpty();
        assertThat(alien.exists()).isTrue();
        assertThat(heat.exists()).isTrue();
        assertThat(scenario.records.audit().audit(10)).singleElement()
                .satisfies(row -> assertThat(row.result()).startsWith("stopped: Radarr radarr cannot be read"));
    }
}
