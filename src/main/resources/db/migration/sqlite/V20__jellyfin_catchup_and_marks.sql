-- Where a watch date came from when that matters to the user: NULL for a play Pathary saw (webhook, page, API, CSV,
-- import), 'catchup' for a play the catch-up sync found in Jellyfin that the webhook missed, 'mark' for a hand mark in
-- Jellyfin ("Mark played", a UserDataSaved with SaveReason TogglePlayed) that the user chose to count.
ALTER TABLE watch_dates ADD COLUMN source TEXT;

-- Per user: the LastPlayedDate (epoch ms) up to which the catch-up sync has read Jellyfin's plays, when it last ran,
-- and whether hand marks in Jellyfin count as plays.
ALTER TABLE jellyfin_links ADD COLUMN catchup_watermark BIGINT;
ALTER TABLE jellyfin_links ADD COLUMN catchup_at BIGINT;
ALTER TABLE jellyfin_links ADD COLUMN accept_marks BOOLEAN NOT NULL DEFAULT 0;

-- What Pathary itself last wrote as an item's LastPlayedDate in a user's Jellyfin (export, automatic sync): the
-- catch-up sync and the webhook recognise these echoes of Pathary's own writes and ignore them.
CREATE TABLE jellyfin_writes (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id    TEXT    NOT NULL,
    played_at  BIGINT  NOT NULL,
    written_at BIGINT  NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

-- Each user's Jellyfin episode items by their series' provider ids, season and number, so that syncing one episode's
-- change needs no library scan (the movies have jellyfin_items). Import and export rebuild it.
CREATE TABLE jellyfin_episode_items (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    item_id TEXT    NOT NULL,
    tvdb_id INTEGER,
    tmdb_id INTEGER,
    imdb_id TEXT,
    season  INTEGER NOT NULL,
    number  INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
);
CREATE INDEX jellyfin_episode_items_episode ON jellyfin_episode_items (user_id, season, number);
