package app.pathary.job;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child process of {@link JobCrashTest} and {@code bench/job-crash.sh}: a Pathary job queue over a database
 * shared with the parent, whose jobs deliver something idempotently by key. It runs until no job waits or runs, then
 * stops cleanly; the parent kills it with SIGKILL at random moments before that.
 *
 * <p>Arguments: JDBC URL, then user and password for PostgreSQL.
 */
public final class CrashingWorker {
    /**
     * Short clocks, so a killed child's jobs are queued again soon after the next child starts. On a starved machine a
     * live child may miss beats and lose a job to its own other worker: then fencing is what keeps the result right.
     */
    static final JobTimings TIMINGS = new JobTimings(Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofMillis(20),
            Duration.ofSeconds(2));

    private CrashingWorker() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseSettings settings = new DatabaseSettings(args[0], Optional.ofNullable(args.length > 1 ? args[1] : null),
                Optional.ofNullable(args.length > 2 ? args[2] : null));
        try (Database database = Database.open(settings)) {
            JobRepository jobs = new JobRepository(database.jdbi(), Dialect.of(args[0]), Clock.systemUTC());
            try (JobWorkers workers = new JobWorkers(jobs, (spec, context) -> deliver(database, (JobSpec.JellyfinSync) spec),
                    "crashing-" + ProcessHandle.current().pid(), 2, TIMINGS)) {
                workers.start();
                while (!jobs.list(Job.Status.WAITING, null, null, 1).isEmpty() || !jobs.list(Job.Status.RUNNING, null, null, 1).isEmpty()) {
                    Thread.sleep(50);
                }
            }
        }
    }

    /** Counts the run, then delivers once per key (a second run of the same job finds it delivered). */
    private static String deliver(Database database, JobSpec.JellyfinSync spec) throws InterruptedException {
        String key = spec.dedupeKey();
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO crash_runs (job_key, runs) VALUES (:k, 1)
                        ON CONFLICT (job_key) DO UPDATE SET runs = crash_runs.runs + 1""").bind("k", key).execute());
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 40));
        int delivered = database.jdbi().withHandle(h -> h.createUpdate(
                "INSERT INTO crash_deliveries (job_key) VALUES (:k) ON CONFLICT (job_key) DO NOTHING").bind("k", key).execute());
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 20));
        return delivered == 1 ? "delivered" : "already delivered";
    }
}
