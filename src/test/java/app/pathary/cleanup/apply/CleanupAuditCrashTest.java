package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.watched.Verdict;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deletion cut short by a crash has its audit row: the intent is committed before the call to Radarr, so a Pathary
 * that dies during the call (here: its database pool is gone, as after kill -9, while Radarr holds the answer) leaves a
 * pending row behind; the run that resumes the plan completes that same row with what happened.
 */
@BothDialects
class CleanupAuditCrashTest {
    private final DatabaseSettings settings;
    private final CleanupScenario scenario;

    CleanupAuditCrashTest(Dialect dialect) {
        settings = TestDatabases.fresh(dialect);
        scenario = new CleanupScenario(settings);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static List<CleanupAudit.AuditRow> rowsOf(CleanupStores stores, String item) {
        return stores.audit().audit(50).stream().filter(row -> row.item().equals(item)).toList();
    }

    @Test
    void a_deletion_cut_short_by_a_crash_keeps_its_audit_row_and_the_resumed_run_completes_it() throws Exception {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 1000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        String first = plan.entries().stream().filter(e -> e.deletes()).findFirst().orElseThrow().title();
        String second = first.equals("Heat") ? "Alien" : "Heat";
        int firstId = first.equals("Heat") ? heat.id() : alien.id();

        scenario.radarr.holdNext("DELETE");
        Thread crashed = Thread.ofVirtual().start(() -> {
            try {
                scenario.execute(plan);
            } catch (RuntimeException expected) {
                // its database is gone: the process "died" during the call
            }
        });
        Database restarted = Database.open(settings);
        try {
            CleanupStores after = CleanupStores.of(restarted.jdbi(), Clock.systemUTC());
            String call = "/api/v3/movie/" + firstId;
            for (int i = 0; i < 1000 && scenario.radarr.requestCount("DELETE", call) == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(scenario.radarr.requestCount("DELETE", call)).as("the call is under way").isEqualTo(1);
            scenario.database.close(); // kill -9: nothing more reaches the database from the first run
            // Radarr carried the deletion out; its answer never reached the Pathary that died
            new app.pathary.arr.radarr.HttpRadarrClient(java.net.http.HttpClient.newHttpClient(), java.time.Duration.ofSeconds(5))
                    .deleteMovie(scenario.radarr.instance("radarr"), firstId, true, false);

            assertThat(rowsOf(after, first)).as("the intent, written before the call").singleElement()
                    .satisfies(row -> assertThat(row.result()).startsWith("pending:"));

            CleanupExecutor.Outcome resumed = scenario.execute(plan, CleanupLimits.defaults(), false, after);

            assertThat(resumed.deleted()).isEqualTo(2);
            assertThat(rowsOf(after, first)).as("the same row, completed").singleElement()
                    .satisfies(row -> assertThat(row.result()).startsWith("deleted").contains("Pathary stopped during the call"));
            assertThat(rowsOf(after, second)).singleElement().satisfies(row -> assertThat(row.result()).isEqualTo("deleted the movie and its files"));
            assertThat(after.audit().audit(50)).noneMatch(row -> row.result().startsWith("pending:"));
        } finally {
            crashed.interrupt();
            restarted.close();
        }
    }
}
