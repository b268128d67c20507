-- An uploaded history file (Movary, Letterboxd, Trakt, Pathary CSVs) read and matched (movie dates in dates, episode dates in episodes, JSON), waiting for its owner's commit:
-- the preview is built from it, rows without a movie are resolved by hand, and the commit removes it in the same
-- transaction that adds the dates. At most one per user; older than a day counts as gone.
CREATE TABLE history_imports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    format        TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    row_count     INTEGER NOT NULL,
    dates         TEXT    NOT NULL,
    episodes      TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);
CREATE INDEX history_imports_by_user ON history_imports (user_id);
