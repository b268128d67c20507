package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/**
 * A statement run straight on JDBC inside a JDBI transaction binds its parameters in order (nulls too, and a NUL in
 * text stored as U+FFFD as JDBI's binding does), reports the
 * rows it changed, commits or rolls back with the transaction, and fails as a JDBI statement does.
 */
@BothDialects
class PlainStatementsTest {
    private static final String INSERT = "INSERT INTO notes (n, big, text) VALUES (?, ?, ?) ON CONFLICT (n) DO NOTHING";

    @Test
    void binds_in_order_reports_the_changed_rows_and_runs_the_same_sql_again_with_fresh_parameters(Dialect dialect) {
        try (Database database = notes(dialect)) {
            List<Integer> changed = database.writes().inTransaction(h -> List.of(
                    PlainStatements.update(h, INSERT, 1, 5_000_000_000L, "one"),
                    PlainStatements.update(h, INSERT, 2, 2L, null),
                    PlainStatements.update(h, INSERT, 1, 3L, "again"),
                    PlainStatements.update(h, INSERT, 3, 3L, "a\u0000b")));
            assertThat(changed).containsExactly(1, 1, 0, 1);
            List<String> rows = database.reads().withHandle(h -> h.createQuery(
                    "SELECT n || '/' || big || '/' || coalesce(text, 'null') FROM notes ORDER BY n").mapTo(String.class).list());
            assertThat(rows).containsExactly("1/5000000000/one", "2/2/null", "3/3/a\uFFFDb");
        }
    }

    @Test
    void a_failing_transaction_takes_the_plain_statement_back_and_the_failure_carries_the_sql_exception(Dialect dialect) {
        try (Database database = notes(dialect)) {
            assertThatThrownBy(() -> database.writes().inTransaction(h -> {
                PlainStatements.update(h, INSERT, 1, 1L, "kept?");
                return PlainStatements.update(h, "INSERT INTO notes (n, big, text) VALUES (?, ?, ?)", 1, 1L, "twice");
            })).isInstanceOf(UnableToExecuteStatementException.class).hasCauseInstanceOf(SQLException.class);
            int rows = database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM notes").mapTo(Integer.class).one());
            assertThat(rows).isZero();
            // the connection and its kept statements still serve the next transaction
            int then = database.writes().inTransaction(h -> PlainStatements.update(h, INSERT, 1, 1L, "then"));
            assertThat(then).isEqualTo(1);
        }
    }

    @Test
    void a_date_is_stored_as_jdbi_stores_it_and_first_reads_one_row_or_none(Dialect dialect) {
        try (Database database = notes(dialect)) {
            database.jdbi().useHandle(h -> h.execute("CREATE TABLE days (n INTEGER PRIMARY KEY, day DATE)"));
            LocalDate day = LocalDate.of(2026, 2, 28);
            database.writes().inTransaction(h -> PlainStatements.update(h, "INSERT INTO days (n, day) VALUES (?, ?)", 1, day));
            database.writes().inTransaction(h -> h.createUpdate("INSERT INTO days (n, day) VALUES (2, :d)").bind("d", day).execute());
            List<LocalDate> read = database.reads().withHandle(h -> h.createQuery("SELECT day FROM days ORDER BY n")
                    .mapTo(LocalDate.class).list());
            assertThat(read).containsExactly(day, day);
            int matching = database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM days WHERE day = :d")
                    .bind("d", day).mapTo(Integer.class).one());
            assertThat(matching).as("the plain row equals JDBI's row in a comparison").isEqualTo(2);

            Optional<String> found = database.writes().inTransaction(h -> PlainStatements.first(h,
                    "SELECT n, day FROM days WHERE day = ? ORDER BY n", rs -> rs.getInt("n") + "@" + rs.getString("day"), day));
            assertThat(found).hasValueSatisfying(text -> assertThat(text).startsWith("1@2026-02-28"));
            Optional<Integer> none = database.writes().inTransaction(h -> PlainStatements.first(h,
                    "SELECT n FROM days WHERE n = ?", rs -> rs.getInt("n"), 99));
            assertThat(none).isEmpty();
            // the kept statement answers again with its new parameter
            Optional<Integer> again = database.writes().inTransaction(h -> PlainStatements.first(h,
                    "SELECT n FROM days WHERE n = ?", rs -> rs.getInt("n"), 2));
            assertThat(again).contains(2);
        }
    }

    @Test
    void a_value_of_another_type_is_refused_by_name(Dialect dialect) {
        try (Database database = notes(dialect)) {
            assertThatThrownBy(() -> database.writes().inTransaction(h -> PlainStatements.update(h, INSERT, 1, 1L, 2.5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 3");
        }
    }

    private static Database notes(Dialect dialect) {
        Database database = TestDatabases.migrated(dialect);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (n INTEGER PRIMARY KEY, big BIGINT NOT NULL, text TEXT)"));
        return database;
    }
}
