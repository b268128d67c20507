-- A user's request to keep an item on the leaving-soon schedule, and the decision: approved (kept until keep_until,
-- or forever when it is NULL), declined (with a note), or granted at once when CLEANUP_KEEP_REQUESTS=auto.
CREATE TABLE cleanup_keep_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    item_key     TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    jellyfin_ids TEXT    NOT NULL,
    requested_by TEXT    NOT NULL,
    comment      TEXT    NOT NULL DEFAULT '',
    created_at   BIGINT  NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    decided_by   TEXT,
    decided_at   BIGINT,
    note         TEXT    NOT NULL DEFAULT '',
    keep_until   TEXT
);
CREATE INDEX cleanup_keep_requests_by_status ON cleanup_keep_requests (status, created_at);
