package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.EpisodeCommand.AddPlays;
import app.pathary.history.EpisodeCommand.DeleteDate;
import app.pathary.history.EpisodeCommand.DeleteEpisode;
import app.pathary.history.EpisodeCommand.MergeDate;
import app.pathary.history.EpisodeCommand.SetDate;
import app.pathary.history.HistoryChange.Kind;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import app.pathary.show.ShowRepository;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class EpisodeHistoryTest {
    private static final LocalDate JAN_3 = LocalDate.of(2026, 1, 3);
    private static final NewShow EXPANSE = new NewShow(new ShowIds(280619, 63639, "tt3230854"), "The Expanse", 2015);
    private static final EpisodeRef S02E03 = new EpisodeRef.CreateIfMissing(EXPANSE, new NewEpisode(2, 3, null, "Static"));
    private Database database;
    private EpisodeHistory history;
    private EpisodeHistoryQueries queries;
    private final List<EpisodeChange> told = new ArrayList<>();
    private long alice;
    private long bob;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneId.of("UTC"));
        history = new EpisodeHistory(database.writes(), new ShowRepository(clock), new WatchDateWindow(clock, ZoneId.of("Europe/Berlin")), clock);
        history.addListener(told::addAll);
        queries = new EpisodeHistoryQueries(database.reads());
        var accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        alice = accounts.create("alice@example.org", "password1", "alice", true).id();
        bob = accounts.create("bob@example.org", "password1", "bob", false).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<EpisodeWatchDate> datesOf(long user) {
        return queries.page(user, HistoryFilter.none(), 1, 50, HistoryQueries.SortOrder.DESC).entries();
    }

    private record Entry(LocalDate date, int plays, String comment, String source) {
    }

    private List<Entry> entries(long user) {
        return datesOf(user).stream().map(d -> new Entry(d.watchedAt(), d.plays(), d.comment(), d.source())).toList();
    }

    @Test
    void adding_plays_to_a_date_adds_to_its_count_and_keeps_the_source_of_its_first_write(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(S02E03, JAN_3, 1, "first"), Source.WEBHOOK);
        history.apply(alice, new AddPlays(S02E03, JAN_3, 2, null), Source.PAGE);
        assertThat(entries(alice)).containsExactly(new Entry(JAN_3, 3, "first", "webhook"));
        EpisodeWatchDate stored = datesOf(alice).getFirst();
        assertThat(stored.show().title()).isEqualTo("The Expanse");
        assertThat(stored.episode().code()).isEqualTo("S02E03");
        assertThat(stored.episode().title()).isEqualTo("Static");
    }

    @Test
    void each_source_is_stored_so_a_catch_up_or_a_hand_mark_can_be_told_from_a_play(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(S02E03, JAN_3, 1, null), Source.CATCHUP);
        history.apply(alice, new AddPlays(S02E03, JAN_3.plusDays(1), 1, null), Source.MARK);
        history.apply(alice, new MergeDate(S02E03, JAN_3.plusDays(2), 1, null), Source.CSV_IMPORT);
        history.apply(alice, new MergeDate(S02E03, JAN_3.plusDays(3), 1, null), Source.JELLYFIN_IMPORT);
        assertThat(entries(alice)).extracting(Entry::source).containsExactly("jellyfin", "import", "mark", "catchup");
    }

    @Test
    void an_unknown_date_is_one_row_and_deleting_it_leaves_the_others(Dialect dialect) {
        open(dialect);
        history.apply(alice, new AddPlays(S02E03, null, 1, null), Source.API);
        history.apply(alice, new AddPlays(S02E03, null, 1, "again"), Source.API);
        history.apply(alice, new AddPlays(S02E03, JAN_3, 1, null), Source.API);
        assertThat(entries(alice)).containsExactly(new Entry(JAN_3, 1, null, "api"), new Entry(null, 2, "again", "api"));
        history.apply(alice, new DeleteDate(S02E03, null), Source.API);
        assertThat(entries(alice)).containsExactly(new Entry(JAN_3, 1, null, "api"));
    }

    @Test
    void set_replaces_plays_and_comment_and_merge_never_lowers_them(Dialect dialect) {
        open(dialect);
        history.apply(alice, new SetDate(S02E03, JAN_3, 4, "four"), Source.PAGE);
        history.apply(alice, new SetDate(S02E03, JAN_3, 2, null), Source.PAGE);
        assertThat(entries(alice)).containsExactly(new Entry(JAN_3, 2, null, "page"));
        told.clear();
        history.apply(alice, new MergeDate(S02E03, JAN_3, 1, "from a file"), Source.CSV_IMPORT);
        history.apply(alice, new MergeDate(S02E03, JAN_3, 1, "again"), Source.CSV_IMPORT);
        assertThat(entries(alice)).containsExactly(new Entry(JAN_3, 2, "from a file", "page"));
        assertThat(told).hasSize(1);
    }

    @Test
    void dates_outside_the_window_are_refused_naming_the_field(Dialect dialect) {
        open(dialect);
        assertThatThrownBy(() -> history.apply(alice, new AddPlays(S02E03, LocalDate.of(1887, 12, 31), 1, null), Source.API))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("watchedAt");
        // tomorrow in TIMEZONE is the latest date accepted
        history.apply(alice, new AddPlays(S02E03, LocalDate.of(2026, 3, 2), 1, null), Source.API);
        assertThatThrownBy(() -> history.apply(alice, new AddPlays(S02E03, LocalDate.of(2026, 3, 3), 1, null), Source.API))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("watchedAt");
        assertThat(entries(alice)).hasSize(1);
    }

    @Test
    void a_batch_is_all_or_nothing(Dialect dialect) {
        open(dialect);
        assertThatThrownBy(() -> history.apply(alice, List.of(new AddPlays(S02E03, JAN_3, 1, null),
                new AddPlays(new EpisodeRef.ById(999_999), JAN_3, 1, null)), Source.API))
                .isInstanceOf(NotFoundException.class);
        assertThat(entries(alice)).isEmpty();
    }

    @Test
    void deleting_an_episode_removes_only_that_users_dates_and_tells_the_listeners(Dialect dialect) {
        open(dialect);
        history.apply(alice, List.of(new AddPlays(S02E03, JAN_3, 1, null), new AddPlays(S02E03, null, 1, null)), Source.API);
        history.apply(bob, new AddPlays(S02E03, JAN_3, 1, null), Source.API);
        told.clear();
        history.apply(alice, new DeleteEpisode(S02E03), Source.API);
        assertThat(entries(alice)).isEmpty();
        assertThat(entries(bob)).hasSize(1);
        assertThat(told).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(Kind.ALL_REMOVED);
            assertThat(change.userId()).isEqualTo(alice);
            assertThat(change.show().tvdbId()).isEqualTo(280619);
        });
    }

    @Test
    void the_search_matches_the_shows_title_and_seasons_show_progress(Dialect dialect) {
        open(dialect);
        NewShow severance = new NewShow(new ShowIds(371980, null, null), "Severance", 2022);
        history.apply(alice, List.of(new AddPlays(S02E03, JAN_3, 2, null),
                new AddPlays(new EpisodeRef.CreateIfMissing(EXPANSE, new NewEpisode(2, 4, null, null)), JAN_3, 1, null),
                new AddPlays(new EpisodeRef.CreateIfMissing(severance, new NewEpisode(1, 1, null, null)), JAN_3, 1, null)),
                Source.API);
        // bob knows an episode alice has not seen: it counts as known for her too
        history.apply(bob, new AddPlays(new EpisodeRef.CreateIfMissing(EXPANSE, new NewEpisode(2, 5, null, null)), JAN_3, 1, null),
                Source.API);
        var found = queries.page(alice, HistoryFilter.title("expanse"), 1, 50, HistoryQueries.SortOrder.DESC);
        assertThat(found.total()).isEqualTo(2);
        long showId = found.entries().getFirst().show().id();
        assertThat(queries.seasons(alice, showId)).containsExactly(new SeasonProgress(2, 2, 3, 3));
        assertThat(queries.seasons(bob, showId)).containsExactly(new SeasonProgress(2, 1, 3, 1));
        assertThat(queries.datesOfShow(alice, showId)).extracting(d -> d.episode().number()).containsExactly(3, 4);
    }
}
