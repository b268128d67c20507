-- One row the health check rewrites (at most every few seconds): a write that fails (full disk, read-only or locked
-- database, a deleted file) turns /health and /health/ready to 503 with the reason.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    checked_at BIGINT NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
