package app.pathary.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A login was refused: wrong credentials (401 on HTTP), or too many failures from the caller's address (the API answers
 * 429 with {@code Retry-After}: even the right password is refused until the lockout ends).
 */
public final class LoginRejectedException extends RuntimeException {
    private final Duration lockedFor;

    public LoginRejectedException(String message) {
        this(message, null);
    }

    public LoginRejectedException(String message, Duration lockedFor) {
        super(message);
        this.lockedFor = lockedFor;
    }

    /** How long the lockout lasts; empty for wrong credentials. */
    public Optional<Duration> lockedFor() {
        return Optional.ofNullable(lockedFor);
    }
}
