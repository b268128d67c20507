-- The leaving-soon schedule: every item a plan found eligible, with the day it was first seen eligible and the day it
-- leaves (first seen + CLEANUP_LEAVING_SOON_DAYS, in TIMEZONE). A later plan keeps the date; an item that stops being
-- eligible leaves the schedule (state 'kept') with the reason; an executed deletion marks it 'deleted'.
CREATE TABLE cleanup_leaving (
    item_key     TEXT    PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('movie', 'season')),
    title        TEXT    NOT NULL,
    instance     TEXT    NOT NULL,
    jellyfin_ids TEXT    NOT NULL,
    bytes        BIGINT  NOT NULL,
    reasons      TEXT    NOT NULL,
    first_seen   TEXT    NOT NULL,
    leaves_on    TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('leaving', 'kept', 'deleted')),
    outcome      TEXT,
    updated_at   BIGINT  NOT NULL
);
CREATE INDEX cleanup_leaving_by_state ON cleanup_leaving (state, leaves_on);

-- The Jellyfin "Leaving soon" collections Pathary made (one per kind), so it can find, recreate and remove its own.
CREATE TABLE cleanup_leaving_collections (
    kind        TEXT   PRIMARY KEY CHECK (kind IN ('movie', 'series')),
    name        TEXT   NOT NULL,
    jellyfin_id TEXT   NOT NULL,
    members     TEXT   NOT NULL DEFAULT '',
    updated_at  BIGINT NOT NULL
);
