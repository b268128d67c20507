package app.pathary.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job under its {@link JobLease} and records how it ended: done with the handler's summary, failed
 * for good on a {@link JobFailure} (an unreadable row is one), or queued again with backoff on any other exception.
 * A run that lost its claim or was stopped by a shutdown writes nothing: its row belongs to someone else by then.
 */
final class JobRun {
    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    /** The handler's work for one run, given the context that records progress. */
    @FunctionalInterface
    interface Work {
        String run(JobContext context) throws Exception;
    }

    /** How the run went: the status written (null when nothing was written) and the handler's failure (null on success). */
    record Outcome(Job.Status status, Exception failure) {
    }

    private JobRun() {
    }

    static Outcome run(JobRepository jobs, JobLease lease, Work work, JobContext listener) {
        Job claim = lease.claim();
        ProgressWrites progress = new ProgressWrites(jobs, lease);
        JobContext context = (done, total) -> {
            listener.progress(done, total);
            progress.offer(done, total);
        };
        String summary = null;
        Exception failure = null;
        try {
            summary = work.run(context);
        } catch (Exception e) {
            failure = e;
        } finally {
            progress.flush();
        }
        JobLease.End end = lease.end();
        if (end != JobLease.End.HELD) {
            LOG.info("Job {} ({}) attempt {} ended without a result: {}", claim.id(), claim.type(), claim.attempts(),
                    end == JobLease.End.LOST ? "it was queued again elsewhere" : "Pathary is stopping and queues it again");
            return new Outcome(null, failure);
        }
        if (failure == null) {
            return new Outcome(jobs.succeed(claim, summary) ? Job.Status.DONE : null, null);
        }
        if (failure instanceof JobFailure) {
            LOG.warn("Job {} ({}) failed: {}", claim.id(), claim.type(), failure.getMessage());
            return new Outcome(jobs.failOrRetry(claim, failure.getMessage(), true), failure);
        }
        Job.Status next = jobs.failOrRetry(claim, describe(failure), false);
        LOG.warn("Job {} ({}) attempt {} failed, now {}: {}", claim.id(), claim.type(), claim.attempts(), next.value(), describe(failure));
        return new Outcome(next, failure);
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
