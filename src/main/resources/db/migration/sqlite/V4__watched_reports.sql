-- The latest watched-state reports (the JSON the API returns), newest kept.
CREATE TABLE watched_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    computed_at BIGINT  NOT NULL,
    report      TEXT    NOT NULL
);
