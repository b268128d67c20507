-- TV shows, shared by every user. A show is known by any of its provider ids (at least one); each id names one show.
CREATE TABLE shows (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tvdb_id    INTEGER,
    tmdb_id    INTEGER,
    imdb_id    TEXT,
    title      TEXT    NOT NULL,
    year       INTEGER,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    CHECK (tvdb_id IS NOT NULL OR tmdb_id IS NOT NULL OR imdb_id IS NOT NULL)
);
CREATE UNIQUE INDEX shows_tvdb_id ON shows (tvdb_id) WHERE tvdb_id IS NOT NULL;
CREATE UNIQUE INDEX shows_tmdb_id ON shows (tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE UNIQUE INDEX shows_imdb_id ON shows (imdb_id) WHERE imdb_id IS NOT NULL;
CREATE INDEX shows_title ON shows (lower(title));

-- An episode of a show: season 0 holds the specials; end_number is the last episode of a multi-episode file.
CREATE TABLE episodes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id    INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season     INTEGER NOT NULL CHECK (season >= 0),
    number     INTEGER NOT NULL CHECK (number >= 0),
    end_number INTEGER CHECK (end_number IS NULL OR end_number >= number),
    title      TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE UNIQUE INDEX episodes_one_per_number ON episodes (show_id, season, number);

-- Episode watch dates: the same rules as watch_dates (one row per user, episode and date; one unknown date). source says
-- where the date came from first: webhook, catchup, mark (a hand mark in Jellyfin), import, jellyfin, page, api, cli.
CREATE TABLE episode_watch_dates (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    watched_at TEXT,
    plays      INTEGER NOT NULL CHECK (plays >= 1),
    comment    TEXT,
    source     TEXT,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
CREATE UNIQUE INDEX episode_watch_dates_one_per_date ON episode_watch_dates (user_id, episode_id, watched_at);
CREATE UNIQUE INDEX episode_watch_dates_one_unknown_date ON episode_watch_dates (user_id, episode_id) WHERE watched_at IS NULL;
-- Covers the paged episode history as watch_dates_history does for movies.
CREATE INDEX episode_watch_dates_history ON episode_watch_dates (user_id, watched_at, id, episode_id);
CREATE INDEX episode_watch_dates_episode ON episode_watch_dates (episode_id);
