package app.pathary.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Stores users. Names and emails are unique regardless of case. */
public final class UserRepository {
    static final RowMapper<User> USER = (rs, ctx) ->
            new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getBoolean("is_admin"));
    private final Jdbi jdbi;
    private final Clock clock;

    public UserRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    long insert(String name, String email, String passwordHash, boolean admin) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO users (name, email, password_hash, is_admin, created_at)
                        VALUES (:name, :email, :hash, :admin, :now) RETURNING id""")
                .bind("name", name).bind("email", email).bind("hash", passwordHash).bind("admin", admin)
                .bind("now", clock.millis())
                .mapTo(Long.class).one());
    }

    public Optional<User> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id")
                .bind("id", id).map(USER).findOne());
    }

    public Optional<User> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE lower(name) = lower(:name)")
                .bind("name", name).map(USER).findOne());
    }

    /** Finds a user by name or by email, as typed on the login form. */
    Optional<User> findByLogin(String login) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM users WHERE lower(name) = lower(:login) OR lower(email) = lower(:login)")
                .bind("login", login).map(USER).findFirst());
    }

    Optional<String> passwordHash(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    void updatePasswordHash(long userId, String hash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", userId).execute());
    }

    void updateAdmin(long userId, boolean admin) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET is_admin = :admin WHERE id = :id")
                .bind("admin", admin).bind("id", userId).execute());
    }

    boolean delete(long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", userId).execute()) > 0;
    }

    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY id").map(USER).list());
    }

    public boolean anyExists() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM users)").mapTo(Boolean.class).one());
    }

    long adminCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE is_admin").mapTo(Long.class).one());
    }
}
