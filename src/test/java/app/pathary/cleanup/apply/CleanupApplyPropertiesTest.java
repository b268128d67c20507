package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.CleanupPlanner;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Dialect;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The law of applying a stale plan: whatever changed between plan and apply, the executor deletes exactly what the plan
 * listed and a fresh plan of the changed household would still delete (same item, same file), and nothing else.
 * Against the fake Radarr and Sonarr over HTTP; Jellyfin's side is the report as it is at apply time.
 */
class CleanupApplyPropertiesTest {
    private static final Instant AIRED = Instant.parse("2025-01-01T00:00:00Z");

    /**
     * @param movieChanges per movie: 0 nothing, 1 now kept (a favourite), 2 waiting (a new play), 3 excluded by hand,
     *                     4 tagged keep, 5 its file upgraded, 6 its folder became a root folder, 7 not eligible at plan time
     * @param seasonChanges per season of one series: 0 nothing, 1 now kept, 2 an episode excluded, 3 series tagged keep
     */
    @Property(tries = 15)
    void nothing_a_fresh_plan_would_keep_is_deleted_and_nothing_it_would_delete_is_skipped_on_sqlite(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 7) Integer> movieChanges,
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 3) Integer> seasonChanges) {
        nothingAFreshPlanWouldKeepIsDeletedAndNothingItWouldDeleteIsSkipped(Dialect.SQLITE, movieChanges, seasonChanges);
    }

    @Property(tries = 15)
    void nothing_a_fresh_plan_would_keep_is_deleted_and_nothing_it_would_delete_is_skipped_on_postgresql(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 7) Integer> movieChanges,
            @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 3) Integer> seasonChanges) {
        nothingAFreshPlanWouldKeepIsDeletedAndNothingItWouldDeleteIsSkipped(Dialect.POSTGRESQL, movieChanges, seasonChanges);
    }

    private static void nothingAFreshPlanWouldKeepIsDeletedAndNothingItWouldDeleteIsSkipped(Dialect dialect,
            List<Integer> movieChanges, List<Integer> seasonChanges) {
        try (CleanupScenario scenario = new CleanupScenario(dialect)) {
            List<app.pathary.testing.FakeRadarrMovie> movies = new ArrayList<>();
            for (int i = 0; i < movieChanges.size(); i++) {
                movies.add(scenario.radarr.addMovie("M" + i, 2000, 100 + i, "/movies/m" + i).file("/movies/m" + i + "/f.mkv", 10));
                scenario.report.add(CleanupScenario.movie("jf-m" + i, "M" + i, "/media/movies/m" + i + "/f.mkv", 100 + i,
                        movieChanges.get(i) == 7 ? Verdict.WAITING : Verdict.ELIGIBLE));
            }
            var show = scenario.sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
            for (int s = 1; s <= seasonChanges.size(); s++) {
                var episode = scenario.sonarr.addEpisode(show, s, 1, AIRED);
                scenario.sonarr.addEpisodeFile(show, s, "/tv/Show/Season " + s + "/e1.mkv", 5, episode);
                scenario.report.add(season(s, Verdict.ELIGIBLE));
            }
            CleanupPlan plan = scenario.plan();

            int keep = 0;
            for (int i = 0; i < movieChanges.size(); i++) {
                int change = movieChanges.get(i);
                switch (change) {
                    case 1 -> scenario.report.set(i, CleanupScenario.movie("jf-m" + i, "M" + i, "/media/movies/m" + i + "/f.mkv", 100 + i, Verdict.KEPT));
                    case 2 -> scenario.report.set(i, CleanupScenario.movie("jf-m" + i, "M" + i, "/media/movies/m" + i + "/f.mkv", 100 + i, Verdict.WAITING));
                    case 3 -> scenario.records.exclusions().exclude("jf-m" + i, "M" + i, "root");
                    case 4 -> movies.get(i).tags(keep == 0 ? (keep = scenario.radarr.addTag("keep")) : keep);
                    case 5 -> movies.get(i).file("/movies/m" + i + "/f.2160p.mkv", 40);
                    case 6 -> scenario.radarr.addRootFolder("/movies/m" + i);
                    default -> { }
                }
            }
            for (int s = 1; s <= seasonChanges.size(); s++) {
                int index = movieChanges.size() + s - 1;
                switch (seasonChanges.get(s - 1)) {
                    case 1 -> scenario.report.set(index, season(s, Verdict.KEPT));
                    case 2 -> scenario.records.exclusions().exclude("jf-e" + s, "e" + s, "root");
                    case 3 -> show.tags(scenario.sonarr.addTag("keep"));
                    default -> { }
                }
            }
            Set<String> freshTargets = targets(freshPlan(scenario));
            Set<String> planned = targets(plan);
            scenario.radarr.clearRequests();

            CleanupExecutor.Outcome outcome = scenario.execute(plan);

            Set<String> deleted = new HashSet<>();
            for (var movie : movies) {
                if (!movie.exists()) {
                    deleted.add("radarr/" + movie.id());
                }
            }
            for (int s = 1; s <= seasonChanges.size(); s++) {
                int season = s;
                if (scenario.sonarr.deletedFiles().stream().anyMatch(p -> p.contains("Season " + season + "/"))) {
                    deleted.add("sonarr/season" + s);
                }
            }
            Set<String> both = new HashSet<>(planned);
            both.retainAll(freshTargets);
            Set<String> expected = new HashSet<>();
            both.forEach(target -> expected.add(target.replaceAll("@.*", "")));
            assertThat(deleted).as("deleted = planned ∩ what a fresh plan deletes (%s)", outcome).isEqualTo(expected);
            assertThat(outcome.deleted()).isEqualTo(expected.size());
        }
    }

    private static ReportEntry season(int s, Verdict verdict) {
        return CleanupScenario.season("jf-s" + s, "Show", s, 7001, verdict,
                CleanupScenario.episode("jf-e" + s, "Show", s, 1, null, "/media/tv/Show/Season " + s + "/e1.mkv", verdict));
    }

    /** What a plan made now, from the changed household, would delete. */
    private static CleanupPlan freshPlan(CleanupScenario scenario) {
        HttpClient http = HttpClient.newHttpClient();
        ArrReader reader = new ArrReader(new HttpRadarrClient(http, Duration.ofSeconds(5)), new HttpSonarrClient(http, Duration.ofSeconds(5)));
        WatchedReport watched = scenario.watched();
        return CleanupPlanner.plan(watched, reader.read(scenario.instances(), watched),
                scenario.records.exclusions().exclusionReasons(java.time.ZoneOffset.UTC), scenario.actions, CleanupScenario.NOW);
    }

    /** Deleting entries as "radarr/{id}@{file}" (a movie with its file) and "sonarr/seasonN". */
    private static Set<String> targets(CleanupPlan plan) {
        Set<String> targets = new HashSet<>();
        for (PlanEntry entry : plan.entries()) {
            if (entry.action().equals(PlanEntry.DELETE_MOVIE)) {
                targets.add("radarr/" + entry.arrId() + "@" + entry.movieFileId());
            } else if (entry.action().equals(PlanEntry.DELETE_EPISODE_FILES)) {
                targets.add("sonarr/" + entry.title().replace("Show season ", "season"));
            }
        }
        return targets;
    }
}
