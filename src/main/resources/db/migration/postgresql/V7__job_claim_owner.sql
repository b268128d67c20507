-- Each claim of a job gets a fresh owner token. Heartbeats, progress and results only apply while the row still carries
-- the claimant's token, so a worker whose job was queued again elsewhere (it went silent) cannot overwrite the new run.
ALTER TABLE jobs ADD COLUMN owner TEXT;
