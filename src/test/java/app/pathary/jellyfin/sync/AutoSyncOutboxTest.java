package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand.AddPlays;
import app.pathary.history.HistoryQueries;
import app.pathary.history.MovieRef;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.job.Job;
import app.pathary.job.JobQueue;
import app.pathary.job.JobRepository;
import app.pathary.job.JobSpec;
import app.pathary.movie.MovieRepository;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.user.Accounts;
import app.pathary.user.LoginFailures;
import app.pathary.user.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The automatic sync is an outbox: its job row is written in the transaction of the history change, so both commit
 * together or neither does, and the workers are woken only after the commit.
 */
@BothDialects
class AutoSyncOutboxTest {
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private Database database;
    private WatchHistory history;
    private JobRepository jobs;
    private long alice;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        history = new WatchHistory(database.writes(), new MovieRepository(clock), clock);
        jobs = new JobRepository(database.jdbi(), dialect, clock);
        JobQueue queue = new JobQueue(jobs, Duration.ofSeconds(10));
        queue.onEnqueue(wakeUps::incrementAndGet);
        var links = new JellyfinLinkRepository(database.jdbi(), database.reads(), clock);
        history.addTransactionListener(new JellyfinAutoSync(links, new HistoryQueries(database.reads()), queue));
        alice = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock))
                .create("alice@example.org", "password1", "alice", false).id();
        links.setWebhookId(alice, "hook-alice");
        links.setServerUrl(alice, "http://127.0.0.1:9");
        links.saveLogin(alice, "http://127.0.0.1:9", "jf-alice", "alice", "sealed");
        links.setSync(alice, true);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static AddPlays watched(int tmdbId) {
        return new AddPlays(new MovieRef.CreateIfMissing(new NewMovie(tmdbId, null, "Movie " + tmdbId, 1999, null)), MAY_1, 1, null);
    }

    /** The count another connection sees (call it from another thread: JDBI reuses a thread's open handle). */
    private long committed(String table) {
        return database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static long seenThrough(Handle h, String table) {
        return h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one();
    }

    @Test
    void the_sync_job_is_written_in_the_change_s_transaction_and_the_workers_are_woken_after_the_commit(Dialect dialect) {
        open(dialect);
        List<Long> insideTheTransaction = new ArrayList<>();
        history.addTransactionListener((h, changes) -> {
            insideTheTransaction.add(seenThrough(h, "jobs"));
            insideTheTransaction.add(CompletableFuture.supplyAsync(() -> committed("jobs")).join());
            return null;
        });
        long movieId = history.apply(alice, watched(603), Source.PAGE).getFirst().movieId();

        assertThat(insideTheTransaction).as("the job row exists in the transaction, and nowhere else yet").containsExactly(1L, 0L);
        assertThat(committed("jobs")).isEqualTo(1);
        Job job = jobs.list(null, JobSpec.JellyfinSync.TYPE, alice, 5).getFirst();
        assertThat(job.status()).isEqualTo(Job.Status.WAITING);
        assertThat(job.spec()).isEqualTo(new JobSpec.JellyfinSync(alice, movieId));
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void a_change_rolled_back_after_its_job_was_written_leaves_neither_behind(Dialect dialect) {
        open(dialect);
        history.addTransactionListener((h, changes) -> {
            throw new IllegalStateException("the disk is full");
        });
        assertThatThrownBy(() -> history.apply(alice, watched(603), Source.PAGE)).hasMessage("the disk is full");

        assertThat(committed("watch_dates")).isZero();
        assertThat(committed("jobs")).isZero();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void concurrent_changes_sharing_commits_queue_one_job_each_and_none_for_the_one_that_failed(Dialect dialect) throws Exception {
        open(dialect);
        history.addTransactionListener((h, changes) -> {
            if (changes.getFirst().movie().tmdbId() == 13) {
                throw new IllegalStateException("unlucky");
            }
            return null;
        });
        List<Future<?>> changes = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int tmdbId = 1; tmdbId <= 40; tmdbId++) {
                int movie = tmdbId;
                changes.add(senders.submit(() -> history.apply(alice, watched(movie), Source.WEBHOOK)));
            }
        }
        int failed = 0;
        for (Future<?> change : changes) {
            failed += change.state() == Future.State.FAILED ? 1 : 0;
        }
        assertThat(failed).isEqualTo(1);
        assertThat(committed("watch_dates")).isEqualTo(39);
        assertThat(committed("jobs")).isEqualTo(39);
        long keys = database.reads().withHandle(h -> h.createQuery("SELECT count(DISTINCT dedupe_key) FROM jobs").mapTo(Long.class).one());
        assertThat(keys).isEqualTo(39);
    }
}
