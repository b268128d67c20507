package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Dialect;
import app.pathary.watched.Verdict;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Executing the same plan twice deletes nothing more, whatever the library (against the fake Radarr and Sonarr). */
class CleanupIdempotenceTest {

    @Property(tries = 12)
    void a_second_execution_of_a_plan_deletes_nothing_on_sqlite(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 3) Integer> movies,
            @ForAll @IntRange(min = 0, max = 3) int seasons) {
        aSecondExecutionOfAPlanDeletesNothing(Dialect.SQLITE, movies, seasons);
    }

    @Property(tries = 12)
    void a_second_execution_of_a_plan_deletes_nothing_on_postgresql(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 3) Integer> movies,
            @ForAll @IntRange(min = 0, max = 3) int seasons) {
        aSecondExecutionOfAPlanDeletesNothing(Dialect.POSTGRESQL, movies, seasons);
    }

    private static void aSecondExecutionOfAPlanDeletesNothing(Dialect dialect, List<Integer> movies, int seasons) {
        try (CleanupScenario scenario = new CleanupScenario(dialect)) {
            for (int i = 0; i < movies.size(); i++) {
                int kind = movies.get(i);
                scenario.radarr.addMovie("M" + i, 2000, 100 + i, "/movies/m" + i).file("/movies/m" + i + "/f.mkv", 10);
                scenario.report.add(CleanupScenario.movie("jf" + i, "M" + i, "/media/movies/m" + i + "/f.mkv", kind == 3 ? 999 : 100 + i,
                        kind == 0 ? Verdict.WAITING : Verdict.ELIGIBLE));
            }
            var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
            for (int s = 1; s <= seasons; s++) {
                var episode = scenario.sonarr.addEpisode(show, s, 1, java.time.Instant.parse("2025-01-01T00:00:00Z"));
                scenario.sonarr.addEpisodeFile(show, s, "/tv/Show/Season " + s + "/e1.mkv", 5, episode);
                scenario.report.add(CleanupScenario.season("jf-s" + s, "Show", s, 7001, Verdict.ELIGIBLE,
                        CleanupScenario.episode("jf-e" + s, "Show", s, 1, null, "/media/tv/Show/Season " + s + "/e1.mkv", Verdict.ELIGIBLE)));
            }
            CleanupPlan plan = scenario.plan();
            CleanupExecutor.Outcome first = scenario.execute(plan);
            int deletedFiles = scenario.radarr.deletedFiles().size() + scenario.sonarr.deletedFiles().size();
            CleanupExecutor.Outcome second = scenario.execute(plan);
            assertThat(first.deleted()).isEqualTo(plan.entries().stream().filter(PlanEntry::deletes).count());
            assertThat(second.deleted()).isZero();
            assertThat(second.alreadyGone()).isEqualTo(first.deleted());
            assertThat(scenario.radarr.deletedFiles().size() + scenario.sonarr.deletedFiles().size()).isEqualTo(deletedFiles);
        }
    }
}
