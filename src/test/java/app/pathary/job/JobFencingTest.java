package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestDatabases;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A claim is fenced by its owner token: once a silent worker's job was queued again and claimed by another, the
 * silent worker's heartbeat, progress, result and failure change nothing, and the new run's result stands.
 */
@BothDialects
class JobFencingTest {
    private static final Duration STALE = JobTimings.defaults().stale();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger repositoryLog = (Logger) LoggerFactory.getLogger(JobRepository.class);
    private Database database;
    private JobRepository jobs;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        jobs = new JobRepository(database.jdbi(), dialect, clock);
        log.start();
        repositoryLog.addAppender(log);
    }

    @AfterEach
    void close() {
        repositoryLog.detachAppender(log);
        database.close();
    }

    private Job job(long id) {
        return jobs.find(id).orElseThrow();
    }

    @Test
    void a_stale_worker_s_late_writes_change_nothing_and_the_new_claim_s_result_stands(Dialect dialect) {
        open(dialect);
        long id = jobs.enqueue(new JobSpec.WatchedReport());
        Job a = jobs.claim("instance-a").orElseThrow();
        assertThat(jobs.progress(a, 1, 4)).isTrue();
        clock.advance(STALE.plusSeconds(1));
        assertThat(jobs.requeueStale(STALE)).isEqualTo(1);
        Job b = jobs.claim("instance-b").orElseThrow();
        assertThat(b.id()).isEqualTo(id);
        assertThat(b.owner()).isNotNull().isNotEqualTo(a.owner());

        assertThat(jobs.heartbeat(a)).as("A learns that it lost the job").isFalse();
        assertThat(jobs.progress(a, 3, 4)).isFalse();
        assertThat(jobs.succeed(a, "A's late result")).isFalse();
        assertThat(jobs.failOrRetry(a, "A's late failure", false)).isEqualTo(Job.Status.RUNNING);
        assertThat(jobs.failOrRetry(a, "A's late final failure", true)).isEqualTo(Job.Status.RUNNING);
        assertThat(jobs.release(a)).isFalse();
        Job during = job(id);
        assertThat(during.status()).isEqualTo(Job.Status.RUNNING);
        assertThat(during.owner()).isEqualTo(b.owner());
        assertThat(during.attempts()).isEqualTo(2);
        assertThat(during.progressDone()).as("A's progress after losing the job is dropped").isEqualTo(1);
        assertThat(during.summary()).isNull();
        assertThat(during.lastError()).contains("stopped");

        assertThat(jobs.heartbeat(b)).isTrue();
        assertThat(jobs.progress(b, 2, 2)).isTrue();
        assertThat(jobs.succeed(b, "B's result")).isTrue();
        assertThat(jobs.succeed(a, "A's even later result")).isFalse();
        assertThat(jobs.failOrRetry(a, "A's even later failure", false)).isEqualTo(Job.Status.DONE);

        Job end = job(id);
        assertThat(end.status()).isEqualTo(Job.Status.DONE);
        assertThat(end.summary()).isEqualTo("B's result");
        assertThat(end.lastError()).isNull();
        assertThat(end.progressDone()).isEqualTo(2);
        assertThat(end.owner()).isNull();
        assertThat(end.attempts()).isEqualTo(2);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(5).allMatch(message -> message.startsWith("Job " + id + " (watched_report) attempt 1: ")
                        && message.contains("is dropped"));
    }

    @Test
    void a_worker_whose_heartbeat_finds_its_job_taken_interrupts_the_handler_and_writes_no_result(Dialect dialect) throws Exception {
        open(dialect);
        JobRepository realTime = new JobRepository(database.jdbi(), dialect, Clock.systemUTC());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        JobHandler<JobSpec> stuck = (spec, context) -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
                return "A finished after all";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        };
        var timings = new JobTimings(Duration.ofMillis(50), Duration.ofHours(1), Duration.ofMillis(20), Duration.ofSeconds(5));
        long id = realTime.enqueue(new JobSpec.WatchedReport());
        Job b;
        try (JobWorkers instanceA = new JobWorkers(realTime, stuck, "instance-a", 1, timings)) {
            instanceA.start();
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            var instanceB = new JobRepository(database.jdbi(), dialect, Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
            assertThat(instanceB.requeueStale(STALE)).as("B sees A's job silent for two hours").isEqualTo(1);
            b = instanceB.claim("instance-b").orElseThrow();
            assertThat(interrupted.await(30, TimeUnit.SECONDS)).as("A's heartbeat stops A's handler").isTrue();
        }
        Job during = job(id);
        assertThat(during.status()).isEqualTo(Job.Status.RUNNING);
        assertThat(during.owner()).isEqualTo(b.owner());
        assertThat(during.summary()).isNull();
        assertThat(during.lastError()).as("A's interrupted handler did not record a failure").contains("stopped; queued again");
        assertThat(realTime.succeed(b, "B's result")).isTrue();
        assertThat(job(id).summary()).isEqualTo("B's result");
    }
}
