-- Radarr/Sonarr instances added on the admin page (those from the environment or CONFIG_FILE are not stored).
CREATE TABLE arr_instances (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL CHECK (kind IN ('radarr', 'sonarr')),
    name       TEXT    NOT NULL UNIQUE,
    url        TEXT    NOT NULL,
    api_key    TEXT    NOT NULL,
    path_map   TEXT    NOT NULL DEFAULT '',
    keep_tag   TEXT    NOT NULL DEFAULT 'keep',
    created_at BIGINT  NOT NULL
);

-- Items an admin excluded from cleanup by hand, by Jellyfin id.
CREATE TABLE cleanup_exclusions (
    jellyfin_id TEXT   PRIMARY KEY,
    title       TEXT   NOT NULL,
    excluded_by TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);

-- Plans as made (JSON), the latest kept.
CREATE TABLE cleanup_plans (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at BIGINT  NOT NULL,
    plan       TEXT    NOT NULL
);

-- Every action taken or attempted, kept.
CREATE TABLE cleanup_audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         BIGINT  NOT NULL,
    run_id     TEXT    NOT NULL,
    started_by TEXT    NOT NULL,
    instance   TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    bytes      BIGINT  NOT NULL,
    result     TEXT    NOT NULL,
    reasons    TEXT    NOT NULL
);
CREATE INDEX cleanup_audit_at ON cleanup_audit (id);
