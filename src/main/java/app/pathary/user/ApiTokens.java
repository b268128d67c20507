package app.pathary.user;

import app.pathary.common.NotFoundException;
import app.pathary.common.Rows;
import app.pathary.common.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Bearer tokens for the JSON API. Only their hashes are stored; the token is shown once, when created. */
public final class ApiTokens {
    private final Jdbi jdbi;
    private final Clock clock;

    public ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    public String create(long userId, String name) {
        String token = Tokens.random();
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (:u, :name, :hash, :now)""")
                .bind("u", userId).bind("name", label.length() > 100 ? label.substring(0, 100) : label)
                .bind("hash", Tokens.hash(token)).bind("now", clock.millis()).execute());
        return token;
    }

    /** The user a token belongs to; marks the token used (at most once a minute, to spare the writer). */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        record Found(User user, Long lastUsed) {
        }
        Optional<Found> found = jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.*, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Found(UserRepository.USER.map(rs, ctx), Rows.nullableLong(rs, "last_used_at")))
                .findOne());
        found.ifPresent(f -> {
            long now = clock.millis();
            if (f.lastUsed() == null || now - f.lastUsed() > 60_000) {
                jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                        .bind("now", now).bind("hash", hash).execute());
            }
        });
        return found.map(Found::user);
    }

    public List<TokenInfo> list(long userId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = :u ORDER BY id")
                .bind("u", userId)
                .map((rs, ctx) -> {
                    Long used = Rows.nullableLong(rs, "last_used_at");
                    return new TokenInfo(rs.getLong("id"), rs.getString("name"),
                            Instant.ofEpochMilli(rs.getLong("created_at")), used == null ? null : Instant.ofEpochMilli(used));
                })
                .list());
    }

    public void revoke(long userId, long tokenId) {
        int deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :u")
                .bind("id", tokenId).bind("u", userId).execute());
        if (deleted == 0) {
            throw new NotFoundException("No API token with id " + tokenId + ".");
        }
    }

    /** Revokes every token of a user (after a password change); returns how many there were. */
    public int revokeAllOf(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE user_id = :u").bind("u", userId).execute());
    }

    public boolean revokeToken(String token) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", Tokens.hash(token)).execute()) > 0;
    }
}
