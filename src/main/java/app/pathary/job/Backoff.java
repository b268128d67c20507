package app.pathary.job;

import java.time.Duration;

/** When to retry a failed job: 10 s after the first failure, doubling each time, at most 30 minutes. */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(30);

    private Backoff() {
    }

    static Duration after(int attempts) {
        long seconds = FIRST.toSeconds() << Math.min(Math.max(attempts - 1, 0), 20);
        return seconds > MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds);
    }
}
