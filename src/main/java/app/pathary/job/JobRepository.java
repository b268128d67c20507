package app.pathary.job;

import app.pathary.common.Rows;
import app.pathary.db.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores jobs and moves them through their states. A claim is atomic: on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED} (safe with several Pathary instances), on SQLite through its single writer. Writes
 * about a run are fenced by the claim's owner token: a worker that went silent and lost its job to another claim
 * changes nothing any more.
 */
public final class JobRepository {
    private static final RowMapper<Job> JOB = (rs, ctx) -> new Job(rs.getLong("id"), rs.getString("type"),
            Rows.nullableLong(rs, "user_id"), rs.getString("params"), rs.getString("dedupe_key"),
            Job.Status.of(rs.getString("status")), rs.getInt("attempts"), rs.getInt("max_attempts"),
            Instant.ofEpochMilli(rs.getLong("next_run_at")), rs.getInt("progress_done"), rs.getInt("progress_total"),
            rs.getString("summary"), rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_at")),
            instant(Rows.nullableLong(rs, "started_at")), instant(Rows.nullableLong(rs, "finished_at")), rs.getString("owner"));
    private static final Logger LOG = LoggerFactory.getLogger(JobRepository.class);
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Dialect dialect;
    private final Clock clock;
    private final LiveProgress live = new LiveProgress();

    public JobRepository(Jdbi jdbi, Dialect dialect, Clock clock) {
        this(jdbi, jdbi, dialect, clock);
    }

