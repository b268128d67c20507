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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled jobs with several Pathary instances on one database: each instance looks whether a period is due, and a
 * period is queued once, whoever looks and however often. The instances here are several {@link JobSchedules} over
 * one database and one clock that the test moves.
 */
@BothDialects
class JobSchedulesTest {
    private static final Duration EVERY = Duration.ofHours(6);
    private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");
    private static final JobWorkers.Schedule REPORT = new JobWorkers.Schedule(new JobSpec.WatchedReport(), Duration.ofMinutes(1), EVERY,
            () -> true);
    private final MutableClock clock = new MutableClock(START);
    private final Dialect dialect;
    private Database database;
    private JobRepository jobs;
    private JobSchedules first;
    private JobSchedules second;

    JobSchedulesTest(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void open() {
        database = TestDatabases.migrated(dialect);
        jobs = new JobRepository(database.jdbi(), dialect, clock);
        first = new JobSchedules(jobs);
        second = new JobSchedules(new JobRepository(database.jdbi(), dialect, clock));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<Long> periodsQueued() {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT scheduled_for FROM jobs WHERE dedupe_key = 'watched_report' ORDER BY scheduled_for").mapTo(Long.class).list());
    }

    private void runTheWaitingJob() {
        Job claim = jobs.claim("worker").orElseThrow();
        assertThat(jobs.succeed(claim, "report made")).isTrue();
    }

    @Test
    void a_period_is_queued_once_although_every_instance_looks_and_the_first_run_already_finished() {
        first.register(REPORT);
        second.register(REPORT);
        assertThat(first.queueIfDue(REPORT, "a")).as("not due before the first delay").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        Optional<Long> queued = first.queueIfDue(REPORT, "a");
        assertThat(queued).isPresent();
        runTheWaitingJob();
        assertThat(second.queueIfDue(REPORT, "b")).as("the other instance, after the period's run finished").isEmpty();
        assertThat(first.queueIfDue(REPORT, "a")).isEmpty();
        clock.advance(EVERY.minusSeconds(1));
        assertThat(second.queueIfDue(REPORT, "b")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(second.queueIfDue(REPORT, "b")).as("the next period, queued by whichever instance looks first").isPresent();
        assertThat(first.queueIfDue(REPORT, "a")).isEmpty();
        long firstDue = START.plus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(periodsQueued()).containsExactly(firstDue, firstDue + EVERY.toMillis());
    }

    @Test
    void a_restart_keeps_the_due_time_and_missed_periods_are_made_up_once() {
        first.register(REPORT);
        clock.advance(Duration.ofMinutes(1));
        assertThat(first.queueIfDue(REPORT, "a")).isPresent();
        runTheWaitingJob();
        clock.advance(Duration.ofMinutes(5));
        second.register(REPORT);
        assertThat(second.queueIfDue(REPORT, "b")).as("a restart does not run it again before its period is over").isEmpty();
        clock.advance(EVERY.multipliedBy(3));
        assertThat(second.queueIfDue(REPORT, "b")).as("three periods while every instance was down").isPresent();
        assertThat(first.queueIfDue(REPORT, "a")).isEmpty();
        long firstDue = START.plus(Duration.ofMinutes(1)).toEpochMilli();
        assertThat(periodsQueued()).containsExactly(firstDue, firstDue + 3 * EVERY.toMillis());
    }

    @Test
    void a_shorter_period_takes_effect_at_once_and_a_waiting_job_stands_for_the_next_period() {
        first.register(REPORT);
        clock.advance(Duration.ofMinutes(1));
        assertThat(first.queueIfDue(REPORT, "a")).isPresent();
        var hourly = new JobWorkers.Schedule(new JobSpec.WatchedReport(), Duration.ofMinutes(1), Duration.ofHours(1), () -> true);
        second.register(hourly);
        clock.advance(Duration.ofHours(1));
        Optional<Long> next = second.queueIfDue(hourly, "b");
        assertThat(next).as("the job of the first period still waits and stands for this one").isPresent();
        assertThat(periodsQueued()).hasSize(1);
        assertThat(jobs.list(Job.Status.WAITING, null, null, 10)).extracting(Job::id).containsExactly(next.get());
    }

    @Test
    void instances_that_look_at_the_same_moment_queue_the_period_once() throws Exception {
        first.register(REPORT);
        clock.advance(Duration.ofMinutes(1));
        int instances = 8;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Long>>> looks = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            JobSchedules instance = new JobSchedules(new JobRepository(database.jdbi(), dialect, clock));
            String name = "instance-" + i;
            looks.add(pool.submit(() -> {
                go.await();
                return instance.queueIfDue(REPORT, name);
            }));
        }
        go.countDown();
        List<Long> queued = new ArrayList<>();
        for (Future<Optional<Long>> look : looks) {
            look.get().ifPresent(queued::add);
        }
        pool.shutdown();
        assertThat(queued).hasSize(1);
        assertThat(periodsQueued()).hasSize(1);
        assertThat(jobs.list(null, null, null, 10)).hasSize(1);
    }
}
