package app.pathary.job;

import app.pathary.common.Rows;
import app.pathary.db.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Stores jobs and moves them through their states. A claim is atomic: on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED} (safe with several Pathary instances), on SQLite through its single writer.
 */
public final class JobRepository {
    private static final RowMapper<Job> JOB = (rs, ctx) -> new Job(rs.getLong("id"), rs.getString("type"),
            Rows.nullableLong(rs, "user_id"), rs.getString("params"), rs.getString("dedupe_key"),
            Job.Status.of(rs.getString("status")), rs.getInt("attempts"), rs.getInt("max_attempts"),
            Instant.ofEpochMilli(rs.getLong("next_run_at")), rs.getInt("progress_done"), rs.getInt("progress_total"),
            rs.getString("summary"), rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at")),
            instant(Rows.nullableLong(rs, "started_at")), instant(Rows.nullableLong(rs, "finished_at")));
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    public JobRepository(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Queues a job; when one with the same key already waits, returns that one's id instead. */
    public long enqueue(NewJob job) {
        return insert(job, "waiting", null);
    }

    /** Records a job that a process runs itself right away (the CLI), already claimed by {@code worker}. */
    long insertRunning(NewJob job, String worker) {
        return insert(job, "running", worker);
    }

    private long insert(NewJob job, String status, String worker) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createQuery("""
                            INSERT INTO jobs (type, user_id, params, dedupe_key, status, max_attempts, next_run_at, created_at,
                                worker, attempts, started_at, heartbeat_at)
                            VALUES (:type, :user, :params, :key, :status, :max, :now, :now, :worker, :attempts, :started, :started)
                            ON CONFLICT (dedupe_key) WHERE status = 'waiting' DO NOTHING RETURNING id""")
                    .bind("type", job.type()).bind("user", job.userId()).bind("params", job.params())
                    .bind("key", job.dedupeKey()).bind("status", status).bind("max", job.maxAttempts()).bind("now", now)
                    .bind("worker", worker).bind("attempts", worker == null ? 0 : 1)
                    .bind("started", worker == null ? null : now)
                    .mapTo(Long.class).findOne();
            return id.orElseGet(() -> h.createQuery("SELECT id FROM jobs WHERE dedupe_key = :key AND status = 'waiting'")
                    .bind("key", job.dedupeKey()).mapTo(Long.class).one());
        });
    }

    /** Claims the next due job for {@code worker}, skipping keys that are running elsewhere. */
    Optional<Job> claim(String worker) {
        long now = clock.millis();
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbi.inTransaction(h -> h.createQuery("""
                        UPDATE jobs SET status = 'running', worker = :worker, attempts = attempts + 1,
                            started_at = :now, heartbeat_at = :now
                        WHERE id = (SELECT j.id FROM jobs j WHERE j.status = 'waiting' AND j.next_run_at <= :now
                            AND (j.dedupe_key IS NULL OR NOT EXISTS (
                                SELECT 1 FROM jobs r WHERE r.status = 'running' AND r.dedupe_key = j.dedupe_key))
                            ORDER BY j.next_run_at, j.id LIMIT 1""" + lock + ") AND status = 'waiting' RETURNING *")
                .bind("worker", worker).bind("now", now).map(JOB).findOne());
    }

    void heartbeat(String worker) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE jobs SET heartbeat_at = :now WHERE status = 'running' AND worker = :w")
                .bind("now", clock.millis()).bind("w", worker).execute());
    }

    void progress(long jobId, int done, int total) {
        jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE jobs SET progress_done = :d, progress_total = :t, heartbeat_at = :now WHERE id = :id")
                .bind("d", done).bind("t", total).bind("now", clock.millis()).bind("id", jobId).execute());
    }

    void succeed(long jobId, String summary) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'done', summary = :s, finished_at = :now, worker = NULL, last_error = NULL
                        WHERE id = :id""")
                .bind("s", summary).bind("now", clock.millis()).bind("id", jobId).execute());
    }

    /** Fails the job for good, or, while attempts remain and the failure is not final, queues it again after a backoff. */
    Job.Status failOrRetry(Job job, String error, boolean permanent) {
        long now = clock.millis();
        String message = error == null || error.isBlank() ? "failed" : (error.length() > 2000 ? error.substring(0, 2000) : error);
        if (!permanent && job.attempts() < job.maxAttempts()) {
            int requeued = jdbi.withHandle(h -> h.createUpdate("""
                            UPDATE jobs SET status = 'waiting', worker = NULL, last_error = :e, next_run_at = :next
                            WHERE id = :id AND NOT EXISTS (
                                SELECT 1 FROM jobs w WHERE w.status = 'waiting' AND w.dedupe_key = jobs.dedupe_key)""")
                    .bind("e", message).bind("next", now + Backoff.after(job.attempts()).toMillis()).bind("id", job.id())
                    .execute());
            if (requeued == 1) {
                return Job.Status.WAITING;
            }
            succeedSuperseded(job.id(), message);
            return Job.Status.DONE;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'failed', worker = NULL, last_error = :e, finished_at = :now WHERE id = :id""")
                .bind("e", message).bind("now", now).bind("id", job.id()).execute());
        return Job.Status.FAILED;
    }

    private void succeedSuperseded(long jobId, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'done', worker = NULL, finished_at = :now, last_error = :e,
                            summary = 'Superseded by a newer job with the same key.' WHERE id = :id""")
                .bind("now", clock.millis()).bind("e", error).bind("id", jobId).execute());
    }

    /** Puts running jobs whose worker stopped beating back in the queue (the attempt it used still counts). */
    int requeueStale(Duration silence) {
        long cutoff = clock.millis() - silence.toMillis();
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'waiting', worker = NULL, next_run_at = :now,
                            last_error = 'The worker running it stopped; queued again.'
                        WHERE status = 'running' AND heartbeat_at < :cutoff AND NOT EXISTS (
                            SELECT 1 FROM jobs w WHERE w.status = 'waiting' AND w.dedupe_key = jobs.dedupe_key)""")
                .bind("now", clock.millis()).bind("cutoff", cutoff).execute());
    }

    public Optional<Job> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM jobs WHERE id = :id").bind("id", id).map(JOB).findOne());
    }

    /** Jobs newest first, filtered by status, type and user when those are given. */
    public List<Job> list(Job.Status status, String type, Long userId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM jobs WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = :status");
        }
        if (type != null) {
            sql.append(" AND type = :type");
        }
        if (userId != null) {
            sql.append(" AND user_id = :user");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString()).bind("limit", limit);
            if (status != null) {
                query.bind("status", status.value());
            }
            if (type != null) {
                query.bind("type", type);
            }
            if (userId != null) {
                query.bind("user", userId);
            }
            return query.map(JOB).list();
        });
    }

    /** Removes finished (done or failed) jobs; returns how many. */
    public int deleteFinished() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM jobs WHERE status IN ('done', 'failed')").execute());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
