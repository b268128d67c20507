-- Failed logins are counted per subject and client address: "user:<id>" for an account that exists, "login:<what was
-- typed, lower case>" for one that does not. Unknown names are locked out exactly like known ones, so the lockout
-- message no longer tells whether an account exists. Existing rows keep counting.
CREATE TABLE login_failures_by_subject (
    subject        TEXT   NOT NULL,
    client_address TEXT   NOT NULL,
    failed_at      BIGINT NOT NULL
);
INSERT INTO login_failures_by_subject (subject, client_address, failed_at)
    SELECT 'user:' || user_id, client_address, failed_at FROM login_failures;
DROP TABLE login_failures;
ALTER TABLE login_failures_by_subject RENAME TO login_failures;
CREATE INDEX login_failures_lookup ON login_failures (subject, client_address, failed_at);
