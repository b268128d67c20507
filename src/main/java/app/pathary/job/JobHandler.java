package app.pathary.job;

/** Does the work of a job spec; returns the summary shown for the finished job. Throws to fail (retried). */
@FunctionalInterface
public interface JobHandler<S extends JobSpec> {
    String run(S spec, JobContext context) throws Exception;
}
