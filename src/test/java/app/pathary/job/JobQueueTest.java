package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class JobQueueTest {
    private static final Duration STALE = JobTimings.defaults().stale();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private Database database;
    private JobRepository jobs;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        jobs = new JobRepository(database.jdbi(), dialect, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Job job(long id) {
        return jobs.find(id).orElseThrow();
    }

    @Test
    void a_failing_job_is_retried_with_growing_waits_until_its_attempts_run_out(Dialect dialect) {
        open(dialect);
        long id = jobs.enqueue(NewJob.of("t", null, "{}", null).withMaxAttempts(3));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job claimed = jobs.claim("w").orElseThrow();
            assertThat(claimed.attempts()).isEqualTo(attempt);
            Job.Status next = jobs.failOrRetry(claimed, "boom " + attempt, false);
            if (attempt < 3) {
                assertThat(next).isEqualTo(Job.Status.WAITING);
                assertThat(jobs.claim("w")).as("not before its backoff").isEmpty();
                assertThat(job(id).nextRunAt()).isEqualTo(clock.instant().plus(Backoff.after(attempt)));
                clock.advance(Backoff.after(attempt));
            } else {
                assertThat(next).isEqualTo(Job.Status.FAILED);
            }
        }
        assertThat(job(id).status()).isEqualTo(Job.Status.FAILED);
        assertThat(job(id).lastError()).isEqualTo("boom 3");
        assertThat(job(id).finishedAt()).isNotNull();
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(30)).isEqualTo(Backoff.MAX);
    }

    @Test
    void a_final_failure_is_not_retried(Dialect dialect) {
        open(dialect);
        long id = jobs.enqueue(NewJob.of("t", null, "{}", null));
        assertThat(jobs.failOrRetry(jobs.claim("w").orElseThrow(), "login revoked", true)).isEqualTo(Job.Status.FAILED);
        assertThat(job(id).attempts()).isEqualTo(1);
    }

    @Test
    void a_key_is_queued_once_while_waiting_and_never_runs_twice_at_once(Dialect dialect) {
        open(dialect);
        long first = jobs.enqueue(NewJob.of("sync", null, "{}", "sync:1:5"));
        assertThat(jobs.enqueue(NewJob.of("sync", null, "{}", "sync:1:5"))).isEqualTo(first);
        Job running = jobs.claim("w").orElseThrow();
        long second = jobs.enqueue(NewJob.of("sync", null, "{}", "sync:1:5"));
        assertThat(second).as("a change after the job started must still be synced").isNotEqualTo(first);
        assertThat(jobs.claim("w2")).as("the key is running").isEmpty();
        jobs.succeed(running, "ok");
        assertThat(jobs.claim("w2")).map(Job::id).contains(second);
    }

    @Test
    void a_job_whose_worker_died_is_queued_again(Dialect dialect) {
        open(dialect);
        long id = jobs.enqueue(NewJob.of("t", null, "{}", null));
        jobs.claim("dead-worker").orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertThat(jobs.requeueStale(STALE)).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(jobs.requeueStale(STALE)).isEqualTo(1);
        assertThat(job(id).status()).isEqualTo(Job.Status.WAITING);
        assertThat(job(id).lastError()).contains("stopped");
        assertThat(jobs.claim("new-worker").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void a_beating_worker_keeps_its_job(Dialect dialect) {
        open(dialect);
        long id = jobs.enqueue(NewJob.of("t", null, "{}", null));
        Job alive = jobs.claim("alive").orElseThrow();
        clock.advance(Duration.ofSeconds(50));
        jobs.heartbeat(alive);
        clock.advance(Duration.ofSeconds(50));
        assertThat(jobs.requeueStale(STALE)).isZero();
        assertThat(job(id).status()).isEqualTo(Job.Status.RUNNING);
    }

    @Test
    void workers_racing_for_jobs_never_claim_the_same_one(Dialect dialect) throws Exception {
        open(dialect);
        for (int i = 0; i < 200; i++) {
            jobs.enqueue(NewJob.of("t", null, "{}", null));
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> racers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String worker = "w" + w;
                racers.add(pool.submit(() -> {
                    for (var job = jobs.claim(worker); job.isPresent(); job = jobs.claim(worker)) {
                        claimed.add(job.get().id());
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get();
            }
        }
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void the_worker_pool_runs_jobs_retries_failures_and_records_summaries_and_progress(Dialect dialect) throws Exception {
        open(dialect);
        AtomicInteger calls = new AtomicInteger();
        JobHandler<JobSpec> flaky = (spec, context) -> {
            context.progress(1, 2);
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("Jellyfin answered 502");
            }
            context.progress(2, 2);
            return "imported 2";
        };
        JobRepository realTime = new JobRepository(database.jdbi(), dialect, java.time.Clock.systemUTC());
        long id = realTime.enqueue(NewJob.of(new JobSpec.WatchedReport()).withMaxAttempts(2));
        long unknown = realTime.enqueue(NewJob.of("nobody-handles-this", null, "{}", null));
        try (JobWorkers workers = new JobWorkers(realTime, flaky, "test", 2, JobTimings.defaults().withPoll(Duration.ofMillis(50)))) {
            workers.start();
            Job first = await(realTime, id, job -> job.status() == Job.Status.WAITING && job.attempts() == 1);
            assertThat(first.lastError()).isEqualTo("Jellyfin answered 502");
            database.jdbi().useHandle(h -> h.createUpdate("UPDATE jobs SET next_run_at = 0 WHERE id = :id").bind("id", id).execute());
            Job done = await(realTime, id, Job::finished);
            assertThat(done.status()).isEqualTo(Job.Status.DONE);
            assertThat(done.summary()).isEqualTo("imported 2");
            assertThat(done.progressDone()).isEqualTo(2);
            assertThat(done.percent()).isEqualTo(100);
            assertThat(await(realTime, unknown, Job::finished).lastError()).contains("No handler");
        }
    }

    private static Job await(JobRepository jobs, long id, java.util.function.Predicate<Job> condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Job job = jobs.find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " never got there: " + jobs.find(id).orElseThrow());
    }
}
