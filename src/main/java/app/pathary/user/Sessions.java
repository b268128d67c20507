package app.pathary.user;

import app.pathary.common.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Browser sessions, stored in the database (they survive restarts and work across instances). The cookie holds
 * a random id; the table holds its hash and the session's CSRF token.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofDays(30);
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Clock clock;

    public Sessions(Jdbi jdbi, Clock clock) {
        this(jdbi, jdbi, clock);
    }

    /**
     * {@code reads} finds sessions: on SQLite a reader connection, so pages still answer while a long write
     * transaction (an import's commit) holds the one writer.
     */
    public Sessions(Jdbi jdbi, Jdbi reads, Clock clock) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.clock = clock;
    }

    public record Session(User user, String csrfToken) {
    }

    /** Starts a session and returns the secret cookie value. */
    public String start(long userId) {
        String id = Tokens.random();
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("""
                            INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
                            VALUES (:id, :user, :csrf, :now, :expires)""")
                    .bind("id", Tokens.hash(id)).bind("user", userId).bind("csrf", Tokens.random())
                    .bind("now", now).bind("expires", now + LIFETIME.toMillis()).execute();
        });
        return id;
    }

    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        return reads.withHandle(h -> h.createQuery("""
                        SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.id_hash = :id AND s.expires_at > :now""")
                .bind("id", Tokens.hash(cookieValue)).bind("now", clock.millis())
                .map((rs, ctx) -> new Session(UserRepository.USER.map(rs, ctx), rs.getString("csrf_token")))
                .findOne());
    }

    public void end(String cookieValue) {
        if (cookieValue != null) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                    .bind("id", Tokens.hash(cookieValue)).execute());
        }
    }

    /** Ends every session of a user (after a password change, except the one given); returns how many ended. */
    public int endAllOf(long userId, String exceptCookieValue) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND id_hash <> :keep")
                .bind("u", userId).bind("keep", exceptCookieValue == null ? "" : Tokens.hash(exceptCookieValue)).execute());
    }
}
