package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * V8 on a database written before every entry point checked dates: each watch date outside 1888-01-01 … tomorrow
 * becomes the movie's "date unknown" entry, its plays kept and its date named in the comment; the original rows are
 * kept in watch_date_repairs; good dates are untouched.
 */
@BothDialects
class WatchDateRepairMigrationTest {
    private final Dialect dialect;

    WatchDateRepairMigrationTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private String date(String iso) {
        return dialect == Dialect.SQLITE ? "'" + iso + "'" : "DATE '" + iso + "'";
    }

    @Test
    void unusable_dates_become_date_unknown_with_their_plays_and_a_note_and_good_dates_stay() {
        DatabaseSettings settings = TestDatabases.fresh(dialect);
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user().orElse(null), settings.password().orElse(null))
                .locations("classpath:" + dialect.migrationFolder()).target("7").load().migrate();
        try (Database database = Database.open(settings)) {
            database.jdbi().useHandle(h -> {
                h.execute("INSERT INTO users (id, name, email, password_hash, created_at) VALUES (1, 'alice', 'a@b.c', 'x', 0)");
                for (int movie = 1; movie <= 4; movie++) {
                    h.execute("INSERT INTO movies (id, tmdb_id, title, created_at, updated_at) VALUES (" + movie + ", " + (600 + movie)
                            + ", 'Movie " + movie + "', 0, 0)");
                }
                String far = dialect == Dialect.SQLITE ? "'+10000-01-01'" : "DATE '10000-01-01'";
                String negative = dialect == Dialect.SQLITE ? "'-0001-01-01'" : "DATE '0002-01-01 BC'";
                insert(h, 1, far, 2, "far future");
                insert(h, 1, date("2026-01-03"), 1, null);
                insert(h, 2, negative, 1, null);
                insert(h, 2, "NULL", 3, "unknown before");
                insert(h, 3, date("1887-12-31"), 1, null);
                insert(h, 3, far, 4, null);
                insert(h, 4, date("1888-01-01"), 5, null);
                if (dialect == Dialect.SQLITE) {
                    insert(h, 4, "'garbage'", 1, null);
                }
            });
            database.migrate();
            HistoryQueries queries = new HistoryQueries(database.reads());
            Map<Long, List<PlayedMovie.DateEntry>> byMovie = Map.of(1L, queries.datesOf(1, 1), 2L, queries.datesOf(1, 2),
                    3L, queries.datesOf(1, 3), 4L, queries.datesOf(1, 4));

            assertThat(byMovie.get(1L)).extracting(PlayedMovie.DateEntry::watchedAt).containsExactly(java.time.LocalDate.of(2026, 1, 3), null);
            assertThat(byMovie.get(1L).get(1).plays()).isEqualTo(2);
            assertThat(byMovie.get(1L).get(1).comment()).contains("10000-01-01").contains("far future");

            assertThat(byMovie.get(2L)).as("joined to the existing unknown date").hasSize(1);
            assertThat(byMovie.get(2L).getFirst().plays()).isEqualTo(4);
            assertThat(byMovie.get(2L).getFirst().comment()).startsWith("unknown before\n").contains("Moved here from the unusable date(s)");

            assertThat(byMovie.get(3L)).as("two unusable dates of one movie make one unknown date").hasSize(1);
            assertThat(byMovie.get(3L).getFirst().watchedAt()).isNull();
            assertThat(byMovie.get(3L).getFirst().plays()).isEqualTo(5);
            assertThat(byMovie.get(3L).getFirst().comment()).contains("1887-12-31").contains("10000-01-01");

            assertThat(byMovie.get(4L).getFirst().watchedAt()).as("1888-01-01 is inside").isEqualTo(java.time.LocalDate.of(1888, 1, 1));
            assertThat(byMovie.get(4L).stream().mapToInt(PlayedMovie.DateEntry::plays).sum()).isEqualTo(dialect == Dialect.SQLITE ? 6 : 5);

            long kept = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM watch_date_repairs").mapTo(Long.class).one());
            assertThat(kept).isEqualTo(dialect == Dialect.SQLITE ? 5 : 4);
        }
    }

    private static void insert(Handle h, long movie, String date, int plays, String comment) {
        h.createUpdate("INSERT INTO watch_dates (user_id, movie_id, watched_at, plays, comment, created_at, updated_at)"
                        + " VALUES (1, :m, " + date + ", :p, :c, 0, 0)")
                .bind("m", movie).bind("p", plays).bind("c", comment).execute();
    }
}
