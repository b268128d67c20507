package app.pathary.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a call again when it failed for a passing reason: {@code attempts} tries in all, waiting about
 * {@code firstWait} before the second and twice as long before each one after. Every wait is jittered (between
 * half and all of its nominal length) so that several callers hit by the same outage do not come back in step.
 *
 * <p>The caller decides which failures pass (a 5xx, a dropped connection, a timeout) and must only hand over
 * calls that are safe to repeat, such as reads. Once the attempts are spent, or when interrupted while waiting,
 * the last failure is thrown as it was.
 */
public final class RetryPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    /** One attempt: nothing is tried again. */
    public static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO);

    /** The longest wait between two attempts of a {@link #patient} policy, in multiples of its first wait. */
    static final int PATIENT_CAP = 30;

    private final int attempts;
    private final Duration firstWait;
    private final Duration maxWait;

    public RetryPolicy(int attempts, Duration firstWait) {
        this(attempts, firstWait, null);
    }

    /** As {@link #RetryPolicy(int, Duration)}, with no wait longer than {@code maxWait} (null: no cap). */
    public RetryPolicy(int attempts, Duration firstWait, Duration maxWait) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (firstWait.isNegative()) {
            throw new IllegalArgumentException("firstWait must not be negative, was " + firstWait);
        }
        this.attempts = attempts;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    /** Three attempts, the way every read of a remote system is retried. */
    public static RetryPolicy threeAttempts(Duration firstWait) {
        return new RetryPolicy(3, firstWait);
    }

    /**
     * Eight attempts, the waits doubling from {@code firstWait} up to 30 times it (1 s, 2 s, 4 s ... 30 s: about a minute
     * and a half in all before the jitter): for background jobs, which may wait out a flaky network instead of failing
     * a whole run (and starting it over) because one request of thousands was unlucky three times.
     */
    public static RetryPolicy patient(Duration firstWait) {
        return new RetryPolicy(8, firstWait, firstWait.multipliedBy(PATIENT_CAP));
    }

    public int attempts() {
        return attempts;
    }

    /**
     * @param call    what to try; only calls that are safe to repeat
     * @param passing whether a failure may pass by itself, so that trying again makes sense
     * @param what    names the call in debug log lines, e.g. {@code Radarr (main) GET /api/v3/movie}
     */
    public <T> T call(Supplier<T> call, Predicate<? super RuntimeException> passing, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException failure) {
                if (attempt >= attempts || !passing.test(failure)) {
                    throw failure;
                }
                Duration wait = waitBefore(attempt + 1, ThreadLocalRandom.current().nextDouble());
                LOG.debug("{} failed ({}); attempt {} of {} in {} ms", what, failure.getMessage(), attempt + 1, attempts,
                        wait.toMillis());
                if (!sleep(wait)) {
                    throw failure;
                }
            }
        }
    }

    /**
     * The wait before attempt {@code attempt} (2 or more): {@code firstWait} doubled for each attempt after the second,
     * scaled by {@code 0.5 + random / 2}.
     *
     * @param random a number from 0 (inclusive) to 1 (exclusive)
     */
    Duration waitBefore(int attempt, double random) {
        long nominal = firstWait.toMillis() << Math.min(attempt - 2, 20);
        if (maxWait != null) {
            nominal = Math.min(nominal, maxWait.toMillis());
        }
        return Duration.ofMillis(Math.round(nominal * (0.5 + random / 2)));
    }

    private static boolean sleep(Duration wait) {
        if (wait.isZero()) {
            return true;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[attempts=" + attempts + ", firstWait=" + firstWait + (maxWait == null ? "" : ", maxWait=" + maxWait) + "]";
    }
}
