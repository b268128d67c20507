-- Timestamps are epoch milliseconds (BIGINT); calendar dates are ISO text (yyyy-MM-dd).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    is_admin      BOOLEAN NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX users_name_unique ON users (lower(name));
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_address TEXT    NOT NULL,
    failed_at      BIGINT  NOT NULL
);
CREATE INDEX login_failures_lookup ON login_failures (user_id, client_address, failed_at);

CREATE TABLE movies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tmdb_id    INTEGER NOT NULL UNIQUE,
    imdb_id    TEXT,
    title      TEXT    NOT NULL,
    year       INTEGER,
    overview   TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE INDEX movies_title ON movies (lower(title));

CREATE TABLE watch_dates (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id   INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    watched_at TEXT,
    plays      INTEGER NOT NULL CHECK (plays >= 1),
    comment    TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE UNIQUE INDEX watch_dates_one_per_date ON watch_dates (user_id, movie_id, watched_at);
CREATE UNIQUE INDEX watch_dates_one_unknown_date ON watch_dates (user_id, movie_id) WHERE watched_at IS NULL;
-- Covers the paged history: count, order and the page's ids (and its movies, for a title search) from the index alone.
CREATE INDEX watch_dates_history ON watch_dates (user_id, watched_at, id, movie_id);
CREATE INDEX watch_dates_movie ON watch_dates (movie_id);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
