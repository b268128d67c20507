package app.pathary.job;

/**
 * A job to queue. {@code dedupeKey} (may be null): while a job with the same key waits, no second one is queued, and
 * two jobs with one key never run at the same time.
 */
public record NewJob(String type, Long userId, String params, String dedupeKey, int maxAttempts) {
    public static final int DEFAULT_ATTEMPTS = 5;

    public static NewJob of(String type, Long userId, String params, String dedupeKey) {
        return new NewJob(type, userId, params == null ? "{}" : params, dedupeKey, DEFAULT_ATTEMPTS);
    }
}
