package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestDatabases;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * A real deadlock on PostgreSQL: the server rolls one transaction back as its victim, and a write transaction that
 * was that victim runs again instead of failing (a webhook play must not be lost to another replica's transaction).
 */
class RetriedOnAbortTest {
    @Test
    void the_victim_of_a_deadlock_runs_again_and_both_transactions_land() throws Exception {
        try (Database database = TestDatabases.migrated(Dialect.POSTGRESQL)) {
            database.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE deadlock_pair (id INT PRIMARY KEY, touched_by TEXT)");
                h.execute("INSERT INTO deadlock_pair VALUES (1, NULL), (2, NULL)");
            });
            CountDownLatch otherHoldsTwo = new CountDownLatch(1);
            CountDownLatch oursWaitsForTwo = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();

            // the other transaction: row 2, then (once ours waits for row 2) row 1
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> database.jdbi().useTransaction(h -> {
                touch(h, 2, "other");
                otherHoldsTwo.countDown();
                await(oursWaitsForTwo);
                sleepMillis(300); // ours is now blocked on row 2 and has waited longest: the server picks it as the victim
                touch(h, 1, "other");
            }));

            String result = database.writes().inTransaction(h -> {
                int run = runs.incrementAndGet();
                touch(h, 1, "ours");
                if (run == 1) {
                    await(otherHoldsTwo);
                    oursWaitsForTwo.countDown();
                }
                touch(h, 2, "ours");
                return "done in run " + run;
            });
            other.get(30, TimeUnit.SECONDS);

            assertThat(runs.get()).as("ours was the deadlock's victim and ran again").isEqualTo(2);
            assertThat(result).isEqualTo("done in run 2");
            java.util.List<String> touched = database.jdbi().withHandle(h -> h.createQuery("SELECT touched_by FROM deadlock_pair ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(touched).as("ours committed last, after the other").containsExactly("ours", "ours");
        }
    }

    @Test
    void only_a_server_abort_is_retried() {
        assertThat(RetriedOnAbort.abortedByServer(new RuntimeException(new java.sql.SQLException("deadlock", "40P01")))).isTrue();
        assertThat(RetriedOnAbort.abortedByServer(new RuntimeException(new java.sql.SQLException("serialization", "40001")))).isTrue();
        assertThat(RetriedOnAbort.abortedByServer(new RuntimeException(new java.sql.SQLException("unique", "23505")))).isFalse();
        assertThat(RetriedOnAbort.abortedByServer(new IllegalStateException("a bug"))).isFalse();
    }

    private static void touch(Handle h, int id, String who) {
        h.createUpdate("UPDATE deadlock_pair SET touched_by = :who WHERE id = :id").bind("who", who).bind("id", id).execute();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
