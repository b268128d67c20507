package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.entryFor;
import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReportRepository;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Movies: matching by mapped file path, then TMDb id, failing closed; then protections. */
@BothDialects
class MoviePlanningTest {
    private final CleanupScenario scenario;

    MoviePlanningTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void a_mapped_file_path_matches_and_an_eligible_movie_is_planned_for_deletion() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 8_000_000_000L);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat (1995)/Heat.mkv", 949, Verdict.ELIGIBLE));
        PlanEntry entry = entryFor(scenario.plan(), "Heat");
        assertThat(entry.action()).isEqualTo("delete-movie");
        assertThat(entry.instance()).isEqualTo("radarr");
        assertThat(entry.arrId()).isEqualTo(heat.id());
        assertThat(entry.bytes()).isEqualTo(8_000_000_000L);
        assertThat(entry.jellyfinIds()).containsExactly("jf-heat");
        assertThat(entry.reasons().getFirst()).startsWith("matched by file path to Heat (radarr id ");
        assertThat(entry.reasons()).contains("watched by alice on 2026-02-01");
        assertThat(scenario.plan().bytesByInstance()).containsEntry("radarr", 8_000_000_000L);
    }

    @Test
    void without_a_path_match_the_tmdb_id_decides() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/data/films/Heat").file("/data/films/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        PlanEntry entry = entryFor(scenario.plan(), "Heat");
        assertThat(entry.action()).isEqualTo("delete-movie");
        assertThat(entry.reasons().getFirst()).startsWith("matched by TMDb id 949").contains("Radarr's file is /data/films/Heat/Heat.mkv");
    }

    @Test
    void path_and_id_that_disagree_leave_the_movie_alone() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-x", "Heat?", "/media/movies/Heat/Heat.mkv", 550, Verdict.ELIGIBLE));
        PlanEntry entry = entryFor(scenario.plan(), "Heat?");
        assertThat(entry.action()).isEqualTo("unmatched");
        assertThat(entry.reasons().getFirst()).startsWith("path and id disagree");
    }

    @Test
    void two_instances_claiming_a_movie_leave_it_alone_and_titles_never_match() {
        scenario.with4k = true;
        scenario.radarr.addMovie("Heat", 1995, 949, "/films/Heat").file("/films/Heat/Heat.mkv", 10);
        scenario.radarr4k.addMovie("Heat", 1995, 949, "/films4k/Heat").file("/films4k/Heat/Heat.mkv", 10);
        scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 10);
        scenario.report.add(movie("jf-heat", "Heat", "/media/other/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-alien", "Alien", "/media/other/Alien.mkv", 999, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        assertThat(entryFor(plan, "Heat").action()).isEqualTo("unmatched");
        assertThat(entryFor(plan, "Heat").reasons().getFirst()).contains("radarr id").contains("radarr-4k id");
        assertThat(entryFor(plan, "Alien").action()).as("same title, other id").isEqualTo("unmatched");
        assertThat(entryFor(plan, "Alien").reasons().getFirst()).isEqualTo("no Radarr instance has this file or TMDb id 999");
    }

    @Test
    void the_4k_instance_owns_its_files_by_its_own_mapping() {
        scenario.with4k = true;
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        var uhd = scenario.radarr4k.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.2160p.mkv", 40);
        scenario.report.add(movie("jf-heat4k", "Heat", "/media/movies4k/Heat/Heat.2160p.mkv", 949, Verdict.ELIGIBLE));
        PlanEntry entry = entryFor(scenario.plan(), "Heat");
        assertThat(entry.instance()).isEqualTo("radarr-4k");
        assertThat(entry.arrId()).isEqualTo(uhd.id());
    }

    @Test
    void keep_tags_favourites_exclusions_and_shared_folders_keep_movies() {
        int keep = scenario.radarr.addTag("Keep");
        scenario.radarr.addMovie("Tagged", 2000, 1, "/movies/Tagged").file("/movies/Tagged/t.mkv", 10).tags(keep);
        scenario.radarr.addMovie("Excluded", 2000, 2, "/movies/Excluded").file("/movies/Excluded/e.mkv", 10);
        scenario.radarr.addMovie("Parent", 2000, 3, "/movies/Box").file("/movies/Box/p.mkv", 10);
        scenario.radarr.addMovie("Child", 2000, 4, "/movies/Box/Child").file("/movies/Box/Child/c.mkv", 10);
        scenario.radarr.addMovie("Favourite", 2000, 5, "/movies/Fav").file("/movies/Fav/f.mkv", 10);
        scenario.report.addAll(List.of(movie("1", "Tagged", "/media/movies/Tagged/t.mkv", 1, Verdict.ELIGIBLE),
                movie("2", "Excluded", "/media/movies/Excluded/e.mkv", 2, Verdict.ELIGIBLE),
                movie("3", "Parent", "/media/movies/Box/p.mkv", 3, Verdict.ELIGIBLE),
                movie("5", "Favourite", "/media/movies/Fav/f.mkv", 5, Verdict.KEPT)));
        scenario.excluded.add("2");
        CleanupPlan plan = scenario.plan();
        assertThat(entryFor(plan, "Tagged").action()).isEqualTo("keep");
        assertThat(entryFor(plan, "Tagged").reasons()).contains("tagged keep in radarr");
        assertThat(entryFor(plan, "Excluded").reasons()).containsExactly("excluded from cleanup by an admin");
        assertThat(entryFor(plan, "Parent").action()).isEqualTo("keep");
        assertThat(entryFor(plan, "Parent").reasons().getLast()).contains("also holds Child");
        assertThat(entryFor(plan, "Favourite").action()).isEqualTo("keep");
        assertThat(entryFor(plan, "Favourite").reasons().getFirst()).isEqualTo("kept: not watched by alice");
        assertThat(plan.withAction("delete-movie")).isEmpty();
    }

    @Test
    void a_copy_that_is_excluded_or_not_yet_eligible_keeps_the_radarr_movie_another_copy_would_delete() {
        var heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-managed", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.WAITING));
        scenario.report.add(movie("jf-copy", "Heat (copy)", "/media/other/Heat.mkv", 949, Verdict.ELIGIBLE));
        PlanEntry entry = entryFor(scenario.plan(), "Heat");
        assertThat(scenario.plan().withAction("delete-movie")).isEmpty();
        assertThat(scenario.plan().entries()).filteredOn(e -> e.jellyfinIds().contains("jf-copy")).singleElement()
                .satisfies(e -> assertThat(e.reasons().getLast()).isEqualTo("the same Radarr movie also backs Heat in Jellyfin, which is kept"));
        assertThat(entry.action()).isEqualTo("keep");
        assertThat(heat.id()).isPositive();
    }

    @Test
    void two_eligible_copies_of_one_movie_make_one_deletion() {
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-1", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-2", "Heat again", "/media/other/Heat.mkv", 949, Verdict.ELIGIBLE));
        assertThat(scenario.plan().withAction("delete-movie")).singleElement()
                .satisfies(e -> assertThat(e.jellyfinIds()).containsExactly("jf-1", "jf-2"));
    }

    @Test
    void the_plan_warns_about_a_recycle_bin_and_serves_the_issue_json_shape() throws Exception {
        scenario.radarr.setRecycleBin("/recycle");
        scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 10);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        CleanupPlan plan = scenario.plan();
        assertThat(plan.warnings()).anyMatch(w -> w.contains("recycle bin"));
        var json = WatchedReportRepository.JSON.readTree(CleanupPlans.planJson(plan)).get("entries").get(0);
        assertThat(json.fieldNames()).toIterable().contains("action", "instance", "arrId", "jellyfinIds", "title", "path", "bytes", "reasons");
        assertThat(json.get("action").asText()).isEqualTo("delete-movie");
    }
}
