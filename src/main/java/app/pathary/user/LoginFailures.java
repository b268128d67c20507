package app.pathary.user;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Failed logins per (account, client address), kept in the database so a lock holds across restarts and
 * across several Pathary instances.
 */
public final class LoginFailures {
    private final Jdbi jdbi;
    private final Clock clock;

    public LoginFailures(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void record(long userId, String address) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_failures WHERE failed_at < :old")
                    .bind("old", now - 2 * Accounts.LOCKOUT.toMillis()).execute();
            h.createUpdate("INSERT INTO login_failures (user_id, client_address, failed_at) VALUES (:u, :a, :now)")
                    .bind("u", userId).bind("a", address).bind("now", now).execute();
        });
    }

    /**
     * How long the account stays locked for this address; zero when it is not locked. The lock starts at the
     * failure that made {@value Accounts#MAX_FAILURES} within {@code LOCKOUT} and lasts {@code LOCKOUT}; while locked,
     * no attempt is checked or recorded.
     */
    Duration lockedFor(long userId, String address) {
        long now = clock.millis();
        long window = Accounts.LOCKOUT.toMillis();
        var recent = jdbi.withHandle(h -> h.createQuery("""
                        SELECT failed_at FROM login_failures
                        WHERE user_id = :u AND client_address = :a AND failed_at > :since
                        ORDER BY failed_at DESC""")
                .bind("u", userId).bind("a", address).bind("since", now - 2 * window)
                .mapTo(Long.class).list());
        if (recent.isEmpty()) {
            return Duration.ZERO;
        }
        long newest = recent.get(0);
        long inWindow = recent.stream().filter(t -> t >= newest - window).count();
        long lockedUntil = newest + window;
        if (inWindow < Accounts.MAX_FAILURES || lockedUntil <= now) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(lockedUntil - now);
    }

    void clear(long userId, String address) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE user_id = :u AND client_address = :a")
                .bind("u", userId).bind("a", address).execute());
    }
}
