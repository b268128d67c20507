-- Notification channels added on the admin page (those from the environment or CONFIG_FILE are not stored). The secret
-- (ntfy token, SMTP password) is sealed with the app secret, like the API keys of Radarr and Sonarr.
CREATE TABLE notify_channels (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL CHECK (kind IN ('webhook', 'ntfy', 'discord', 'email')),
    url          TEXT    NOT NULL,
    topic        TEXT    NOT NULL DEFAULT '',
    username     TEXT    NOT NULL DEFAULT '',
    secret       TEXT    NOT NULL DEFAULT '',
    from_address TEXT    NOT NULL DEFAULT '',
    to_addresses TEXT    NOT NULL DEFAULT '',
    events       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL
);

-- Every attempt to send a notification, ok or failed with the reason (never a secret); the newest are shown on the page.
CREATE TABLE notify_sends (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    attempt    INTEGER NOT NULL,
    ok         BOOLEAN NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    sent_at    BIGINT  NOT NULL,
    message_key TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX notify_sends_by_time ON notify_sends (sent_at);
