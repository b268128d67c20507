-- Free space per disk, one row at every cleanup plan and execution, kept one year (the cleanup page draws them).
-- free_bytes NULL: the figure was unknown. reclaimed_bytes: what the execution deleted on this disk (0 for a plan).
CREATE TABLE disk_samples (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at INTEGER NOT NULL,
    disk TEXT NOT NULL,
    free_bytes INTEGER,
    total_bytes INTEGER,
    reclaimed_bytes INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE INDEX disk_samples_disk_time ON disk_samples (disk, taken_at);
CREATE INDEX disk_samples_time ON disk_samples (taken_at);
