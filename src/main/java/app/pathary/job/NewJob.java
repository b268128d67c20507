package app.pathary.job;

/**
 * A job row to insert: the stored shape of a {@link JobSpec}. {@code dedupeKey} (may be null): while a job with the
 * same key waits, no second one is queued, and two jobs with one key never run at the same time. Features queue
 * specs; only this package builds rows. {@code scheduledFor} (may be null): the period a schedule queued it for.
 */
record NewJob(String type, Long userId, String params, String dedupeKey, int maxAttempts, Long scheduledFor) {
    static final int DEFAULT_ATTEMPTS = 5;

    static NewJob of(JobSpec spec) {
        return new NewJob(spec.type(), spec.forUser(), JobSpecJson.params(spec), spec.dedupeKey(), DEFAULT_ATTEMPTS, null);
    }

    static NewJob of(String type, Long userId, String params, String dedupeKey) {
        return new NewJob(type, userId, params == null ? "{}" : params, dedupeKey, DEFAULT_ATTEMPTS, null);
    }

    NewJob withMaxAttempts(int attempts) {
        return new NewJob(type, userId, params, dedupeKey, attempts, scheduledFor);
    }

    /** The same job without its key (a run in the foreground is not de-duplicated). */
    NewJob withoutKey() {
        return new NewJob(type, userId, params, null, maxAttempts, scheduledFor);
    }

    /** The same job, queued by a schedule for the period that starts at {@code periodStart} (epoch millis). */
    NewJob forPeriod(long periodStart) {
        return new NewJob(type, userId, params, dedupeKey, maxAttempts, periodStart);
    }
}