    /**
     * {@code reads} serves {@link #find} and {@link #list} (on SQLite a reader connection: the progress page answers
     * while a job's long write transaction holds the one writer).
     */
    public JobRepository(Jdbi jdbi, Jdbi reads, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Queues a job; when one with the same key already waits, returns that one's id instead. */
    public long enqueue(JobSpec spec) {
        return enqueue(NewJob.of(spec));
    }

    /**
     * Queues a job inside the caller's transaction, so the job commits or rolls back with the change that asked for
     * it (an outbox). De-duplicated by key like {@link #enqueue(JobSpec)}.
     */
    public long enqueue(Handle h, JobSpec spec) {
        return insert(h, NewJob.of(spec), "waiting", null, null);
    }

    long enqueue(NewJob job) {
        return jdbi.inTransaction(h -> insert(h, job, "waiting", null, null));
    }

    /** Queues a job in the caller's transaction; de-duplicated by key. */
    long enqueue(Handle h, NewJob job) {
        return insert(h, job, "waiting", null, null);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** The progress of this instance's runs, newer than their rows. */
    LiveProgress live() {
        return live;
    }

    Clock clock() {
        return clock;
    }

    /** Records a job that a process runs itself right away (the CLI), already claimed by {@code worker}. */
    Job insertRunning(NewJob job, String worker) {
        return jdbi.inTransaction(h -> find(h, insert(h, job, "running", worker, newOwner())).orElseThrow());
    }

    private long insert(Handle h, NewJob job, String status, String worker, String owner) {
        long now = clock.millis();
        Optional<Long> id = h.createQuery("""
                        INSERT INTO jobs (type, user_id, params, dedupe_key, status, max_attempts, next_run_at, created_at,
                            worker, owner, attempts, started_at, heartbeat_at, scheduled_for)
                        VALUES (:type, :user, :params, :key, :status, :max, :now, :now, :worker, :owner, :attempts, :started, :started,
                            :period)
                        ON CONFLICT (dedupe_key) WHERE status = 'waiting' DO NOTHING RETURNING id""")
                .bind("type", job.type()).bind("user", job.userId()).bind("params", job.params())
                .bind("key", job.dedupeKey()).bind("status", status).bind("max", job.maxAttempts()).bind("now", now)
                .bind("worker", worker).bind("owner", owner).bind("attempts", worker == null ? 0 : 1)
                .bind("started", worker == null ? null : now).bind("period", job.scheduledFor())
                .mapTo(Long.class).findOne();
        return id.orElseGet(() -> h.createQuery("SELECT id FROM jobs WHERE dedupe_key = :key AND status = 'waiting'")
                .bind("key", job.dedupeKey()).mapTo(Long.class).one());
    }

    /**
     * Claims the next due job for {@code worker}, skipping keys that are running elsewhere. The claim carries a fresh
     * owner token ({@link Job#owner()}), which every later write about this run must present.
     */
    Optional<Job> claim(String worker) {
        long now = clock.millis();
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return jdbi.inTransaction(h -> h.createQuery("""
                        UPDATE jobs SET status = 'running', worker = :worker, owner = :owner, attempts = attempts + 1,
                            started_at = :now, heartbeat_at = :now
                        WHERE id = (SELECT j.id FROM jobs j WHERE j.status = 'waiting' AND j.next_run_at <= :now
                            AND (j.dedupe_key IS NULL OR NOT EXISTS (
                                SELECT 1 FROM jobs r WHERE r.status = 'running' AND r.dedupe_key = j.dedupe_key))
                            ORDER BY j.next_run_at, j.id LIMIT 1""" + lock + ") AND status = 'waiting' RETURNING *")
                .bind("worker", worker).bind("owner", newOwner()).bind("now", now).map(JOB).findOne());
    }

    /** Tells that the claim still runs; false when the row is no longer this claim's (it was queued again elsewhere). */
    boolean heartbeat(Job claim) {
        return jdbi.withHandle(h -> owned(h, "heartbeat_at = :now", claim, false).bind("now", clock.millis()).execute()) == 1;
    }

    /** Records progress (and a heartbeat); false when the row is no longer this claim's. */
    boolean progress(Job claim, int done, int total) {
        return jdbi.withHandle(h -> owned(h, "progress_done = :d, progress_total = :t, heartbeat_at = :now", claim, false)
                .bind("d", done).bind("t", total).bind("now", clock.millis()).execute()) == 1;
    }

    /** Ends the claim's run as done; false (and a warning) when the row is no longer this claim's: the result is dropped. */
    boolean succeed(Job claim, String summary) {
        int updated = jdbi.withHandle(h -> owned(h, """
                        status = 'done', summary = :s, finished_at = :now, worker = NULL, owner = NULL, last_error = NULL""",
                claim, false).bind("s", summary).bind("now", clock.millis()).execute());
        return updated == 1 || discarded(claim, "its result");
    }

    /**
     * Fails the claim's run for good, or, while attempts remain and the failure is not final, queues it again after a
     * backoff (done as superseded when a job with its key already waits). Returns the job's status afterwards; when
     * the row is no longer this claim's, nothing is written (a warning says so) and the status is the row's own.
     */
    Job.Status failOrRetry(Job claim, String error, boolean permanent) {
        long now = clock.millis();
        String message = error == null || error.isBlank() ? "failed" : (error.length() > 2000 ? error.substring(0, 2000) : error);
        return jdbi.inTransaction(h -> {
            if (!permanent && claim.attempts() < claim.maxAttempts()) {
                if (owned(h, "status = 'waiting', worker = NULL, owner = NULL, last_error = :e, next_run_at = :next", claim, true)
                        .bind("e", message).bind("next", now + Backoff.after(claim.attempts()).toMillis()).execute() == 1) {
                    return Job.Status.WAITING;
                }
                if (supersede(h, claim, message) == 1) {
                    return Job.Status.DONE;
                }
            } else if (owned(h, "status = 'failed', worker = NULL, owner = NULL, last_error = :e, finished_at = :now", claim, false)
                    .bind("e", message).bind("now", now).execute() == 1) {
                return Job.Status.FAILED;
            }
            discarded(claim, "its failure (" + message + ")");
            return find(h, claim.id()).map(Job::status).orElse(Job.Status.DONE);
        });
    }

    /**
     * Hands back a run that was stopped on purpose (shutdown): the job waits again, due now, and the attempt is not
     * counted. False when the row is no longer this claim's.
     */
    boolean release(Job claim) {
        return jdbi.inTransaction(h -> owned(h, """
                        status = 'waiting', worker = NULL, owner = NULL, attempts = attempts - 1, next_run_at = :now,
                            last_error = 'Pathary stopped while this job ran; it was queued again.'""", claim, true)
                .bind("now", clock.millis()).execute() == 1
                || supersede(h, claim, "Pathary stopped while this job ran.") == 1);
    }

    private int supersede(Handle h, Job claim, String error) {
        return owned(h, """
                        status = 'done', worker = NULL, owner = NULL, finished_at = :now, last_error = :e,
                            summary = 'Superseded by a newer job with the same key.'""", claim, false)
                .bind("now", clock.millis()).bind("e", error).execute();
    }

    /** An update of the claim's row that applies only while the row is running under the claim's owner token. */
    private static Update owned(Handle h, String assignments, Job claim, boolean unlessKeyWaits) {
        return h.createUpdate("UPDATE jobs SET " + assignments + " WHERE id = :id AND owner = :owner AND status = 'running'"
                        + (unlessKeyWaits ? " AND NOT EXISTS (SELECT 1 FROM jobs w WHERE w.status = 'waiting' AND w.dedupe_key = jobs.dedupe_key)" : ""))
                .bind("id", claim.id()).bind("owner", claim.owner());
    }

    private static boolean discarded(Job claim, String what) {
        LOG.warn("Job {} ({}) attempt {}: {} is dropped, because the job was queued again after its worker went silent "
                + "and is no longer this run's", claim.id(), claim.type(), claim.attempts(), what);
        return false;
    }

    /**
     * Puts running jobs whose worker stopped beating back in the queue (the attempt it used still counts); one whose
     * key already waits again is done as superseded. Their old claims can no longer write. Each statement states its
     * whole condition: on PostgreSQL the second one sees rows committed after the first began (another instance's
     * claim whose heartbeat was already old when it committed), which must never be taken for superseded.
     */
    int requeueStale(Duration silence) {
        long now = clock.millis();
        long cutoff = now - silence.toMillis();
        return jdbi.inTransaction(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'waiting', worker = NULL, owner = NULL, next_run_at = :now,
                            last_error = 'The worker running it stopped; queued again.'
                        WHERE status = 'running' AND heartbeat_at < :cutoff AND NOT EXISTS (
                            SELECT 1 FROM jobs w WHERE w.status = 'waiting' AND w.dedupe_key = jobs.dedupe_key)""")
                .bind("now", now).bind("cutoff", cutoff).execute()
                + h.createUpdate("""
                        UPDATE jobs SET status = 'done', worker = NULL, owner = NULL, finished_at = :now,
                            last_error = 'The worker running it stopped.', summary = 'Superseded by a newer job with the same key.'
                        WHERE status = 'running' AND heartbeat_at < :cutoff AND EXISTS (
                            SELECT 1 FROM jobs w WHERE w.status = 'waiting' AND w.dedupe_key = jobs.dedupe_key)""")
                .bind("now", now).bind("cutoff", cutoff).execute());
    }

    private static String newOwner() {
        return UUID.randomUUID().toString();
    }

    private Optional<Job> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM jobs WHERE id = :id").bind("id", id).map(JOB).findOne();
    }

    public Optional<Job> find(long id) {
        return reads.withHandle(h -> find(h, id)).map(live::over);
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
        return reads.withHandle(h -> {
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
            return query.map(JOB).map(live::over).list();
        });
    }

    /**
     * Cancels a waiting or running job: it ends as failed with {@code reason}. A running one loses its claim, so its
     * worker is interrupted at the next heartbeat and its result is dropped. False when the job had already ended.
     */
    public boolean cancel(long id, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE jobs SET status = 'failed', worker = NULL, owner = NULL, last_error = :e, finished_at = :now
                        WHERE id = :id AND status IN ('waiting', 'running')""")
                .bind("id", id).bind("e", reason).bind("now", clock.millis()).execute()) == 1;
    }

    /** Moves a waiting job's next try to now (a "run now" after a back-off); false when it was not waiting. */
    public boolean runNow(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE jobs SET next_run_at = :now WHERE id = :id AND status = 'waiting'")
                .bind("id", id).bind("now", clock.millis()).execute()) == 1;
    }

    /** Removes finished (done or failed) jobs; returns how many. */
    public int deleteFinished() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM jobs WHERE status IN ('done', 'failed')").execute());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
