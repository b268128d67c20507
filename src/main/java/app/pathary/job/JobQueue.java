package app.pathary.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jdbi.v3.core.Handle;

/** What features use: queue a job (the workers pick it up), or run one in the foreground with a job row (the CLI). */
public final class JobQueue {
    private final JobRepository jobs;
    private final Duration heartbeat;
    private volatile Runnable nudge = () -> { };

    public JobQueue(JobRepository jobs, Duration heartbeat) {
        this.jobs = jobs;
        this.heartbeat = heartbeat;
    }

    /** Lets the in-process workers know about new jobs at once. */
    public void onEnqueue(Runnable wakeWorkers) {
        this.nudge = wakeWorkers;
    }

    public long enqueue(JobSpec spec) {
        long id = jobs.enqueue(spec);
        nudge.run();
        return id;
    }

    /**
     * Queues a job inside the caller's transaction (an outbox): it commits or rolls back with the caller's change.
     * Call {@link #wakeWorkers} once that transaction has committed.
     */
    public long enqueue(Handle h, JobSpec spec) {
        return jobs.enqueue(h, spec);
    }

    /**
     * Queues a job to run at once: when one with its key already waits (e.g. in a back-off after a failure), that one
     * is made due now instead of waiting out its delay. Returns the job's id.
     */
    public long enqueueNow(JobSpec spec) {
        long id = jobs.enqueue(spec);
        jobs.runNow(id);
        nudge.run();
        return id;
    }

    /** The newest job of a type (e.g. to show why the last run failed). */
    public Optional<Job> latest(String type) {
        return jobs.list(null, type, null, 1).stream().findFirst();
    }

    /** Tells the in-process workers that jobs were queued (e.g. by a transaction that has just committed). */
    public void wakeWorkers() {
        nudge.run();
    }

    /**
     * Runs the job here and now, recording it as a job row (not de-duplicated, one attempt) that ends done or failed;
     * rethrows the handler's failure after recording it. The row's worker is {@code worker} (e.g. "cli"). The run
     * beats its heartbeat like a worker's, so no other instance takes it for dead; if one queues it again all the same,
     * the handler is interrupted and its result dropped.
     */
    public <S extends JobSpec> Job runInForeground(S spec, JobHandler<? super S> handler, JobContext progress, String worker)
            throws Exception {
        Job claim = jobs.insertRunning(NewJob.of(spec).withoutKey().withMaxAttempts(1), worker);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("pathary-job-heartbeat").daemon().factory());
        try (JobLease lease = JobLease.start(jobs, claim, timer, heartbeat)) {
            JobRun.Outcome outcome = JobRun.run(jobs, lease, context -> handler.run(spec, context), progress);
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            if (outcome.status() == null) {
                throw new JobFailure("Another Pathary instance took this job over (its heartbeat had gone stale), so its result "
                        + "was not recorded; see job " + claim.id() + " on the jobs page.");
            }
        } finally {
            timer.shutdownNow();
        }
        return jobs.find(claim.id()).orElseThrow();
    }

    public Optional<Job> find(long id) {
        return jobs.find(id);
    }
}
