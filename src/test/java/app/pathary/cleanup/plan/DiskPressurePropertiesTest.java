package app.pathary.cleanup.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.DiskSpace;
import app.pathary.arr.RootFolder;
import app.pathary.arr.radarr.MovieFile;
import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupActions;
import app.pathary.cleanup.instances.PathMapping;
import app.pathary.cleanup.leaving.LeavingPlan;
import app.pathary.config.DiskLimit;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of disk pressure over generated libraries on one disk: what it chooses is always a prefix of the strict order,
 * never an unwatched, protected or (unless allowed) waiting item, and it stops as soon as the target is reached.
 */
class DiskPressurePropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** One generated movie: its verdict, whether a keep tag or an admin protects it, who watched it, when, and its size. */
    record Case(Verdict verdict, boolean excluded, boolean keepTag, boolean byAll, int daysAgo, int size) {
    }

    @Provide
    Arbitrary<List<Case>> libraries() {
        Arbitrary<Case> one = Combinators.combine(Arbitraries.of(Verdict.class), Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false, false), Arbitraries.of(true, false), Arbitraries.integers().between(1, 400),
                Arbitraries.integers().between(1, 2_000))
                .as(Case::new);
        return one.list().ofMinSize(0).ofMaxSize(30);
    }

    @Property(tries = 400)
    void the_chosen_set_is_a_prefix_of_the_order_never_protected_or_unwatched_and_stops_at_the_target(@ForAll("libraries") List<Case> cases,
            @ForAll @IntRange(min = 0, max = 10_000) int free, @ForAll @IntRange(min = 50, max = 99) int threshold,
            @ForAll @IntRange(min = 0, max = 40) int below, @ForAll boolean includeWaiting) {
        List<RadarrMovie> movies = new ArrayList<>();
        List<ReportEntry> report = new ArrayList<>();
        Map<String, String> excluded = new HashMap<>();
        Map<Integer, Case> byArrId = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            movies.add(new RadarrMovie(i + 1, "M" + i, 2000, 1000 + i, null, "/movies/m" + i, true, c.keepTag() ? List.of(7) : List.of(),
                    new MovieFile(100 + i, "/movies/m" + i + "/f.mkv", c.size()), c.size()));
            LocalDate played = TODAY.minusDays(c.daysAgo());
            LocalDate eligibleOn = c.verdict() == Verdict.WAITING ? TODAY.plusDays(3) : played.plusDays(1);
            report.add(new ReportEntry("movie", "jf" + i, "M" + i, null, null, null, null, null, "/media/movies/m" + i + "/f.mkv", 1000 + i, null,
                    c.verdict(), List.of("watched"), played, eligibleOn, List.of(), null, c.byAll()));
            if (c.excluded()) {
                excluded.put("jf" + i, "excluded by an admin");
            }
            byArrId.put(i + 1, c);
        }
        ArrInstanceConfig config = new ArrInstanceConfig(null, ArrKind.RADARR, "radarr", URI.create("http://radarr"), "key",
                PathMapping.parse("/media/movies:/movies", "map"), "keep", "test");
        ArrSnapshot arr = new ArrSnapshot(List.of(new ArrSnapshot.RadarrView(config, movies, Set.of(7), List.of("/movies"))), List.of(), List.of());
        WatchedReport watched = new WatchedReport(NOW, TODAY, "p", report);
        CleanupActions actions = new CleanupActions(CleanupActions.MovieAction.DELETE_MOVIE, false, false, true);
        CleanupPlan scheduled = LeavingPlan.schedule(CleanupPlanner.plan(watched, arr, excluded, actions, NOW), Map.of(), TODAY, 7).plan();
        List<PlanEntry> waiting = CleanupPlanner.plan(DiskPressure.graceShortened(watched), arr, excluded, actions, NOW).entries().stream()
                .filter(PlanEntry::deletes).toList();
        long total = 10_000;
        DiskFigures.Placed placed = DiskFigures.place(List.of(new DiskFigures.Reading("radarr", List.of(new DiskSpace("/movies", free, total)),
                List.of(new RootFolder(1, "/movies", true, (long) free)), null)));
        DiskRules rules = new DiskRules(Optional.of(new DiskLimit(threshold, null)), Optional.of(new DiskLimit(threshold - below, null)),
                includeWaiting, List.of());

        CleanupPlan plan = DiskPressure.apply(scheduled, watched, waiting, placed, rules);

        List<PlanEntry> chosen = plan.entries().stream().filter(e -> e.disk() != null).toList();
        List<DiskPressure.Candidate> order = DiskPressure.order(DiskPressure.candidates(scheduled, watched, includeWaiting ? waiting : List.of()));
        assertThat(chosen.stream().map(PlanEntry::arrId).toList()).as("a prefix of the strict order")
                .isEqualTo(order.stream().limit(chosen.size()).map(c -> c.deletion().arrId()).toList());
        for (PlanEntry entry : chosen) {
            Case c = byArrId.get(entry.arrId());
            assertThat(entry.deletes()).isTrue();
            assertThat(c.verdict()).as("never unwatched or doubtful").isIn(Verdict.ELIGIBLE, Verdict.WAITING);
            assertThat(c.excluded() || c.keepTag()).as("never protected").isFalse();
            if (c.verdict() == Verdict.WAITING) {
                assertThat(includeWaiting).as("items in grace only when allowed").isTrue();
            }
        }
        DiskState disk = plan.disks().getFirst();
        long targetFree = total - total * (threshold - below) / 100;
        boolean over = (total - free) * 100 >= (long) threshold * total;
        long freed = chosen.stream().mapToLong(PlanEntry::bytes).sum();
        if (!over) {
            assertThat(chosen).as("under the threshold nothing extra").isEmpty();
            return;
        }
        assertThat(disk.status()).isEqualTo(DiskState.OVER);
        if (!chosen.isEmpty()) {
            long beforeLast = freed - chosen.getLast().bytes();
            assertThat(free + beforeLast).as("stops as soon as the target is reached").isLessThan(targetFree);
        }
        assertThat(free + freed >= targetFree || chosen.size() == order.size()).as("goes on until the target or the end of the order").isTrue();
    }
}
