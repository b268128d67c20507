package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit on SQLite's single writer: many callers, shared commits, failures that stay with their caller. */
class GroupCommitTest {
    private Database database;
    private GroupCommit commits;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        database = TestDatabases.migrated(Dialect.SQLITE);
        database.jdbi().useHandle(h -> h.execute("CREATE TABLE notes (n INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
        commits = new GroupCommit(database.jdbi());
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        commits.close();
        database.close();
    }

    private int insert(Handle h, int n) {
        return h.createUpdate("INSERT INTO notes (n, text) VALUES (:n, 'note')").bind("n", n).execute();
    }

    private List<Integer> committed() {
        return database.reads().withHandle(h -> h.createQuery("SELECT n FROM notes ORDER BY n").mapTo(Integer.class).list());
    }

    /** Occupies the writer thread until the returned latch is opened, so that what comes next queues up. */
    private CountDownLatch holdWriter() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        callers.submit(() -> commits.inTransaction(h -> {
            running.countDown();
            await(release);
            return insert(h, 0);
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private void awaitQueued(int count) throws InterruptedException {
        for (int i = 0; i < 1000 && commits.waiting() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(commits.waiting()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void every_caller_gets_its_own_result_once_its_transaction_is_committed() throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            int n = i;
            answers.add(callers.submit(() -> {
                int result = commits.inTransaction(h -> insert(h, n) * n);
                boolean visible = database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM notes WHERE n = :n")
                        .bind("n", n).mapTo(Integer.class).one()) == 1;
                return visible ? result : -result;
            }));
        }
        for (int i = 1; i <= 200; i++) {
            assertThat(answers.get(i - 1).get(30, TimeUnit.SECONDS)).as("caller %d", i).isEqualTo(i);
        }
        assertThat(committed()).hasSize(200);
    }

    @Test
    void transactions_that_queue_up_while_one_runs_share_the_next_commit() throws Exception {
        CountDownLatch release = holdWriter();
        List<Future<Handle>> handles = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int n = i;
            handles.add(callers.submit(() -> commits.inTransaction(h -> {
                insert(h, n);
                return h;
            })));
        }
        awaitQueued(10);
        release.countDown();
        List<Handle> used = new ArrayList<>();
        for (Future<Handle> handle : handles) {
            used.add(handle.get(30, TimeUnit.SECONDS));
        }
        assertThat(used).as("one transaction, one handle").allMatch(h -> h == used.getFirst());
        assertThat(committed()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void a_failing_transaction_fails_alone_and_its_batch_mates_still_commit() throws Exception {
        CountDownLatch release = holdWriter();
        Future<Integer> before = callers.submit(() -> commits.inTransaction(h -> insert(h, 1)));
        awaitQueued(1);
        Future<Integer> failing = callers.submit(() -> commits.inTransaction(h -> {
            insert(h, 2);
            throw new IllegalArgumentException("no such movie");
        }));
        awaitQueued(2);
        Future<Integer> after = callers.submit(() -> commits.inTransaction(h -> insert(h, 3)));
        awaitQueued(3);
        release.countDown();
        assertThat(before.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("no such movie");
        assertThat(committed()).containsExactly(0, 1, 3);
    }

    @Test
    void a_transaction_opened_inside_another_joins_it_instead_of_waiting_for_itself() throws Exception {
        Future<Integer> nested = callers.submit(() -> commits.inTransaction(outer -> insert(outer, 1)
                + commits.inTransaction(inner -> insert(inner, 2))));
        assertThat(nested.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(committed()).containsExactly(1, 2);
    }

    @Test
    void after_close_transactions_are_refused() {
        commits.inTransaction(h -> insert(h, 1));
        commits.close();
        assertThatThrownBy(() -> commits.inTransaction(h -> insert(h, 2))).isInstanceOf(IllegalStateException.class);
        assertThat(committed()).containsExactly(1);
    }
}
