package app.pathary.jellyfin.sync;

import app.pathary.common.RetryPolicy;
import app.pathary.jellyfin.client.JellyfinException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries the sync's writes to Jellyfin when they failed for a passing reason ({@link JellyfinException#retryable()}: a
 * 5xx, a dropped connection, a timeout) with {@link RetryPolicy#patient}: eight tries, the jittered waits doubling from
 * {@code firstWait} up to 30 times it. Those writes set a state (played on a date, unplayed), so sending one twice is
 * harmless. Reads need no wrapping: the transport of the jobs' client retries them the same way. Other failures
 * (401, 404, ...) are thrown at once.
 */
public final class Retries {
    private final RetryPolicy policy;

    public Retries(Duration firstWait) {
        this.policy = RetryPolicy.patient(firstWait);
    }

    public <T> T call(Supplier<T> request) {
        return policy.call(request, failure -> failure instanceof JellyfinException e && e.retryable(), "a Jellyfin write");
    }
}
