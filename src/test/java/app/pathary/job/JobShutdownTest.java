package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the workers, runs in the foreground, and rows that cannot be read: no job is lost or run twice. */
@BothDialects
class JobShutdownTest {
    private Database database;
    private JobRepository jobs;

    private void open(Dialect dialect, Clock clock) {
        database = TestDatabases.migrated(dialect);
        jobs = new JobRepository(database.jdbi(), dialect, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static JobTimings drainingFor(Duration drain) {
        return new JobTimings(Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMillis(20), drain);
    }

    @Test
    void a_job_still_running_when_the_drain_ends_is_interrupted_and_waits_again_without_using_up_an_attempt(Dialect dialect)
            throws Exception {
        open(dialect, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        long id = jobs.enqueue(new JobSpec.CleanupPlan());
        JobWorkers workers = new JobWorkers(jobs, (spec, context) -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
                return "finished";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }, "stopping", 1, drainingFor(Duration.ofMillis(200)));
        workers.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        workers.close();

        assertThat(interrupted.getCount()).as("the handler was interrupted").isZero();
        Job job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(Job.Status.WAITING);
        assertThat(job.owner()).isNull();
        assertThat(job.attempts()).as("a stop is not a failed attempt").isZero();
        assertThat(job.nextRunAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(job.lastError()).contains("Pathary stopped while this job ran");
        assertThat(jobs.claim("next-start")).map(Job::id).contains(id);
    }

    @Test
    void a_job_that_finishes_during_the_drain_ends_done_and_no_new_job_is_claimed(Dialect dialect) throws Exception {
        open(dialect, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        long id = jobs.enqueue(new JobSpec.CleanupPlan());
        long next = jobs.enqueue(new JobSpec.WatchedReport());
        JobWorkers workers = new JobWorkers(jobs, (spec, context) -> {
            started.countDown();
            mayFinish.await();
            return "planned";
        }, "stopping", 1, drainingFor(Duration.ofMinutes(5)));
        workers.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Thread closing = Thread.ofPlatform().start(workers::close);
        await(closing::getState, state -> state == Thread.State.TIMED_WAITING);
        mayFinish.countDown();
        closing.join();

        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(Job.Status.DONE);
        assertThat(jobs.find(id).orElseThrow().summary()).isEqualTo("planned");
        assertThat(jobs.find(next).orElseThrow().status()).as("not claimed once stopping began").isEqualTo(Job.Status.WAITING);
    }

    @Test
    void a_run_in_the_foreground_beats_its_heartbeat_so_no_instance_takes_it_for_dead(Dialect dialect) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        open(dialect, clock);
        JobQueue queue = new JobQueue(jobs, Duration.ofMillis(20));
        Duration stale = JobTimings.defaults().stale();
        Job done = queue.runInForeground(new JobSpec.CleanupPlan(), (spec, context) -> {
            long id = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE status = 'running'").mapTo(Long.class).one());
            clock.advance(stale.dividedBy(2));
            await(() -> heartbeatOf(id), beat -> beat == clock.millis());
            clock.advance(stale.dividedBy(2).plusSeconds(1));
            int requeued = jobs.requeueStale(stale);
            return "requeued by another instance: " + requeued;
        }, JobContext.NONE, "cli");

        assertThat(done.status()).isEqualTo(Job.Status.DONE);
        assertThat(done.summary()).isEqualTo("requeued by another instance: 0");
    }

    @Test
    void a_row_whose_params_cannot_be_read_fails_for_good_with_a_sentence_and_the_worker_goes_on(Dialect dialect) throws Exception {
        open(dialect, Clock.systemUTC());
        long unreadable = jobs.enqueue(NewJob.of(JobSpec.JellyfinSync.TYPE, null, "{\"movieId\":\"the matrix\"}", null));
        long fine = jobs.enqueue(new JobSpec.WatchedReport());
        try (JobWorkers workers = new JobWorkers(jobs, (spec, context) -> "ran " + spec, "w", 1, drainingFor(Duration.ofSeconds(5)))) {
            workers.start();
            await(() -> jobs.find(fine).orElseThrow(), Job::finished);
        }
        Job failed = jobs.find(unreadable).orElseThrow();
        assertThat(failed.status()).isEqualTo(Job.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).startsWith("The parameters of this jellyfin_sync job cannot be read, so it cannot run");
        assertThat(jobs.find(fine).orElseThrow().summary()).isEqualTo("ran WatchedReport[]");
    }

    private long heartbeatOf(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT heartbeat_at FROM jobs WHERE id = :id").bind("id", id)
                .mapTo(Long.class).one());
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            T value = read.get();
            if (condition.test(value)) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never got there: " + read.get());
    }
}
