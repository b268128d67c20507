package app.pathary.job;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed run in progress. While its handler works, the lease beats the claim's heartbeat; when a beat finds the
 * row no longer the claim's (another instance queued it again), or a shutdown stops the run, the handler's thread is
 * interrupted and the run ends without writing a result. Interrupts happen only before {@link #end}, so they never
 * reach the thread's next job.
 */
final class JobLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    /** How a run ended: still held (its result is to be written), lost to another claim, or stopped by a shutdown. */
    enum End { HELD, LOST, STOPPED }

    private final JobRepository jobs;
    private final Job claim;
    private final Thread runner;
    private final ScheduledFuture<?> beats;
    private End end;
    private boolean ended;

    private JobLease(JobRepository jobs, Job claim, Thread runner, ScheduledExecutorService timer, Duration every) {
        this.jobs = jobs;
        this.claim = claim;
        this.runner = runner;
        this.end = End.HELD;
        this.beats = timer.scheduleWithFixedDelay(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts beating for {@code claim}, run by the current thread. */
    static JobLease start(JobRepository jobs, Job claim, ScheduledExecutorService timer, Duration every) {
        return new JobLease(jobs, claim, Thread.currentThread(), timer, every);
    }

    Job claim() {
        return claim;
    }

    private void beat() {
        try {
            if (!jobs.heartbeat(claim)) {
                lose();
            }
        } catch (RuntimeException e) {
            LOG.warn("The heartbeat of job {} failed (retried at the next beat): {}", claim.id(), e.getMessage());
        }
    }

    /** The row is no longer this claim's: stop the handler; nothing of this run is written. */
    void lose() {
        if (interrupt(End.LOST)) {
            LOG.warn("Job {} ({}) was queued again elsewhere while this worker ran it (its heartbeat went stale); stopping it",
                    claim.id(), claim.type());
        }
    }

    /** Shutdown: stop the handler; true when the run had not ended, so the caller hands the job back to the queue. */
    boolean stop() {
        return interrupt(End.STOPPED);
    }

    private synchronized boolean interrupt(End why) {
        if (ended || end != End.HELD) {
            return false;
        }
        end = why;
        runner.interrupt();
        return true;
    }

    /** Called by the runner once the handler returned: how the run ended. No interrupt comes after this. */
    End end() {
        End how;
        synchronized (this) {
            ended = true;
            how = end;
        }
        beats.cancel(false);
        if (how != End.HELD) {
            Thread.interrupted();
        }
        return how;
    }

    @Override
    public void close() {
        end();
    }
}
