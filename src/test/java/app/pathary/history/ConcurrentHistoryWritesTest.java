package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand.AddPlays;
import app.pathary.history.HistoryCommand.MergeDate;
import app.pathary.history.HistoryCommand.SetDate;
import app.pathary.movie.MovieRepository;
import app.pathary.movie.NewMovie;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight writers of the same new movie and date at once: no write is lost and none fails. Each writer waits at a start
 * barrier so that all of them look for the movie and the date before any has committed (on PostgreSQL each has its
 * own connection; on SQLite they queue for the one writer).
 */
class ConcurrentHistoryWritesTest {
    private static final int WRITERS = 8;
    private static final LocalDate JAN_3 = LocalDate.of(2026, 1, 3);
    private static final MovieRef DUNE = new MovieRef.CreateIfMissing(new NewMovie(438631, "tt1160419", "Dune", 2021, null));
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    private Database database;
    private WatchHistory history;
    private long alice;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        history = new WatchHistory(database.writes(), new MovieRepository(clock), clock);
        var accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        alice = accounts.create("alice@example.org", "password1", "alice", false).id();
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        database.close();
    }

    /** Runs {@code WRITERS} writers released together by a barrier; returns what each returned (rethrowing failures). */
    private <T> List<T> atOnce(IntFunction<Callable<T>> writer) throws Exception {
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<T>> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Callable<T> work = writer.apply(i);
            running.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> each : running) {
            results.add(each.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private int movieRows() {
        return database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM movies WHERE tmdb_id = 438631")
                .mapTo(Integer.class).one());
    }

    private List<PlayedMovie.DateEntry> datesOfDune() {
        long movieId = database.reads().withHandle(h -> h.createQuery("SELECT id FROM movies WHERE tmdb_id = 438631")
                .mapTo(Long.class).one());
        return new HistoryQueries(database.reads()).datesOf(alice, movieId);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eight_first_plays_of_a_new_movie_at_once_make_one_movie_and_one_date_with_eight_plays(Dialect dialect) throws Exception {
        open(dialect);
        List<List<HistoryChange>> changes = atOnce(i -> () -> history.apply(alice, new AddPlays(DUNE, JAN_3, 1, null), Source.WEBHOOK));
        assertThat(changes).allSatisfy(made -> assertThat(made).singleElement()
                .satisfies(change -> assertThat(change.movie().tmdbId()).isEqualTo(438631)));
        assertThat(changes).extracting(made -> made.getFirst().movie().id()).as("every writer got the same movie").containsOnly(
                changes.getFirst().getFirst().movie().id());
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).containsExactly(new PlayedMovie.DateEntry(JAN_3, WRITERS, null));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eight_first_plays_with_an_unknown_date_at_once_make_one_undated_row(Dialect dialect) throws Exception {
        open(dialect);
        atOnce(i -> () -> history.apply(alice, new AddPlays(DUNE, null, 1, i == 3 ? "from the cinema" : null), Source.API));
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).containsExactly(new PlayedMovie.DateEntry(null, WRITERS, "from the cinema"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eight_sets_of_the_same_new_date_at_once_leave_one_date_holding_one_of_the_values(Dialect dialect) throws Exception {
        open(dialect);
        atOnce(i -> () -> history.apply(alice, new SetDate(DUNE, JAN_3, i + 1, "set " + (i + 1)), Source.PAGE));
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).singleElement().satisfies(date -> {
            assertThat(date.watchedAt()).isEqualTo(JAN_3);
            assertThat(date.comment()).as("plays and comment come from the same writer").isEqualTo("set " + date.plays());
        });
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eight_merges_at_once_keep_the_largest_play_count_and_fill_the_empty_comment(Dialect dialect) throws Exception {
        open(dialect);
        List<List<HistoryChange>> changes = atOnce(i -> () -> history.apply(alice,
                new MergeDate(DUNE, JAN_3, i + 1, i == 2 ? "imported" : null), Source.CSV_IMPORT));
        assertThat(changes).as("the first merge creates the date").anySatisfy(made -> assertThat(made).hasSize(1));
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).containsExactly(new PlayedMovie.DateEntry(JAN_3, WRITERS, "imported"));
    }

    /**
     * On PostgreSQL the eight transactions are all open before any of them looks for the movie and the date (they meet
     * at a barrier inside the transaction), so every one of them finds neither, and must still not fail or lose a play.
     */
    @Test
    void eight_open_postgresql_transactions_that_all_find_no_movie_still_add_eight_plays_to_one_date() throws Exception {
        open(Dialect.POSTGRESQL);
        addAtOnceFromOpenTransactions();
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).containsExactly(new PlayedMovie.DateEntry(JAN_3, WRITERS, null));
    }

    /** As above with a movie Pathary knows: all eight then race for the new date alone. */
    @Test
    void eight_open_postgresql_transactions_that_all_find_no_date_still_add_eight_plays_to_one_date() throws Exception {
        open(Dialect.POSTGRESQL);
        history.apply(alice, new AddPlays(DUNE, JAN_3.minusDays(1), 1, null), Source.API);
        addAtOnceFromOpenTransactions();
        assertThat(movieRows()).isEqualTo(1);
        assertThat(datesOfDune()).containsExactly(new PlayedMovie.DateEntry(JAN_3, WRITERS, null),
                new PlayedMovie.DateEntry(JAN_3.minusDays(1), 1, null));
    }

    private void addAtOnceFromOpenTransactions() throws Exception {
        CyclicBarrier allOpen = new CyclicBarrier(WRITERS);
        atOnce(i -> () -> history.applyIf(alice, List.of(new AddPlays(DUNE, JAN_3, 1, null)), Source.WEBHOOK, h -> {
            await(allOpen);
            return true;
        }));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the writers did not all open their transactions", e);
        }
    }
}
