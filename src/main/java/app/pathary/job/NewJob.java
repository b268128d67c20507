package app.pathary.job;

/**
 * A job row to insert: the stored shape of a {@link JobSpec}. {@code dedupeKey} (may be null): while a job with the
 * same key waits, no second one is queued, and two jobs with one key never run at the same time. Features queue
 * specs; only this package builds rows.
 */
record NewJob(String type, Long userId, String params, String dedupeKey, int maxAttempts) {
    static final int DEFAULT_ATTEMPTS = 5;

    static NewJob of(JobSpec spec) {
        return new NewJob(spec.type(), spec.forUser(), JobSpecJson.params(spec), spec.dedupeKey(), DEFAULT_ATTEMPTS);
    }

    static NewJob of(String type, Long userId, String params, String dedupeKey) {
        return new NewJob(type, userId, params == null ? "{}" : params, dedupeKey, DEFAULT_ATTEMPTS);
    }

    NewJob withMaxAttempts(int attempts) {
        return new NewJob(type, userId, params, dedupeKey, attempts);
    }

    /** The same job without its key (a run in the foreground is not de-duplicated). */
    NewJob withoutKey() {
        return new NewJob(type, userId, params, null, maxAttempts);
    }
}
