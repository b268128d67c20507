-- A movie's running time in minutes, from Jellyfin (RunTimeTicks) when a library import sees it; NULL when unknown.
ALTER TABLE movies ADD COLUMN runtime_minutes INTEGER;
