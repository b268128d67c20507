package app.pathary.user;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Failed logins per (subject, client address), kept in the database so a lock holds across restarts and across several
 * Pathary instances. The subject is {@code user:<id>} for an account that exists and {@code login:<typed name, lower
 * case>} for one that does not, so an unknown name is locked out exactly like a known one and the lockout tells nothing
 * about which accounts exist.
 */
public final class LoginFailures {
    private final Jdbi jdbi;
    private final Clock clock;

    public LoginFailures(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void record(String subject, String address) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM login_failures WHERE failed_at < :old")
                    .bind("old", now - 2 * Accounts.LOCKOUT.toMillis()).execute();
            h.createUpdate("INSERT INTO login_failures (subject, client_address, failed_at) VALUES (:s, :a, :now)")
                    .bind("s", subject).bind("a", address).bind("now", now).execute();
        });
    }

    /**
     * How long the account stays locked for this address; zero when it is not locked. The lock starts at the
     * failure that made {@value Accounts#MAX_FAILURES} within {@code LOCKOUT} and lasts {@code LOCKOUT}; while locked,
     * no attempt is checked or recorded.
     */
    Duration lockedFor(String subject, String address) {
        long now = clock.millis();
        long window = Accounts.LOCKOUT.toMillis();
        var recent = jdbi.withHandle(h -> h.createQuery("""
                        SELECT failed_at FROM login_failures
                        WHERE subject = :s AND client_address = :a AND failed_at > :since
                        ORDER BY failed_at DESC""")
                .bind("s", subject).bind("a", address).bind("since", now - 2 * window)
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

    void clear(String subject, String address) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE subject = :s AND client_address = :a")
                .bind("s", subject).bind("a", address).execute());
    }

    static String subjectOf(long userId) {
        return "user:" + userId;
    }

    /** The subject of a name or email no account has (as typed, without surrounding space, in lower case). */
    static String subjectOfUnknown(String login) {
        return "login:" + login.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
