package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the planner over generated libraries, users, plays and favourites. */
class WatchedPlannerPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final List<String> USERS = List.of("alice", "bob", "carol");

    /** A user's state of an item: played days ago (or not, or without a date), and favourite. */
    record State(boolean played, Integer daysAgo, boolean favourite) {
    }

    record Library(int movies, int seasons, int episodesPerSeason, Map<String, List<State>> states, Set<String> favouriteSeasons, int grace) {
    }

    @Provide
    Arbitrary<Library> libraries() {
        Arbitrary<State> state = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(-1, 30),
                Arbitraries.integers().between(0, 9)).as((played, days, fav) -> new State(played, days < 0 ? null : days, fav == 0));
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 4), state.list().ofSize(40), state.list().ofSize(40), state.list().ofSize(40),
                Arbitraries.integers().between(0, 2).set().ofMaxSize(3), Arbitraries.integers().between(0, 10))
                .as((movies, seasons, perSeason, a, b, c, favSeasons, grace) -> new Library(movies, seasons, perSeason,
                        Map.of("alice", a, "bob", b, "carol", c),
                        favSeasons.stream().map(n -> "season-" + n).collect(Collectors.toSet()), grace));
    }

    private static LibrarySnapshot snapshot(Library library) {
        LibrarySnapshot snapshot = new LibrarySnapshot(Instant.parse("2026-03-01T00:00:00Z"), USERS);
        snapshot.addSeries(new Series("series-1", "Show", "/tv/Show", 1, 2));
        List<MediaItem> items = new ArrayList<>();
        for (int m = 0; m < library.movies(); m++) {
            items.add(new MediaItem("movie-" + m, MediaItem.Kind.MOVIE, "Movie " + m, "/m/" + m + ".mkv", 100 + m, null,
                    Instant.parse("2024-01-01T00:00:00Z"), null, null, null, null, null, null));
        }
        for (int s = 0; s < library.seasons(); s++) {
            for (int e = 1; e <= library.episodesPerSeason(); e++) {
                items.add(new MediaItem("ep-" + s + "-" + e, MediaItem.Kind.EPISODE, "Episode", "/tv/Show/S" + s + "/" + e + ".mkv",
                        null, null, Instant.parse("2024-01-01T00:00:00Z"), "series-1", "Show", "season-" + s, s, e, null));
            }
        }
        for (int i = 0; i < items.size(); i++) {
            MediaItem item = items.get(i);
            snapshot.addItem(item);
            for (String user : USERS) {
                State state = library.states().get(user).get(i % 40);
                Instant last = state.daysAgo() == null ? null : TODAY.minusDays(state.daysAgo()).atStartOfDay(ZoneId.of("UTC")).toInstant();
                snapshot.setPlay(user, item.id(), new UserPlay(state.played(), state.played() ? last : null, state.favourite()));
            }
        }
        library.favouriteSeasons().forEach(season -> snapshot.addFavoriteFolder("bob", season));
        snapshot.finish();
        return snapshot;
    }

    private static WatchedReport plan(Library library, Strategy strategy) {
        WatchPolicy policy = new WatchPolicy(strategy, USERS, "alice", library.grace(), library.grace(), true, ZoneId.of("UTC"));
        return WatchedVerdicts.plan(snapshot(library), policy, TODAY, Instant.now());
    }

    private static List<ReportEntry> flat(WatchedReport report) {
        List<ReportEntry> all = new ArrayList<>(report.entries());
        report.entries().forEach(e -> all.addAll(e.episodes()));
        return all;
    }

    @Property(tries = 300)
    void a_favourite_is_never_eligible(@ForAll("libraries") Library library, @ForAll Strategy strategy) {
        LibrarySnapshot snapshot = snapshot(library);
        for (ReportEntry entry : plan(library, strategy).entries()) {
            List<String> ids = entry.kind().equals("season") ? entry.episodes().stream().map(ReportEntry::jellyfinId).toList()
                    : List.of(entry.jellyfinId());
            boolean favourite = ids.stream().anyMatch(id -> USERS.stream().anyMatch(u -> snapshot.play(u, id).favorite()))
                    || (entry.kind().equals("season") && library.favouriteSeasons().contains(entry.jellyfinId()));
            if (favourite) {
                assertThat(entry.verdict()).as(entry.name()).isNotEqualTo(Verdict.ELIGIBLE);
            }
        }
    }

    @Property(tries = 300)
    void all_never_makes_eligible_what_any_does_not(@ForAll("libraries") Library library) {
        Set<String> eligibleWithAny = flat(plan(library, Strategy.ANY)).stream()
                .filter(e -> e.verdict() == Verdict.ELIGIBLE).map(ReportEntry::jellyfinId).collect(Collectors.toCollection(HashSet::new));
        List<ReportEntry> eligibleWithAll = flat(plan(library, Strategy.ALL)).stream().filter(e -> e.verdict() == Verdict.ELIGIBLE).toList();
        assertThat(eligibleWithAll).allSatisfy(e -> assertThat(eligibleWithAny).as(e.name()).contains(e.jellyfinId()));
    }

    @Property(tries = 300)
    void whatever_is_eligible_had_its_grace_and_nothing_doubtful_is(@ForAll("libraries") Library library, @ForAll Strategy strategy) {
        Map<String, ReportEntry> byId = flat(plan(library, strategy)).stream()
                .collect(Collectors.toMap(ReportEntry::jellyfinId, Function.identity(), (a, b) -> a));
        for (ReportEntry entry : byId.values()) {
            if (entry.verdict() == Verdict.ELIGIBLE) {
                assertThat(entry.eligibleOn()).isNotNull().isBeforeOrEqualTo(TODAY);
                assertThat(entry.lastPlayed().plusDays(library.grace())).isBeforeOrEqualTo(TODAY);
                assertThat(entry.episodes()).allSatisfy(e -> assertThat(e.verdict()).isEqualTo(Verdict.ELIGIBLE));
            }
            assertThat(entry.reasons()).isNotEmpty();
        }
    }
}
