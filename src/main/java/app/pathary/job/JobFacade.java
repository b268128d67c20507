package app.pathary.job;

import app.pathary.db.Database;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The durable job queue: queueing and running jobs, the workers of {@code serve}, and the jobs page. */
public final class JobFacade {
    private final JobRepository repository;
    private final JobQueue queue;
    private final JobTimings timings;
    private final JobGauges gauges;

    private JobFacade(JobRepository repository, JobQueue queue, JobTimings timings, JobGauges gauges) {
        this.repository = repository;
        this.queue = queue;
        this.timings = timings;
        this.gauges = gauges;
    }

    public static JobFacade wire(Database database, Clock clock, JobTimings timings) {
        JobRepository repository = new JobRepository(database.jdbi(), database.reads(), database.dialect(), clock);
        return new JobFacade(repository, new JobQueue(repository, timings.heartbeat()), timings, new JobGauges(database.reads(), clock));
    }

    public JobQueue queue() {
        return queue;
    }

    /** The stored jobs: listing, finding, removing finished ones. */
    public JobRepository repository() {
        return repository;
    }

    /** The worker pool for {@code serve}; the caller schedules and starts it. */
    public JobWorkers workers(JobHandler<JobSpec> dispatch, String name) {
        JobWorkers workers = new JobWorkers(repository, dispatch, name, 2, timings);
        queue.onEnqueue(workers::nudge);
        return workers;
    }

    /** The queue's gauges for {@code /metrics}, computed from the jobs table at each scrape. */
    public JobGauges gauges() {
        return gauges;
    }

    /** The jobs page; {@code userNames} gives each user's name by id (the page shows names, not ids). */
    public List<WebRoutes> routes(Pages pages, Supplier<Map<Long, String>> userNames) {
        return List.of(new JobPages(pages, repository, queue, userNames), new JobProgressPages(pages, repository));
    }
}
