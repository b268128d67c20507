package app.pathary.job;

/** Does the work of one job type; returns the summary shown for the finished job. Throws to fail (retried). */
@FunctionalInterface
public interface JobHandler {
    String run(Job job, JobContext context) throws Exception;
}
