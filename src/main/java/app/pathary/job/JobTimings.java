package app.pathary.job;

import java.time.Duration;

/**
 * The clocks of the job queue: how often a running job beats its heartbeat, how long a silent one runs before any
 * instance queues it again (several heartbeats, so one slow beat loses nothing), how often idle workers look for due
 * jobs, and how long a shutdown lets running jobs finish before it stops and re-queues them.
 */
public record JobTimings(Duration heartbeat, Duration stale, Duration poll, Duration drain) {
    public JobTimings {
        if (stale.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a job must miss at least two heartbeats before it counts as stale");
        }
    }

    public static JobTimings defaults() {
        return new JobTimings(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(20));
    }

    public JobTimings withPoll(Duration newPoll) {
        return new JobTimings(heartbeat, stale, newPoll, drain);
    }

    public JobTimings withDrain(Duration newDrain) {
        return new JobTimings(heartbeat, stale, poll, newDrain);
    }
}
