package app.pathary.jellyfin;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a Jellyfin request that failed for a passing reason (unreachable, timed out, dropped, 5xx): three tries in
 * all, waiting {@code firstWait} and then twice as long. Other failures (401, 404, ...) are thrown at once.
 */
public final class Retries {
    private final Duration firstWait;

    public Retries(Duration firstWait) {
        this.firstWait = firstWait;
    }

    public <T> T call(Supplier<T> request) {
        long wait = firstWait.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (JellyfinException e) {
                if (attempt >= 3 || !passing(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry", e);
            }
            wait *= 2;
        }
    }

    static boolean passing(JellyfinException e) {
        return e instanceof JellyfinException.Unreachable
                || (e instanceof JellyfinException.UnexpectedStatus status && status.status() >= 500);
    }
}
