package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Kind;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand.AddPlays;
import app.pathary.history.HistoryCommand.DeleteDate;
import app.pathary.history.HistoryCommand.DeleteMovie;
import app.pathary.history.HistoryCommand.MergeDate;
import app.pathary.history.HistoryCommand.SetDate;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class WatchHistoryTest {
    private static final LocalDate JAN_3 = LocalDate.of(2026, 1, 3);
    private static final MovieRef MATRIX = new MovieRef.CreateIfMissing(new NewMovie(603, "tt0133093", "The Matrix", 1999, null));
    private Database database;
    private WatchHistory history;
    private HistoryQueries queries;
    private final List<HistoryChange> told = new ArrayList<>();
    private long alice;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        history = new WatchHistory(database.writes(), new MovieRepository(clock), clock);
        history.addListener(told::addAll);
        queries = new HistoryQueries(database.reads());
        var accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        alice = accounts.create("alice@example.org", "password1", "alice", true).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<PlayedMovie.DateEntry> datesOfMatrix() {
        long movieId = queries.page(alice, null, 1, 10, HistoryQueries.SortOrder.DESC).entries().getFirst().movie().id();
        return queries.datesOf(alice, movieId);
    }

    @Test
    void adding_plays_to_an_existing_date_adds_to_its_play_count(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 1, "first"), Source.API);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 2, null), Source.API);
        assertThat(datesOfMatrix()).containsExactly(new PlayedMovie.DateEntry(JAN_3, 3, "first"));
    }

    @Test
    void an_unknown_date_is_one_row_too(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, null, 1, null), Source.API);
        history.apply(alice, new AddPlays(MATRIX, null, 1, "again"), Source.API);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 1, null), Source.API);
        assertThat(datesOfMatrix()).containsExactly(
                new PlayedMovie.DateEntry(JAN_3, 1, null), new PlayedMovie.DateEntry(null, 2, "again"));
        history.apply(alice, new DeleteDate(new MovieRef.ByTmdbId(603), null), Source.API);
        assertThat(datesOfMatrix()).containsExactly(new PlayedMovie.DateEntry(JAN_3, 1, null));
    }

    @Test
    void setting_a_date_replaces_plays_and_comment(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 4, "old"), Source.API);
        history.apply(alice, new SetDate(new MovieRef.ByTmdbId(603), JAN_3, 1, null), Source.API);
        assertThat(datesOfMatrix()).containsExactly(new PlayedMovie.DateEntry(JAN_3, 1, null));
    }

    @Test
    void deleting_all_dates_of_a_movie_leaves_other_movies(Dialect dialect) {
        open(dialect);
        var heat = new MovieRef.CreateIfMissing(new NewMovie(949, null, "Heat", 1995, null));
        history.apply(alice, List.of(new AddPlays(MATRIX, JAN_3, 1, null), new AddPlays(MATRIX, JAN_3.plusDays(1), 1, null),
                new AddPlays(heat, JAN_3, 1, null)), Source.API);
        history.apply(alice, new DeleteMovie(new MovieRef.ByTmdbId(603)), Source.API);
        var page = queries.page(alice, null, 1, 10, HistoryQueries.SortOrder.DESC);
        assertThat(page.entries()).extracting(e -> e.movie().title()).containsExactly("Heat");
    }

    @Test
    void a_batch_with_one_bad_command_writes_nothing(Dialect dialect) {
        open(dialect);
        assertThatThrownBy(() -> history.apply(alice, List.of(new AddPlays(MATRIX, JAN_3, 1, null),
                new AddPlays(new MovieRef.ByTmdbId(424242), JAN_3, 1, null)), Source.API))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("424242");
        assertThat(queries.page(alice, null, 1, 10, HistoryQueries.SortOrder.DESC).total()).isZero();
        assertThat(told).isEmpty();
    }

    @Test
    void listeners_hear_each_committed_change_with_its_source(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 1, null), Source.WEBHOOK);
        history.apply(alice, new DeleteDate(new MovieRef.ByTmdbId(603), JAN_3.minusDays(9)), Source.PAGE);
        history.apply(alice, new DeleteDate(new MovieRef.ByTmdbId(603), JAN_3), Source.PAGE);
        assertThat(told).extracting(HistoryChange::kind, HistoryChange::date, HistoryChange::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ADDED, JAN_3, Source.WEBHOOK),
                org.assertj.core.groups.Tuple.tuple(Kind.REMOVED, JAN_3, Source.PAGE));
    }

    @Test
    void merging_the_same_dates_twice_changes_nothing_the_second_time(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 3, null), Source.API);
        List<MergeDate> merge = List.of(new MergeDate(MATRIX, JAN_3, 2, "imported"), new MergeDate(MATRIX, JAN_3.plusDays(1), 1, null));
        assertThat(history.apply(alice, merge, Source.CSV_IMPORT)).hasSize(2);
        assertThat(history.apply(alice, merge, Source.CSV_IMPORT)).isEmpty();
        assertThat(datesOfMatrix()).containsExactly(
                new PlayedMovie.DateEntry(JAN_3.plusDays(1), 1, null), new PlayedMovie.DateEntry(JAN_3, 3, "imported"));
    }

    @Test
    void a_merge_raises_the_play_count_but_never_replaces_a_comment_or_lowers_plays(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(MATRIX, JAN_3, 2, "mine"), Source.API);
        assertThat(history.apply(alice, new MergeDate(MATRIX, JAN_3, 5, "imported"), Source.CSV_IMPORT)).hasSize(1);
        assertThat(history.apply(alice, new MergeDate(MATRIX, JAN_3, 1, "imported again"), Source.CSV_IMPORT)).isEmpty();
        assertThat(datesOfMatrix()).containsExactly(new PlayedMovie.DateEntry(JAN_3, 5, "mine"));
        assertThat(history.apply(alice, new MergeDate(MATRIX, null, 2, null), Source.CSV_IMPORT)).hasSize(1);
        assertThat(history.apply(alice, new MergeDate(MATRIX, null, 2, "undated"), Source.CSV_IMPORT)).as("fills the empty comment")
                .hasSize(1);
        assertThat(datesOfMatrix()).containsExactly(new PlayedMovie.DateEntry(JAN_3, 5, "mine"), new PlayedMovie.DateEntry(null, 2, "undated"));
    }

    @Test
    void history_is_paged_newest_first_with_unknown_dates_last_and_searchable(Dialect dialect) {
        open(dialect);
        List<AddPlays> adds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            adds.add(new AddPlays(MATRIX, JAN_3.plusDays(i), 1, null));
        }
        adds.add(new AddPlays(MATRIX, null, 1, null));
        adds.add(new AddPlays(new MovieRef.CreateIfMissing(new NewMovie(949, null, "Heat 100%_", 1995, null)), JAN_3, 1, null));
        history.apply(alice, adds, Source.API);
        HistoryPage first = queries.page(alice, null, 1, 10, HistoryQueries.SortOrder.DESC);
        assertThat(first.total()).isEqualTo(27);
        assertThat(first.maxPage()).isEqualTo(3);
        assertThat(first.entries().getFirst().watchedAt()).isEqualTo(JAN_3.plusDays(24));
        HistoryPage last = queries.page(alice, null, 3, 10, HistoryQueries.SortOrder.DESC);
        assertThat(last.entries()).hasSize(7);
        assertThat(last.entries().getLast().watchedAt()).isNull();
        assertThat(queries.page(alice, null, 1, 10, HistoryQueries.SortOrder.ASC).entries().getFirst().watchedAt()).isNull();
        assertThat(queries.page(alice, "heat 100%", 1, 10, HistoryQueries.SortOrder.DESC).entries())
                .extracting(e -> e.movie().title()).containsExactly("Heat 100%_");
        assertThat(queries.page(alice, "%", 1, 10, HistoryQueries.SortOrder.DESC).total()).isEqualTo(1);
        assertThatThrownBy(() -> queries.page(alice, null, 0, 10, HistoryQueries.SortOrder.DESC)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void played_movies_carry_all_their_dates(Dialect dialect) {
        open(dialect);
        history.apply(alice, List.of(new AddPlays(MATRIX, JAN_3, 2, null), new AddPlays(MATRIX, null, 1, null),
                new AddPlays(new MovieRef.CreateIfMissing(new NewMovie(949, null, "Heat", 1995, null)), JAN_3.minusDays(1), 1, null)), Source.API);
        List<PlayedMovie> played = queries.played(alice, null, 1, 10);
        assertThat(played).extracting(p -> p.movie().title()).containsExactly("The Matrix", "Heat");
        assertThat(played.getFirst().dates()).extracting(PlayedMovie.DateEntry::watchedAt).containsExactly(JAN_3, null);
        assertThat(played.getFirst().totalPlays()).isEqualTo(3);
        assertThat(queries.playedCount(alice)).isEqualTo(2);
    }

    @Test
    void plays_must_be_positive_and_new_movies_need_a_title(Dialect dialect) {
        open(dialect);
        assertThatThrownBy(() -> new AddPlays(MATRIX, JAN_3, 0, null)).hasMessageStartingWith("plays must be");
        assertThatThrownBy(() -> new NewMovie(5, null, " ", null, null)).hasMessageStartingWith("title is needed");
        assertThatThrownBy(() -> new NewMovie(5, "nm123", "X", null, null)).hasMessageContaining("imdbId");
    }
}
