package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.movie.MovieRepository;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paging through a history reads every watch date exactly once, in order (date, then the order they were added),
 * with and without a title search, on both databases. The expected order is worked out here from what was added.
 */
@BothDialects
class HistoryPagingTest {
    private static final String[] TITLES = {"The River", "Night Train", "Up the RIVER", "Heat", "Riverside Blues"};
    private static final Set<Integer> UNKNOWN_DATES = Set.of(2, 3, 9);
    private Database database;
    private HistoryQueries queries;
    private final List<Added> added = new ArrayList<>();
    private long alice;

    /** A watch date as added, in the order added. */
    private record Added(String title, LocalDate date, int order) {
    }

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        var history = new WatchHistory(database.writes(), new MovieRepository(clock), clock);
        queries = new HistoryQueries(database.reads());
        var accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        alice = accounts.create("alice@example.org", "password1", "alice", false).id();
        long bob = accounts.create("bob@example.org", "password1", "bob", false).id();
        for (int i = 0; i < 40; i++) {
            int movie = i % TITLES.length;
            // three movies have an unknown date, and three movies share each day, so ties are ordered by id
            LocalDate date = UNKNOWN_DATES.contains(i) ? null : LocalDate.of(2024, 1, 1).plusDays(i / 3);
            var ref = new MovieRef.CreateIfMissing(new NewMovie(1000 + movie, null, TITLES[movie], 2000, null));
            history.apply(alice, new HistoryCommand.AddPlays(ref, date, 1, null), Source.API);
            added.add(new Added(TITLES[movie], date, i));
            history.apply(bob, new HistoryCommand.AddPlays(ref, LocalDate.of(2019, 1, 1).plusDays(i), 1, null), Source.API);
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void every_page_together_is_the_whole_history_newest_first_with_unknown_dates_last(Dialect dialect) {
        open(dialect);
        assertThat(readAllPages(null, SortOrder.DESC)).containsExactlyElementsOf(expected(null, SortOrder.DESC));
        assertThat(readAllPages(null, SortOrder.ASC)).containsExactlyElementsOf(expected(null, SortOrder.ASC));
    }

    @Test
    void a_title_search_pages_through_the_matching_movies_only_ignoring_case(Dialect dialect) {
        open(dialect);
        List<String> rivers = readAllPages("river", SortOrder.DESC);

        assertThat(rivers).containsExactlyElementsOf(expected("river", SortOrder.DESC)).hasSize(24);
        assertThat(queries.page(alice, "river", 1, 7, SortOrder.DESC).total()).isEqualTo(24);
        assertThat(queries.page(alice, "no such title", 1, 7, SortOrder.DESC).entries()).isEmpty();
    }

    @Test
    void a_page_past_the_end_is_empty_and_still_tells_the_last_page(Dialect dialect) {
        open(dialect);
        HistoryPage beyond = queries.page(alice, null, 99, 7, SortOrder.DESC);

        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.maxPage()).isEqualTo(6);
        assertThat(beyond.total()).isEqualTo(40);
    }

    /** Reads pages of 7 until the last one and describes each entry as "title date". */
    private List<String> readAllPages(String search, SortOrder order) {
        List<String> all = new ArrayList<>();
        HistoryPage page;
        int number = 1;
        do {
            page = queries.page(alice, search, number++, 7, order);
            page.entries().forEach(e -> all.add(e.movie().title() + " " + e.watchedAt()));
        } while (page.currentPage() < page.maxPage());
        return all;
    }

    private List<String> expected(String search, SortOrder order) {
        Comparator<Added> byDate = Comparator.comparing(Added::date, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Added> ascending = byDate.thenComparingInt(Added::order);
        return added.stream()
                .filter(a -> search == null || a.title().toLowerCase(Locale.ROOT).contains(search))
                .sorted(order == SortOrder.ASC ? ascending : ascending.reversed())
                .map(a -> a.title() + " " + a.date())
                .toList();
    }
}
