package app.pathary.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestDatabases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job queue's gauges on /metrics, computed from the jobs table when scraped. */
@BothDialects
class JobGaugesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Database database;

    @AfterEach
    void close() {
        database.close();
        meters.close();
    }

    private String scrape(Runnable refresh) {
        refresh.run();
        return meters.scrape();
    }

    @Test
    void jobs_by_type_and_state_and_the_age_of_the_oldest_due_waiting_job(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        JobRepository jobs = new JobRepository(database.jdbi(), dialect, clock);
        Runnable refresh = new JobGauges(database.reads(), clock).bindTo(meters);

        String empty = scrape(refresh);
        assertThat(empty).contains("pathary_jobs{state=\"waiting\",type=\"cleanup_plan\"} 0.0")
                .contains("pathary_jobs{state=\"failed\",type=\"jellyfin_import\"} 0.0")
                .contains("pathary_jobs_oldest_waiting_seconds{type=\"cleanup_plan\"} 0.0");

        jobs.enqueue(new NewJob(JobSpec.CleanupPlan.TYPE, null, "{}", null, 1, null));
        jobs.enqueue(new NewJob(JobSpec.CleanupPlan.TYPE, null, "{}", null, 1, null));
        jobs.enqueue(new NewJob(JobSpec.CleanupPlan.TYPE, null, "{}", null, 1, null));
        Job running = jobs.claim("w").orElseThrow();
        jobs.failOrRetry(jobs.claim("w").orElseThrow(), "boom", true);
        clock.advance(Duration.ofSeconds(90));
        jobs.enqueue(new NewJob(JobSpec.WatchedReport.TYPE, null, "{}", null, 1, null));

        String busy = scrape(refresh);
        assertThat(busy).contains("pathary_jobs{state=\"waiting\",type=\"cleanup_plan\"} 1.0")
                .contains("pathary_jobs{state=\"running\",type=\"cleanup_plan\"} 1.0")
                .contains("pathary_jobs{state=\"failed\",type=\"cleanup_plan\"} 1.0")
                .contains("pathary_jobs{state=\"waiting\",type=\"watched_report\"} 1.0")
                .contains("pathary_jobs_oldest_waiting_seconds{type=\"cleanup_plan\"} 90.0")
                .contains("pathary_jobs_oldest_waiting_seconds{type=\"watched_report\"} 0.0");

        jobs.succeed(running, "done");
        jobs.succeed(jobs.claim("w").orElseThrow(), "done");
        String after = scrape(refresh);
        assertThat(after).contains("pathary_jobs{state=\"running\",type=\"cleanup_plan\"} 0.0")
                .contains("pathary_jobs{state=\"waiting\",type=\"cleanup_plan\"} 0.0")
                .contains("pathary_jobs_oldest_waiting_seconds{type=\"cleanup_plan\"} 0.0");
    }
}
