package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.episode;
import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static app.pathary.cleanup.apply.CleanupScenario.season;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.watched.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Executing plans: deletions through the real APIs, re-checks right before acting, 404 as done, 409 stops, the audit. */
@BothDialects
class CleanupExecutionTest {
    private static final Instant AIRED = Instant.parse("2025-01-01T00:00:00Z");
    private final CleanupScenario scenario;

    CleanupExecutionTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void movies_and_episode_files_are_deleted_and_executing_the_plan_again_deletes_nothing_more() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        var e2 = scenario.sonarr.addEpisode(show, 1, 2, AIRED);
        var file = scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1-2.mkv", 500, e1, e2);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e12", "Show", 1, 1, 2, "/media/tv/Show/Season 1/e1-2.mkv", Verdict.ELIGIBLE)));
        CleanupPlan plan = scenario.plan();

        CleanupExecutor.Outcome first = scenario.execute(plan);
        assertThat(first.deleted()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo(1500);
        assertThat(scenario.radarr.movie(heat.id()).exists()).isFalse();
        assertThat(scenario.radarr.deletedFiles()).as("the movie folder goes with the movie").contains("/movies/Heat");
        assertThat(scenario.sonarr.episodeFile(file.id()).exists()).isFalse();
        assertThat(scenario.sonarr.episode(e1.id()).monitored()).isFalse();
        assertThat(scenario.sonarr.episode(e2.id()).monitored()).isFalse();
        assertThat(scenario.sonarr.series(show.id()).exists()).as("not opted in").isTrue();

        CleanupExecutor.Outcome second = scenario.execute(plan);
        assertThat(second.deleted()).isZero();
        assertThat(second.alreadyGone()).isEqualTo(2);
        assertThat(scenario.records.audit().audit(10)).extracting(CleanupAudit.AuditRow::result)
                .contains("deleted the movie and its files", "done: already gone", "done: the files are already gone");
    }

    @Test
    void an_item_gone_since_the_plan_is_done_and_one_tagged_keep_since_is_skipped() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        int keep = scenario.radarr.addTag("keep");
        scenario.radarr.movie(alien.id()).tags(keep);
        new app.pathary.arr.radarr.HttpRadarrClient(java.net.http.HttpClient.newHttpClient(), java.time.Duration.ofSeconds(5))
                .deleteMovie(scenario.radarr.instance("radarr"), heat.id(), true, false);
        CleanupExecutor.Outcome outcome = scenario.execute(plan);
        assertThat(outcome.deleted()).isZero();
        assertThat(outcome.alreadyGone()).isEqualTo(1);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(scenario.radarr.movie(alien.id()).exists()).isTrue();
        assertThat(scenario.records.audit().audit(10)).anyMatch(row -> row.item().equals("Alien") && row.result().contains("changed since the plan was made: tagged keep in radarr"));
    }

    @Test
    void a_missing_root_folder_stops_the_run_before_anything_else_is_touched() {
        scenario.actions = new CleanupActions(CleanupActions.MovieAction.DELETE_FILE_AND_UNMONITOR, false, false, true);
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        var alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 1000);
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        scenario.radarr.setRootFolderMissing(true);
        CleanupExecutor.Outcome outcome = scenario.execute(plan);
        assertThat(outcome.stoppedBecause()).contains("is a disk unmounted").contains("The run stopped");
        assertThat(outcome.deleted()).isZero();
        assertThat(scenario.radarr.movie(heat.id()).hasFile()).isTrue();
        assertThat(scenario.radarr.movie(alien.id()).hasFile()).isTrue();
        assertThat(scenario.records.audit().audit(10)).hasSize(1).allMatch(row -> row.result().startsWith("stopped:"));

        scenario.radarr.setRootFolderMissing(false);
        CleanupExecutor.Outcome retry = scenario.execute(plan);
        assertThat(retry.deleted()).isEqualTo(2);
        assertThat(scenario.radarr.movie(heat.id()).exists()).as("file-only action keeps the entry").isTrue();
        assertThat(scenario.radarr.movie(heat.id()).hasFile()).isFalse();
        assertThat(scenario.radarr.movie(heat.id()).monitored()).isFalse();
    }

    @Test
    void executing_is_refused_while_cleanup_execute_is_off() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, false, false);
        CleanupPlan plan = scenario.plan();
        assertThat(plan.withAction("delete-movie")).as("the plan is still made").hasSize(1);
        assertThat(scenario.radarr.deletedFiles()).isEmpty();
    }

    @Test
    void an_opted_in_ended_series_goes_with_its_last_files() {
        scenario.actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, true, true);
        var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 100, e1);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE)));
        scenario.execute(scenario.plan());
        assertThat(scenario.sonarr.series(show.id()).exists()).isFalse();
    }
}
