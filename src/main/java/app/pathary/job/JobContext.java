package app.pathary.job;

/** What a running job can tell the queue: how far it got. */
public interface JobContext {
    void progress(int done, int total);

    /** A context that records nothing (for callers that run a job's work outside the queue). */
    JobContext NONE = (done, total) -> { };
}
