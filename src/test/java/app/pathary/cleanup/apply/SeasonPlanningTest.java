package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.entryFor;
import static app.pathary.cleanup.apply.CleanupScenario.episode;
import static app.pathary.cleanup.apply.CleanupScenario.season;
import static app.pathary.cleanup.apply.CleanupScenario.special;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeSonarrSeries;
import app.pathary.watched.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TV: seasons as units, episode files matched by path then numbers, and the series-safe rules. */
@BothDialects
class SeasonPlanningTest {
    private static final Instant AIRED = Instant.parse("2025-01-01T00:00:00Z");
    private final CleanupScenario scenario;

    SeasonPlanningTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private FakeSonarrSeries show(String status) {
        return scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", status);
    }

    @Test
    void an_eligible_season_deletes_its_episode_files_and_unmonitors_exactly_its_episodes() {
        FakeSonarrSeries show = show("ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        var e2 = scenario.sonarr.addEpisode(show, 1, 2, AIRED);
        var e3 = scenario.sonarr.addEpisode(show, 1, 3, AIRED);
        scenario.sonarr.addEpisode(show, 2, 1, AIRED);
        var f1 = scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 100, e1);
        var f23 = scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e2-3.mkv", 200, e2, e3);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE),
                episode("jf-e23", "Show", 1, 2, 3, "/media/tv/Show/Season 1/e2-3.mkv", Verdict.ELIGIBLE)));
        PlanEntry entry = entryFor(scenario.plan(), "Show season 1");
        assertThat(entry.action()).isEqualTo("delete-episode-files");
        assertThat(entry.episodeFileIds()).containsExactlyInAnyOrder(f1.id(), f23.id());
        assertThat(entry.episodeIds()).containsExactlyInAnyOrder(e1.id(), e2.id(), e3.id());
        assertThat(entry.bytes()).isEqualTo(300);
        assertThat(entry.path()).isEqualTo("/tv/Show/Season 1");
        assertThat(entry.deleteSeries()).isFalse();
    }

    @Test
    void a_file_that_also_holds_an_episode_that_is_not_eligible_keeps_the_season() {
        FakeSonarrSeries show = show("ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        var e2 = scenario.sonarr.addEpisode(show, 1, 2, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1-2.mkv", 100, e1, e2);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1-2.mkv", Verdict.ELIGIBLE)));
        PlanEntry entry = entryFor(scenario.plan(), "Show season 1");
        assertThat(entry.action()).isEqualTo("keep");
        assertThat(entry.reasons()).anyMatch(r -> r.equals("a file also holds S01E02, which is not eligible"));
    }

    @Test
    void the_season_still_airing_in_a_continuing_series_is_never_emptied() {
        FakeSonarrSeries show = show("continuing");
        var e1 = scenario.sonarr.addEpisode(show, 3, 1, AIRED);
        scenario.sonarr.addEpisode(show, 3, 2, Instant.parse("2026-04-01T00:00:00Z"));
        scenario.sonarr.addEpisodeFile(show, 3, "/tv/Show/Season 3/e1.mkv", 100, e1);
        scenario.report.add(season("jf-s3", "Show", 3, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 3, 1, null, "/media/tv/Show/Season 3/e1.mkv", Verdict.ELIGIBLE)));
        PlanEntry entry = entryFor(scenario.plan(), "Show season 3");
        assertThat(entry.action()).isEqualTo("keep");
        assertThat(entry.reasons()).contains("season 3 of the continuing series is still airing");
    }

    @Test
    void without_path_matches_the_series_id_and_episode_numbers_decide() {
        FakeSonarrSeries show = scenario.sonarr.addSeries("Show", 7001, 8001, "/data/series/Show", "ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/data/series/Show/S01/e1.mkv", 100, e1);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE)));
        PlanEntry entry = entryFor(scenario.plan(), "Show season 1");
        assertThat(entry.action()).isEqualTo("delete-episode-files");
        assertThat(entry.reasons().getFirst()).startsWith("matched by series id and episode numbers");
        scenario.report.clear();
        scenario.report.add(season("jf-s1", "Show", 1, 9999, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Other/e1.mkv", Verdict.ELIGIBLE)));
        assertThat(entryFor(scenario.plan(), "Show season 1").action()).isEqualTo("unmatched");
    }

    @Test
    void specials_are_planned_one_episode_at_a_time() {
        FakeSonarrSeries show = show("ended");
        var s1 = scenario.sonarr.addEpisode(show, 0, 1, AIRED);
        scenario.sonarr.addEpisode(show, 0, 2, AIRED);
        var f = scenario.sonarr.addEpisodeFile(show, 0, "/tv/Show/Specials/s1.mkv", 50, s1);
        scenario.report.add(special("jf-sp1", "Show", 1, 7001, "/media/tv/Show/Specials/s1.mkv"));
        PlanEntry entry = scenario.plan().entries().getFirst();
        assertThat(entry.action()).isEqualTo("delete-episode-files");
        assertThat(entry.episodeFileIds()).containsExactly(f.id());
        assertThat(entry.episodeIds()).containsExactly(s1.id());
    }

    @Test
    void an_ended_series_entry_is_deleted_only_when_opted_in_and_no_file_is_left() {
        FakeSonarrSeries show = show("ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 100, e1);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE)));
        assertThat(entryFor(scenario.plan(), "Show season 1").deleteSeries()).as("not opted in").isFalse();
        scenario.actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, true, true);
        PlanEntry entry = entryFor(scenario.plan(), "Show season 1");
        assertThat(entry.deleteSeries()).isTrue();
        assertThat(entry.reasons().getLast()).contains("has ended and no file is left");
        var e2 = scenario.sonarr.addEpisode(show, 2, 1, AIRED);
        scenario.sonarr.addEpisodeFile(show, 2, "/tv/Show/Season 2/e1.mkv", 100, e2);
        assertThat(entryFor(scenario.plan(), "Show season 1").deleteSeries()).as("season 2 still has a file").isFalse();
    }

    @Test
    void a_season_with_an_episode_sonarr_has_no_file_for_is_unmatched() {
        FakeSonarrSeries show = show("ended");
        var e1 = scenario.sonarr.addEpisode(show, 1, 1, AIRED);
        scenario.sonarr.addEpisode(show, 1, 2, AIRED);
        scenario.sonarr.addEpisodeFile(show, 1, "/tv/Show/Season 1/e1.mkv", 100, e1);
        scenario.report.add(season("jf-s1", "Show", 1, 7001, Verdict.ELIGIBLE,
                episode("jf-e1", "Show", 1, 1, null, "/media/tv/Show/Season 1/e1.mkv", Verdict.ELIGIBLE),
                episode("jf-e2", "Show", 1, 2, null, "/media/tv/Show/Season 1/e2-elsewhere.mkv", Verdict.ELIGIBLE)));
        PlanEntry entry = entryFor(scenario.plan(), "Show season 1");
        assertThat(entry.action()).isEqualTo("unmatched");
        assertThat(entry.reasons().getFirst()).endsWith("has no file for S01E02");
    }
}
