package app.pathary.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool inside {@code serve}: claims due jobs, runs them through the handler (each under a {@link JobLease}
 * that beats its heartbeat), retries failures with backoff, and on start (and every stale period) queues again the
 * jobs of workers that went silent. Scheduled jobs are queued through {@link JobSchedules}: once per period across every
 * instance on the database. {@link #close} stops claiming, lets running jobs finish for the drain period,
 * then interrupts the rest and hands them back to the queue without counting the attempt.
 */
public final class JobWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    private static final Duration AFTER_STOP = Duration.ofSeconds(5);
    private static final Duration MAX_CHECK = Duration.ofMinutes(1);
    private final JobRepository jobs;
    private final JobSchedules periodic;
    private final JobHandler<JobSpec> handler;
    private final String name;
    private final int size;
    private final JobTimings timings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Schedule> schedules = new CopyOnWriteArrayList<>();
    private final Set<JobLease> running = ConcurrentHashMap.newKeySet();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private volatile boolean claiming;

    public JobWorkers(JobRepository jobs, JobHandler<JobSpec> handler, String name, int size, JobTimings timings) {
        this.jobs = jobs;
        this.periodic = new JobSchedules(jobs);
        this.handler = handler;
        this.name = name;
        this.size = size;
        this.timings = timings;
    }

    /**
     * A job queued once every {@code every} across all instances on the database (first after {@code first}, counted
     * from the first start of any instance), in periods when {@code enabled} says so. Its spec's de-duplication key
     * names the schedule.
     */
    public record Schedule(JobSpec spec, Duration first, Duration every, BooleanSupplier enabled) {
        public Schedule {
            if (spec.dedupeKey() == null || every.toMillis() <= 0) {
                throw new IllegalArgumentException("a scheduled job needs a de-duplication key and a positive period");
            }
        }

        String name() {
            return spec.dedupeKey();
        }

        /** How often each instance looks whether a period is due: a quarter of the period, at most a minute. */
        Duration check() {
            return every.dividedBy(4).compareTo(MAX_CHECK) > 0 ? MAX_CHECK : every.dividedBy(4).plusMillis(1);
        }
    }

    /** Adds a schedule; call before {@link #start}. */
    public void schedule(Schedule schedule) {
        schedules.add(schedule);
    }

    public void start() {
        claiming = true;
        int requeued = jobs.requeueStale(timings.stale());
        if (requeued > 0) {
            LOG.info("Queued {} jobs again whose worker had stopped", requeued);
        }
        timer = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("pathary-jobs-timer").daemon().factory());
        long stale = timings.stale().toMillis();
        timer.scheduleAtFixedRate(() -> quietly(() -> jobs.requeueStale(timings.stale())), stale, stale, TimeUnit.MILLISECONDS);
        for (Schedule schedule : schedules) {
            quietly(() -> register(schedule));
            long check = schedule.check().toMillis();
            timer.scheduleAtFixedRate(() -> quietly(() -> {
                if (claiming && schedule.enabled().getAsBoolean() && register(schedule)) {
                    periodic.queueIfDue(schedule, name).ifPresent(id -> nudge());
                }
            }), Math.min(check, schedule.first().toMillis()), check, TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < size; i++) {
            threads.add(Thread.ofVirtual().name("pathary-job-worker-" + i).start(this::loop));
        }
    }

    /** Records the schedule in the database once per start (again at the next look when the first try failed). */
    private boolean register(Schedule schedule) {
        if (!registered.contains(schedule.name())) {
            periodic.register(schedule);
            registered.add(schedule.name());
        }
        return true;
    }

    /** Tells idle workers that a job was queued (they also look by themselves every poll interval). */
    public void nudge() {
        wakeUp.release(size);
    }

    private void loop() {
        while (claiming) {
            try {
                Optional<Job> job = jobs.claim(name);
                if (job.isEmpty()) {
                    wakeUp.tryAcquire(timings.poll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } else if (!claiming) {
                    jobs.release(job.get());
                } else {
                    runOne(job.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("The job worker hit an error; it goes on", e);
                pause();
            }
        }
    }

    private void runOne(Job claim) {
        JobLease lease = JobLease.start(jobs, claim, timer, timings.heartbeat());
        running.add(lease);
        try {
            JobRun.run(jobs, lease, context -> handler.run(claim.spec(), context), JobContext.NONE);
        } finally {
            running.remove(lease);
            lease.close();
        }
    }

    private void pause() {
        try {
            Thread.sleep(timings.poll().toMillis());
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

    /**
     * Stops claiming, waits up to the drain period for running jobs to finish, then interrupts those still running
     * and queues them again (their attempt not counted). Returns once the workers are gone, so the database can close.
     */
    @Override
    public void close() {
        if (!claiming) {
            return;
        }
        claiming = false;
        wakeUp.release(size * 2);
        long deadline = System.nanoTime() + timings.drain().toNanos();
        joinWorkers(deadline);
        for (JobLease lease : running) {
            if (lease.stop()) {
                boolean released = jobs.release(lease.claim());
                LOG.info("Stopped job {} ({}) at shutdown{}", lease.claim().id(), lease.claim().type(),
                        released ? "; it waits in the queue again" : "");
            }
        }
        joinWorkers(System.nanoTime() + AFTER_STOP.toNanos());
        timer.shutdownNow();
    }

    private void joinWorkers(long deadline) {
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
