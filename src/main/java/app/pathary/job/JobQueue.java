package app.pathary.job;

import java.util.Optional;

/** What features use: queue a job (the workers pick it up), or run one in the foreground with a job row (the CLI). */
public final class JobQueue {
    private final JobRepository jobs;
    private volatile Runnable nudge = () -> { };

    public JobQueue(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** Lets the in-process workers know about new jobs at once. */
    public void onEnqueue(Runnable wakeWorkers) {
        this.nudge = wakeWorkers;
    }

    public long enqueue(NewJob job) {
        long id = jobs.enqueue(job);
        nudge.run();
        return id;
    }

    /**
     * Runs the job here and now, recording it as a job row that ends done or failed; rethrows the handler's failure
     * after recording it. The row's worker is {@code worker} (e.g. "cli").
     */
    public Job runInForeground(NewJob job, JobHandler handler, JobContext progress, String worker) throws Exception {
        long id = jobs.insertRunning(new NewJob(job.type(), job.userId(), job.params(), null, 1), worker);
        Job row = jobs.find(id).orElseThrow();
        JobContext both = (done, total) -> {
            progress.progress(done, total);
            jobs.progress(id, done, total);
        };
        try {
            jobs.succeed(id, handler.run(row, both));
        } catch (Exception e) {
            jobs.failOrRetry(row, JobWorkers.describe(e), true);
            throw e;
        }
        return jobs.find(id).orElseThrow();
    }

    public Optional<Job> find(long id) {
        return jobs.find(id);
    }
}
