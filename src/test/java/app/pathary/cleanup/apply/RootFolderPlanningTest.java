package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.entryFor;
import static app.pathary.cleanup.apply.CleanupScenario.episode;
import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static app.pathary.cleanup.apply.CleanupScenario.season;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.watched.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cleanup never plans to delete a root folder or a folder holding one, read from each instance's /rootfolder. */
@BothDialects
class RootFolderPlanningTest {
    private final CleanupScenario scenario;

    RootFolderPlanningTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void a_movie_whose_folder_is_the_root_folder_is_kept_with_the_reason() {
        scenario.radarr.addRootFolder("/movies");
        scenario.radarr.addMovie("Flat", 2000, 1, "/movies").file("/movies/Flat.mkv", 10);
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-flat", "Flat", "/media/movies/Flat.mkv", 1, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        assertThat(entryFor(plan, "Flat").action()).isEqualTo("keep");
        assertThat(entryFor(plan, "Flat").reasons()).contains("its folder /movies is a root folder of radarr; deleting it would remove the library");
        assertThat(entryFor(plan, "Heat").action()).isEqualTo("delete-movie");
    }

    @Test
    void a_movie_whose_folder_holds_a_root_folder_is_kept() {
        scenario.radarr.addRootFolder("/movies");
        scenario.radarr.addMovie("Box", 2000, 1, "/movies/Box").file("/movies/Box/b.mkv", 10);
        scenario.radarr.addRootFolder("/movies/Box/Kids");
        scenario.report.add(movie("jf-box", "Box", "/media/movies/Box/b.mkv", 1, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        assertThat(entryFor(plan, "Box").reasons()).contains("its folder /movies/Box holds the root folder /movies/Box/Kids of radarr");
        assertThat(plan.deletions()).isZero();
    }

    @Test
    void a_series_whose_folder_is_a_root_folder_keeps_its_seasons() {
        scenario.sonarr.addRootFolder("/tv/Show");
        var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, Instant.parse("2025-01-01T00:00:00Z"));
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 10, e1);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE)));
        CleanupPlan plan = scenario.plan();
        assertThat(entryFor(plan, "Show season 1").action()).isEqualTo("keep");
        assertThat(entryFor(plan, "Show season 1").reasons()).contains("its folder /tv/Show is a root folder of sonarr; deleting it would remove the library");
    }

    @Test
    void an_unreachable_root_folder_is_a_warning_of_the_plan_and_stops_execution_before_anything_is_touched() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.radarr.setRootFolderMissing(true);
        CleanupPlan plan = scenario.plan();
        assertThat(plan.warnings()).anyMatch(w -> w.contains("radarr cannot reach its root folder /movies/"));
        CleanupExecutor.Outcome outcome = scenario.execute(plan);
        assertThat(outcome.stoppedBecause()).isEqualTo("Radarr radarr cannot reach its root folder /movies/; is a disk unmounted? "
                + "The run stopped; nothing was touched.");
        assertThat(scenario.radarr.requests()).noneMatch(r -> r.method().equals("DELETE"));
    }
}
