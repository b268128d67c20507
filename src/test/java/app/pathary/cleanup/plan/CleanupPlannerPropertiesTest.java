package app.pathary.cleanup.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.radarr.MovieFile;
import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.cleanup.apply.CleanupScenario;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the cleanup planner over generated libraries of two Radarr instances. */
class CleanupPlannerPropertiesTest {

    /** One generated movie: what Jellyfin says and what the two instances hold. */
    record Case(Verdict verdict, boolean excluded, boolean keepTag, boolean inMain, boolean in4k, boolean samePath, boolean nested, int tmdb) {
    }

    @Provide
    Arbitrary<List<Case>> libraries() {
        Arbitrary<Case> one = Combinators.combine(Arbitraries.of(Verdict.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 30))
                .as((v, ex, tag, main, uhd, same, nested, tmdb) -> new Case(v, ex, tag, main, uhd, same, nested == 0, tmdb));
        return one.list().ofMinSize(1).ofMaxSize(25);
    }

    private static ArrInstanceConfig config(String name) {
        return new ArrInstanceConfig(null, ArrKind.RADARR, name, URI.create("http://" + name), "key",
                PathMapping.parse("/media/movies:/movies", "map"), "keep", "test");
    }

    @Property(tries = 500)
    void nothing_protected_ambiguous_or_unmatched_is_ever_deleted(@ForAll("libraries") List<Case> cases) {
        List<RadarrMovie> main = new ArrayList<>();
        List<RadarrMovie> uhd = new ArrayList<>();
        List<ReportEntry> report = new ArrayList<>();
        Set<String> excluded = new HashSet<>();
        Map<String, Case> byId = new HashMap<>();
        Map<Integer, Integer> copies = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String folder = c.nested() && i > 0 ? "/movies/m" + (i - 1) + "/extra" + i : "/movies/m" + i;
            String arrFile = c.samePath() ? folder + "/f.mkv" : "/elsewhere/m" + i + "/f.mkv";
            if (c.inMain()) {
                main.add(new RadarrMovie(i + 1, "M" + i, 2000, c.tmdb(), null, folder, true, c.keepTag() ? List.of(7) : List.of(),
                        new MovieFile(100 + i, arrFile, 10), 10));
                copies.merge(c.tmdb(), 1, Integer::sum);
            }
            if (c.in4k()) {
                uhd.add(new RadarrMovie(i + 1, "M" + i, 2000, c.tmdb(), null, "/uhd/m" + i, true, List.of(),
                        new MovieFile(500 + i, "/uhd/m" + i + "/f.mkv", 40), 40));
                copies.merge(c.tmdb(), 1, Integer::sum);
            }
            String id = "jf" + i;
            report.add(CleanupScenario.movie(id, "M" + i, "/media" + folder + "/f.mkv", c.tmdb(), c.verdict()));
            if (c.excluded()) {
                excluded.add(id);
            }
            byId.put(id, c);
        }
        ArrSnapshot arr = new ArrSnapshot(List.of(new ArrSnapshot.RadarrView(config("main"), main, Set.of(7)),
                new ArrSnapshot.RadarrView(config("uhd"), uhd, Set.of())), List.of(), List.of());
        CleanupPlan plan = CleanupPlanner.plan(new WatchedReport(Instant.now(), LocalDate.of(2026, 3, 1), "p", report), arr, excluded,
                new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, false, true), Instant.now());
        for (PlanEntry entry : plan.withAction(PlanEntry.DELETE_MOVIE)) {
            Case c = byId.get(entry.jellyfinIds().getFirst());
            assertThat(c.verdict()).as("only eligible items").isEqualTo(Verdict.ELIGIBLE);
            assertThat(c.excluded()).as("never an excluded item").isFalse();
            List<RadarrMovie> library = entry.instance().equals("main") ? main : uhd;
            RadarrMovie deleted = library.stream().filter(m -> m.id() == entry.arrId()).findFirst().orElseThrow();
            assertThat(deleted.tags()).as("never a movie tagged keep").doesNotContain(7);
            if (!c.samePath() || entry.instance().equals("uhd")) {
                assertThat(copies.get(c.tmdb())).as("an id match only when one movie has the id").isEqualTo(1);
            }
            assertThat(entry.reasons()).isNotEmpty();
        }
        assertThat(plan.entries()).allSatisfy(e -> assertThat(e.reasons()).isNotEmpty());
        assertThat(plan.entries().stream().flatMap(e -> e.jellyfinIds().stream()).toList())
                .as("every Jellyfin item is in exactly one entry").containsExactlyInAnyOrderElementsOf(byId.keySet());
    }
}
