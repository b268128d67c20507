-- One row per Pathary user who uses Jellyfin: webhook secret, scrobbling switch, server and login.
CREATE TABLE jellyfin_links (
    user_id            INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    webhook_id         TEXT UNIQUE,
    scrobble_enabled   BOOLEAN NOT NULL DEFAULT 1,
    server_url         TEXT,
    jellyfin_user_id   TEXT,
    jellyfin_user_name TEXT,
    access_token       TEXT,
    login_invalid      BOOLEAN NOT NULL DEFAULT 0,
    sync_enabled       BOOLEAN NOT NULL DEFAULT 0,
    updated_at         BIGINT  NOT NULL
);

-- What each webhook delivery did (the settings page shows the latest ones).
CREATE TABLE jellyfin_deliveries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    received_at BIGINT  NOT NULL,
    title       TEXT,
    result      TEXT    NOT NULL,
    reason      TEXT
);
CREATE INDEX jellyfin_deliveries_user ON jellyfin_deliveries (user_id, id);

-- Deliveries already counted: (Jellyfin user, item, UtcTimestamp) per Pathary user, claimed with the play.
CREATE TABLE jellyfin_scrobbles (
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    delivery_key TEXT    NOT NULL,
    received_at  BIGINT  NOT NULL,
    PRIMARY KEY (user_id, delivery_key)
);
CREATE INDEX jellyfin_scrobbles_age ON jellyfin_scrobbles (user_id, received_at);
