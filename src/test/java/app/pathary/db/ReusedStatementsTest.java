package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestDatabases;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQLite's connections prepare each SQL text once per connection (not per handle), and never share a statement that is still in use. */
class ReusedStatementsTest {
    private static final String INSERT = "INSERT INTO notes (n, text) VALUES (:n, :text)";
    private Database database;

    @BeforeEach
    void open() {
        database = TestDatabases.migrated(Dialect.SQLITE);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (n INTEGER PRIMARY KEY, text TEXT)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void the_same_sql_twice_in_a_handle_runs_on_one_prepared_statement_with_fresh_parameters() {
        List<PreparedStatement> used = new ArrayList<>();
        StatementCustomizer seen = new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        };
        database.jdbi().useTransaction(h -> {
            h.createUpdate(INSERT).bind("n", 1).bind("text", "one").addCustomizer(seen).execute();
            h.createUpdate(INSERT).bind("n", 2).bindNull("text", java.sql.Types.VARCHAR).addCustomizer(seen).execute();
        });
        assertThat(used.get(1)).isSameAs(used.get(0));
        List<String> texts = database.reads().withHandle(h -> h.createQuery("SELECT coalesce(text, 'null') FROM notes ORDER BY n")
                .mapTo(String.class).list());
        assertThat(texts).containsExactly("one", "null");
    }

    @Test
    void a_query_still_being_read_keeps_its_statement_and_the_same_sql_gets_another() {
        database.jdbi().useHandle(h -> {
            h.execute("INSERT INTO notes (n, text) VALUES (1, 'a'), (2, 'b')");
            String select = "SELECT text FROM notes WHERE n >= :from ORDER BY n";
            try (ResultIterator<String> outer = h.createQuery(select).bind("from", 1).mapTo(String.class).iterator()) {
                assertThat(outer.next()).isEqualTo("a");
                List<String> inner = h.createQuery(select).bind("from", 2).mapTo(String.class).list();
                assertThat(inner).containsExactly("b");
                assertThat(outer.next()).isEqualTo("b");
            }
            List<String> again = h.createQuery(select).bind("from", 1).mapTo(String.class).list();
            assertThat(again).containsExactly("a", "b");
        });
    }

    @Test
    void a_later_transaction_on_the_writer_runs_on_the_statement_an_earlier_one_prepared() {
        List<PreparedStatement> used = new ArrayList<>();
        StatementCustomizer seen = new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        };
        database.jdbi().useTransaction(h -> h.createUpdate(INSERT).bind("n", 1).bind("text", "one").addCustomizer(seen).execute());
        database.writes().inTransaction(h -> h.createUpdate(INSERT).bind("n", 2).bind("text", "two").addCustomizer(seen).execute());
        database.jdbi().useHandle(h -> h.createUpdate(INSERT).bind("n", 3).bindNull("text", java.sql.Types.VARCHAR).addCustomizer(seen).execute());

        assertThat(used).hasSize(3);
        assertThat(used.get(1)).as("a lone delivery no longer prepares its statements anew").isSameAs(used.get(0));
        assertThat(used.get(2)).isSameAs(used.get(0));
        List<String> texts = database.reads().withHandle(h -> h.createQuery("SELECT coalesce(text, 'null') FROM notes ORDER BY n")
                .mapTo(String.class).list());
        assertThat(texts).containsExactly("one", "two", "null");
    }

    @Test
    void a_statement_kept_between_transactions_holds_no_read_snapshot() {
        assertThat(count(database.jdbi(), "SELECT count(*) FROM notes")).isZero();
        database.jdbi().useHandle(h -> h.execute("INSERT INTO notes (n, text) VALUES (1, 'a')"));
        assertThat(count(database.jdbi(), "SELECT count(*) FROM notes")).as("the kept SELECT sees the row written after it first ran").isEqualTo(1);
        assertThat(count(database.reads(), "SELECT count(*) FROM notes")).isEqualTo(1);
        Integer framesLeft = database.jdbi().withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> rs.getInt(2) - rs.getInt(3)).one());
        assertThat(framesLeft).as("no kept statement holds back a checkpoint").isZero();
    }

    @Test
    void the_readers_keep_their_statements_too_and_always_see_the_latest_commit() {
        List<PreparedStatement> used = new ArrayList<>();
        StatementCustomizer seen = new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        };
        for (int n = 1; n <= 20; n++) {
            int row = n;
            database.writes().inTransaction(h -> h.createUpdate(INSERT).bind("n", row).bind("text", "t" + row).execute());
            Integer seenCount = database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM notes WHERE n <= :n")
                    .bind("n", row).addCustomizer(seen).mapTo(Integer.class).one());
            assertThat(seenCount).as("read after commit %d", row).isEqualTo(row);
        }
        assertThat(new java.util.HashSet<>(used).size()).as("one statement per reader connection at most, not one per read")
                .isLessThanOrEqualTo(4).isLessThan(used.size());
        Integer framesLeft = database.jdbi().withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> rs.getInt(2) - rs.getInt(3)).one());
        assertThat(framesLeft).as("no reader's kept statement holds back a checkpoint").isZero();
    }

    private static int count(org.jdbi.v3.core.Jdbi jdbi, String sql) {
        Integer value = jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        return value;
    }
}
