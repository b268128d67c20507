-- Watch dates outside the window every entry point now enforces (1888-01-01 to tomorrow in TIMEZONE; two days after
-- today's UTC date here, which covers every time zone) or that are no date at all broke the history pages, APIs and
-- exports of their user. Each such row becomes the movie's "date unknown" entry: its plays are added to that entry (one is
-- made when the movie has none) and a note in its comment names the unusable date(s) and keeps their comments. No play
-- is deleted, and the original rows are kept, as they were, in watch_date_repairs.
CREATE TABLE watch_date_repairs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    movie_id    INTEGER NOT NULL REFERENCES movies (id) ON DELETE CASCADE,
    stored_date TEXT    NOT NULL,
    plays       INTEGER NOT NULL,
    comment     TEXT,
    repaired_at BIGINT  NOT NULL
);

INSERT INTO watch_date_repairs (source_id, user_id, movie_id, stored_date, plays, comment, repaired_at)
SELECT id, user_id, movie_id, watched_at, plays, comment, CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM watch_dates
WHERE watched_at IS NOT NULL
  AND (date(watched_at) IS NULL OR watched_at < '1888-01-01' OR watched_at > date('now', '+2 days'))
ORDER BY id;

-- A movie that already has a "date unknown" entry takes the plays of its unusable dates.
UPDATE watch_dates
SET plays      = plays + (SELECT sum(r.plays) FROM watch_date_repairs r
                          WHERE r.user_id = watch_dates.user_id AND r.movie_id = watch_dates.movie_id),
    comment    = (SELECT CASE WHEN watch_dates.comment IS NULL THEN '' ELSE watch_dates.comment || char(10) END
                             || 'Moved here from the unusable date(s) ' || group_concat(r.stored_date, ', ')
                             || ' when Pathary was upgraded' || coalesce('; their comments: ' || group_concat(r.comment, ' | '), '') || '.'
                      FROM watch_date_repairs r WHERE r.user_id = watch_dates.user_id AND r.movie_id = watch_dates.movie_id),
    updated_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
WHERE watched_at IS NULL
  AND EXISTS (SELECT 1 FROM watch_date_repairs r WHERE r.user_id = watch_dates.user_id AND r.movie_id = watch_dates.movie_id);

-- Otherwise the movie's first unusable row becomes its "date unknown" entry, with the plays of all of them.
UPDATE watch_dates
SET watched_at = NULL,
    plays      = (SELECT sum(r.plays) FROM watch_date_repairs r
                  WHERE r.user_id = watch_dates.user_id AND r.movie_id = watch_dates.movie_id),
    comment    = (SELECT 'Moved here from the unusable date(s) ' || group_concat(r.stored_date, ', ')
                             || ' when Pathary was upgraded' || coalesce('; their comments: ' || group_concat(r.comment, ' | '), '') || '.'
                  FROM watch_date_repairs r WHERE r.user_id = watch_dates.user_id AND r.movie_id = watch_dates.movie_id),
    updated_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000
WHERE id IN (SELECT min(r.source_id) FROM watch_date_repairs r GROUP BY r.user_id, r.movie_id)
  AND NOT EXISTS (SELECT 1 FROM watch_dates n
                  WHERE n.user_id = watch_dates.user_id AND n.movie_id = watch_dates.movie_id AND n.watched_at IS NULL);

-- The other unusable rows are now counted in the "date unknown" entry.
DELETE FROM watch_dates
WHERE watched_at IS NOT NULL AND id IN (SELECT source_id FROM watch_date_repairs);
