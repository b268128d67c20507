package app.pathary.job;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool inside {@code serve}: claims due jobs, runs their handler, retries failures with backoff, beats a
 * heartbeat while running, and on start (and every minute) queues again the jobs of workers that died.
 */
public final class JobWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(60);
    private final JobRepository jobs;
    private final Map<String, JobHandler> handlers;
    private final String name;
    private final int size;
    private final Duration poll;
    private final Semaphore wakeUp = new Semaphore(0);
    private final java.util.List<Schedule> schedules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public JobWorkers(JobRepository jobs, Map<String, JobHandler> handlers, String name, int size, Duration poll) {
        this.jobs = jobs;
        this.handlers = Map.copyOf(handlers);
        this.name = name;
        this.size = size;
        this.poll = poll;
    }

    public void start() {
        running = true;
        int requeued = jobs.requeueStale(STALE);
        if (requeued > 0) {
            LOG.info("Queued {} jobs again whose worker had stopped", requeued);
        }
        scheduler = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("pathary-jobs-timer").daemon().factory());
        scheduler.scheduleAtFixedRate(() -> quietly(() -> jobs.heartbeat(name)), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> quietly(() -> jobs.requeueStale(STALE)), 60, 60, TimeUnit.SECONDS);
        for (Schedule schedule : schedules) {
            scheduler.scheduleAtFixedRate(() -> quietly(() -> {
                if (schedule.enabled().getAsBoolean()) {
                    jobs.enqueue(NewJob.of(schedule.type(), null, "{}", schedule.type()));
                    nudge();
                }
            }), schedule.first().toMillis(), schedule.every().toMillis(), TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < size; i++) {
            Thread.ofVirtual().name("pathary-job-worker-" + i).start(this::loop);
        }
    }

    /** A job queued every {@code every} (first after {@code first}) while {@code enabled} says so; its type is its key. */
    public record Schedule(String type, java.time.Duration first, java.time.Duration every, java.util.function.BooleanSupplier enabled) {
    }

    /** Adds a schedule; call before {@link #start}. */
    public void schedule(Schedule schedule) {
        schedules.add(schedule);
    }

    /** Tells idle workers that a job was queued (they also look by themselves every poll interval). */
    public void nudge() {
        wakeUp.release(size);
    }

    private void loop() {
        while (running) {
            try {
                Optional<Job> job = jobs.claim(name);
                if (job.isPresent()) {
                    runOne(job.get());
                } else {
                    wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The job worker hit an error; it goes on", e);
                sleep();
            }
        }
    }

    void runOne(Job job) {
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            jobs.failOrRetry(job, "No handler for job type " + job.type() + ".", true);
            return;
        }
        JobContext context = (done, total) -> jobs.progress(job.id(), done, total);
        try {
            jobs.succeed(job.id(), handler.run(job, context));
        } catch (JobFailure e) {
            jobs.failOrRetry(job, e.getMessage(), true);
            LOG.warn("Job {} ({}) failed: {}", job.id(), job.type(), e.getMessage());
        } catch (Exception e) {
            Job.Status next = jobs.failOrRetry(job, describe(e), false);
            LOG.warn("Job {} ({}) attempt {} failed, now {}: {}", job.id(), job.type(), job.attempts(), next.value(), describe(e));
        }
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Job housekeeping failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        nudge();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
