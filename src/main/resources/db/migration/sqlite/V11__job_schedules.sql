-- Periodic jobs shared by every Pathary instance on the database: one row per schedule. An instance queues a period's
-- job only by moving next_due_at on in the same transaction (a compare-and-set on the due time it read), so each
-- period is queued once across replicas, and by whichever instance is alive when it falls due.
CREATE TABLE job_schedules (
    name        TEXT    PRIMARY KEY,
    every_ms    BIGINT  NOT NULL,
    next_due_at BIGINT  NOT NULL,
    queued_at   BIGINT,
    queued_by   TEXT,
    last_job_id BIGINT
);

-- The start of the period a scheduled job was queued for (NULL for jobs queued otherwise). The database itself refuses
-- a second job of one schedule (its key) for the same period.
ALTER TABLE jobs ADD COLUMN scheduled_for BIGINT;
CREATE UNIQUE INDEX jobs_one_per_period ON jobs (dedupe_key, scheduled_for);
