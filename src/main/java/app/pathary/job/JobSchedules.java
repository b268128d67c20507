package app.pathary.job;

import java.util.Optional;

/**
 * Periodic jobs shared by every Pathary instance on one database (table {@code job_schedules}, one row per schedule).
 * Each instance looks often; the one that finds a period due queues its job only by moving the row's due time on,
 * in the same transaction, with a compare-and-set on the due time it found. So each period is queued exactly once
 * across replicas (the loser of a race updates no row and queues nothing), by whichever instance is alive when the
 * period falls due: nothing is held between periods, so nothing waits for a dead holder's lease to run out. The job
 * row carries its period ({@code scheduled_for}), and the database refuses a second job for one period.
 */
final class JobSchedules {
    private final JobRepository jobs;

    JobSchedules(JobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Records the schedule, first due {@code first} from now, unless an instance recorded it before (then its due time
     * stays, so a restart neither runs it early nor puts it off). When its period was changed, the period is taken and
     * the next run comes no later than one new period from now.
     */
    void register(JobWorkers.Schedule schedule) {
        long now = jobs.clock().millis();
        long every = schedule.every().toMillis();
        jobs.jdbi().useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO job_schedules (name, every_ms, next_due_at) VALUES (:n, :every, :first)
                            ON CONFLICT (name) DO NOTHING""")
                    .bind("n", schedule.name()).bind("every", every).bind("first", now + schedule.first().toMillis()).execute();
            h.createUpdate("""
                            UPDATE job_schedules SET every_ms = :every,
                                next_due_at = CASE WHEN next_due_at > :soonest THEN :soonest ELSE next_due_at END
                            WHERE name = :n AND every_ms <> :every""")
                    .bind("n", schedule.name()).bind("every", every).bind("soonest", now + every).execute();
        });
    }

    /**
     * Queues the schedule's job when a period has come that no instance queued yet, and returns its id. Periods missed
     * while no instance ran are not made up one by one: the job is queued once, for the latest period begun. When a
     * job of the schedule still waits, it stands for this period too (de-duplicated by key).
     */
    Optional<Long> queueIfDue(JobWorkers.Schedule schedule, String instance) {
        long now = jobs.clock().millis();
        return jobs.jdbi().inTransaction(h -> {
            Optional<Long> next = h.createQuery("""
                            UPDATE job_schedules
                            SET next_due_at = next_due_at + ((:now - next_due_at) / every_ms + 1) * every_ms,
                                queued_at = :now, queued_by = :by
                            WHERE name = :n AND next_due_at <= :now
                            RETURNING next_due_at""")
                    .bind("n", schedule.name()).bind("now", now).bind("by", instance).mapTo(Long.class).findOne();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            long every = h.createQuery("SELECT every_ms FROM job_schedules WHERE name = :n").bind("n", schedule.name())
                    .mapTo(Long.class).one();
            long id = jobs.enqueue(h, NewJob.of(schedule.spec()).forPeriod(next.get() - every));
            h.createUpdate("UPDATE job_schedules SET last_job_id = :id WHERE name = :n").bind("id", id).bind("n", schedule.name()).execute();
            return Optional.of(id);
        });
    }
}
