-- Durable background jobs. A waiting job with a key is never queued twice; a key never runs twice at once.
CREATE TABLE jobs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    type           TEXT    NOT NULL,
    user_id        INTEGER REFERENCES users (id) ON DELETE CASCADE,
    params         TEXT    NOT NULL DEFAULT '{}',
    dedupe_key     TEXT,
    status         TEXT    NOT NULL CHECK (status IN ('waiting', 'running', 'done', 'failed')),
    attempts       INTEGER NOT NULL DEFAULT 0,
    max_attempts   INTEGER NOT NULL DEFAULT 5,
    next_run_at    BIGINT  NOT NULL,
    progress_done  INTEGER NOT NULL DEFAULT 0,
    progress_total INTEGER NOT NULL DEFAULT 0,
    summary        TEXT,
    last_error     TEXT,
    worker         TEXT,
    heartbeat_at   BIGINT,
    created_at     BIGINT  NOT NULL,
    started_at     BIGINT,
    finished_at    BIGINT
);
CREATE INDEX jobs_due ON jobs (status, next_run_at, id);
CREATE INDEX jobs_user ON jobs (user_id, id);
CREATE UNIQUE INDEX jobs_one_waiting_per_key ON jobs (dedupe_key) WHERE status = 'waiting';

-- Each user's Jellyfin movies by TMDb id (one TMDb id may be several items), so a sync costs no library scan.
CREATE TABLE jellyfin_items (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id TEXT    NOT NULL,
    tmdb_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);
CREATE INDEX jellyfin_items_tmdb ON jellyfin_items (user_id, tmdb_id);
