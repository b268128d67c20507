-- The commit of a staged import runs as a job (history_import_commit): status tells staged (waiting for its owner),
-- committing (a job is queued or running: job_id) and committed (result holds what the commit added, as JSON, and
-- the rows are dropped). The job's one transaction adds the dates and sets committed together, so a commit run twice
-- (a retry after a crash, a second click) adds nothing the second time.
ALTER TABLE history_imports ADD COLUMN status TEXT NOT NULL DEFAULT 'staged';
ALTER TABLE history_imports ADD COLUMN job_id BIGINT;
ALTER TABLE history_imports ADD COLUMN result TEXT;
