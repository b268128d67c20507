package app.pathary.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's progress, told without waiting for the database: the figures are kept in memory at once (the progress page
 * of this instance shows them), and written to the job's row by a thread of their own, the newest figures only. A
 * handler may so report progress from inside a long write transaction: on SQLite that transaction holds the one
 * writer connection, and a progress write from the same thread would wait for itself. {@link #flush} writes the last
 * figures once the handler returned.
 */
final class ProgressWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressWrites.class);
    private final JobRepository jobs;
    private final JobLease lease;
    private final AtomicReference<int[]> latest = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("pathary-job-progress").factory());

    ProgressWrites(JobRepository jobs, JobLease lease) {
        this.jobs = jobs;
        this.lease = lease;
    }

    void offer(int done, int total) {
        jobs.live().record(lease.claim(), done, total);
        latest.set(new int[] {done, total});
        if (queued.compareAndSet(false, true)) {
            writer.execute(this::writeLatest);
        }
    }

    private void writeLatest() {
        queued.set(false);
        int[] figures = latest.get();
        try {
            if (!jobs.progress(lease.claim(), figures[0], figures[1])) {
                lease.lose();
            }
        } catch (RuntimeException e) {
            LOG.debug("The progress of job {} was not written (the next figures will be): {}", lease.claim().id(), e.getMessage());
        }
    }

    /** Waits for the writes still queued (the newest figures are among them), then forgets the in-memory figures. */
    void flush() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.debug("The last progress of job {} is still being written", lease.claim().id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            jobs.live().forget(lease.claim());
        }
    }
}
