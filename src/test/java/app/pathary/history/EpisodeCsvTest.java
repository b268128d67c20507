package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.movie.MovieRepository;
import app.pathary.show.ShowRepository;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class EpisodeCsvTest {
    private static final String HEADER = "tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment\n";
    /** Oldest first, unknown dates first: the order the export writes. */
    private static final String FILE = HEADER
            + "280619,63639,tt3230854,The Expanse,2015,1,1,2,Dulcinea,,1,\n"
            + "280619,63639,tt3230854,The Expanse,2015,2,3,,Static,2025-11-02,2,\"with Carol, \"\"again\"\"\"\n"
            + ",95396,,Severance,2022,1,1,,,2025-11-02,1,\n"
            + "280619,63639,tt3230854,The Expanse,2015,0,1,,,2025-12-24,1,special\n";
    private Database database;
    private EpisodeCsv csv;
    private CsvImport imports;
    private long alice;
    private long bob;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        var window = new WatchDateWindow(clock, clock.getZone());
        EpisodeHistory history = new EpisodeHistory(database.writes(), new ShowRepository(clock), window, clock);
        csv = new EpisodeCsv(history, new EpisodeHistoryQueries(database.reads()));
        var movies = new HistoryCsv(new WatchHistory(database.writes(), new MovieRepository(clock), window, clock),
                new HistoryQueries(database.reads()));
        imports = new CsvImport(movies, csv);
        var accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        alice = accounts.create("alice@example.org", "password1", "alice", true).id();
        bob = accounts.create("bob@example.org", "password1", "bob", false).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String export(long user) {
        StringWriter out = new StringWriter();
        csv.export(user, out);
        return out.toString().replace("\r\n", "\n");
    }

    @Test
    void a_pathary_episodes_file_imported_then_exported_is_the_same_file(Dialect dialect) {
        open(dialect);
        CsvImport.Result result = imports.importFrom(alice, new StringReader(FILE), Source.CSV_IMPORT);
        assertThat(result).isEqualTo(new CsvImport.Result("episodes", 4, 4));
        assertThat(export(alice)).isEqualTo(FILE);
        // the same file again changes nothing
        assertThat(imports.importFrom(alice, new StringReader(FILE), Source.CSV_IMPORT).datesAddedOrChanged()).isZero();
        // and another user's import of the export is the same file too
        imports.importFrom(bob, new StringReader(export(alice)), Source.CSV_IMPORT);
        assertThat(export(bob)).isEqualTo(FILE);
    }

    @Test
    void one_users_file_never_changes_the_show_others_see(Dialect dialect) {
        open(dialect);
        imports.importFrom(alice, new StringReader(FILE), Source.CSV_IMPORT);
        imports.importFrom(bob, new StringReader(HEADER + "280619,,,My Expanse,1999,2,3,,My title,2025-11-05,1,\n"), Source.CSV_IMPORT);
        assertThat(export(alice)).isEqualTo(FILE);
        assertThat(export(bob)).contains("280619,63639,tt3230854,The Expanse,2015,2,3,,Static,2025-11-05,1,");
    }

    @Test
    void a_bad_line_refuses_the_whole_file_naming_the_line(Dialect dialect) {
        open(dialect);
        String bad = HEADER + "280619,,,The Expanse,2015,1,1,,,2025-11-02,1,\n" + "280619,,,The Expanse,2015,one,2,,,2025-11-02,1,\n";
        assertThatThrownBy(() -> imports.importFrom(alice, new StringReader(bad), Source.CSV_IMPORT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 3: season must be a whole number, not 'one'.");
        String noIds = HEADER + ",,,Nameless,2015,1,1,,,2025-11-02,1,\n";
        assertThatThrownBy(() -> imports.importFrom(alice, new StringReader(noIds), Source.CSV_IMPORT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Line 2: give the show's tvdbId, tmdbId or imdbId.");
        String unknownShow = HEADER + "999,,,,,1,1,,,2025-11-02,1,\n";
        assertThatThrownBy(() -> imports.importFrom(alice, new StringReader(unknownShow), Source.CSV_IMPORT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No show with TVDb 999");
        assertThat(export(alice)).isEqualTo(HEADER);
    }

    @Test
    void a_movies_file_still_imports_as_movies(Dialect dialect) {
        open(dialect);
        CsvImport.Result result = imports.importFrom(alice, new StringReader("tmdbId,imdbId,title,year,watchedAt,plays,comment\n"
                + "603,tt0133093,The Matrix,1999,2026-01-03,2,\n"), Source.CSV_IMPORT);
        assertThat(result).isEqualTo(new CsvImport.Result("movies", 1, 1));
        assertThat(export(alice)).isEqualTo(HEADER);
    }
}
