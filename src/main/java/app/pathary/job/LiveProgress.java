package app.pathary.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of the runs of this instance, in memory: newer than the rows while a handler's write transaction keeps
 * the row's own progress write waiting (SQLite has one writer). Reads of a running job show these figures when they
 * belong to the claim the row names.
 */
final class LiveProgress {
    private record Figures(String owner, int done, int total) {
    }

    private final Map<Long, Figures> runs = new ConcurrentHashMap<>();

    void record(Job claim, int done, int total) {
        runs.put(claim.id(), new Figures(claim.owner(), done, total));
    }

    void forget(Job claim) {
        runs.computeIfPresent(claim.id(), (id, figures) -> figures.owner().equals(claim.owner()) ? null : figures);
    }

    /** The job with this instance's figures when it runs under the claim they were recorded for. */
    Job over(Job job) {
        Figures figures = job.status() == Job.Status.RUNNING ? runs.get(job.id()) : null;
        if (figures == null || !figures.owner().equals(job.owner())) {
            return job;
        }
        return job.withProgress(figures.done(), figures.total());
    }
}
