package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestDatabases;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Workers killed with SIGKILL at random moments, on SQLite files and on PostgreSQL, and restarted: the end state is
 * exactly that of a run never killed. No job is left running, none is delivered twice, none is lost.
 * {@code bench/job-crash.sh} runs many more trials.
 */
class JobCrashTest {
    private static final int JOBS = 12;

    @Test
    void workers_killed_at_random_moments_leave_exactly_the_end_state_of_a_clean_run() throws Exception {
        CrashTrials trials = new CrashTrials(System.nanoTime(), JOBS);
        CrashTrials.EndState clean = trials.run(TestDatabases.freshSqlite(), 0, Duration.ZERO);
        assertThat(clean.jobs()).hasSize(JOBS).allMatch(job -> job.endsWith(" done"));
        assertThat(clean.deliveries()).containsExactlyElementsOf(IntStream.rangeClosed(1, JOBS).mapToObj(movie -> "jellyfin_sync:1:" + movie)
                .sorted().toList());
        assertThat(clean.runsWithoutAClaim()).isEmpty();
        assertThat(clean.ownersLeft()).isZero();
        assertThat(clean.handlerRuns()).isEqualTo(JOBS);

        int reclaimed = 0;
        for (int database = 0; trials.kills() < 20 && database < 8; database++) {
            var settings = database % 2 == 0 ? TestDatabases.freshSqlite() : TestDatabases.freshPostgres();
            CrashTrials.EndState crashed = trials.run(settings, 5, CrashTrials.KILL_WITHIN);
            assertThat(crashed.outcome()).as("after %d kills in all, on %s", trials.kills(), settings.jdbcUrl()).isEqualTo(clean.outcome());
            reclaimed += crashed.reclaimed();
        }
        assertThat(trials.kills()).as("workers killed before they finished").isGreaterThanOrEqualTo(20);
        assertThat(reclaimed).as("jobs whose run a kill cut short, claimed again").isPositive();
    }
}
