package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.movie.MovieRepository;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class HistoryCsvTest {
    private static final String FILE = """
            tmdbId,imdbId,title,year,watchedAt,plays,comment
            603,tt0133093,The Matrix,1999,2026-01-03,2,"red pill, blue pill"
            603,,The Matrix,1999,,1,
            949,,Heat,1995,2025-12-24,1,"multi
            line ""quoted"" comment"
            """;
    private Database database;
    private HistoryCsv csv;
    private HistoryQueries queries;
    private long userId;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        Clock clock = Clock.systemUTC();
        queries = new HistoryQueries(database.reads());
        csv = new HistoryCsv(new WatchHistory(database.writes(), new MovieRepository(clock), clock), queries);
        userId = database.jdbi().withHandle(h -> h.createQuery(
                "INSERT INTO users (name, email, password_hash, is_admin, created_at) VALUES ('a', 'a@b.c', 'x', false, 0) RETURNING id")
                .mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void an_import_exports_back_to_the_same_rows_and_importing_twice_changes_nothing(Dialect dialect) {
        open(dialect);
        assertThat(csv.importFrom(userId, new StringReader(FILE), Source.CSV_IMPORT)).isEqualTo(new HistoryCsv.ImportResult(3, 3));
        assertThat(csv.importFrom(userId, new StringReader(FILE), Source.CSV_IMPORT)).isEqualTo(new HistoryCsv.ImportResult(3, 0));
        StringWriter out = new StringWriter();
        assertThat(csv.export(userId, out)).isEqualTo(3);
        assertThat(out.toString().replace("\r\n", "\n")).isEqualTo("""
                tmdbId,imdbId,title,year,watchedAt,plays,comment
                603,tt0133093,The Matrix,1999,,1,
                949,,Heat,1995,2025-12-24,1,"multi
                line ""quoted"" comment"
                603,tt0133093,The Matrix,1999,2026-01-03,2,"red pill, blue pill"
                """);
    }

    @Test
    void a_bad_row_is_reported_by_line_and_nothing_is_imported(Dialect dialect) {
        open(dialect);
        String bad = FILE + "550,,Fight Club,1999,1999-15-10,1,\n";
        assertThatThrownBy(() -> csv.importFrom(userId, new StringReader(bad), Source.CSV_IMPORT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Line 5: watchedAt must be a date")
                .hasMessageEndingWith("Nothing from the file was imported.");
        assertThat(queries.page(userId, null, 1, 10, HistoryQueries.SortOrder.DESC).total()).isZero();
        assertThatThrownBy(() -> csv.importFrom(userId, new StringReader("id,name\n1,x\n"), Source.CSV_IMPORT))
                .hasMessageStartingWith("The first line must be the header");
        assertThatThrownBy(() -> csv.importFrom(userId, new StringReader("tmdbId,title,watchedAt\n12,,\n"), Source.CSV_IMPORT))
                .hasMessageContaining("No movie with TMDb id 12");
    }
}
