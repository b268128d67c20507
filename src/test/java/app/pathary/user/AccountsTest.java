package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.ForbiddenException;
import app.pathary.common.InvalidInputException;
import app.pathary.common.LoginRejectedException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class AccountsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private Database database;
    private Accounts accounts;
    private Sessions sessions;
    private ApiTokens tokens;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        accounts = new Accounts(new UserRepository(database.jdbi(), clock), new LoginFailures(database.jdbi(), clock));
        sessions = new Sessions(database.jdbi(), clock);
        tokens = new ApiTokens(database.jdbi(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_user_logs_in_by_name_or_email_in_any_case(Dialect dialect) {
        open(dialect);
        User alice = accounts.create("Alice@Example.org", "password1", "Alice", false);
        assertThat(alice.email()).isEqualTo("alice@example.org");
        assertThat(accounts.logIn("alice", "password1", "10.0.0.1")).isEqualTo(alice);
        assertThat(accounts.logIn("ALICE@example.org", "password1", "10.0.0.1")).isEqualTo(alice);
        assertThatThrownBy(() -> accounts.logIn("alice", "wrong-password", "10.0.0.1")).isInstanceOf(LoginRejectedException.class);
        assertThatThrownBy(() -> accounts.logIn("nobody", "password1", "10.0.0.1")).isInstanceOf(LoginRejectedException.class)
                .hasMessage("Wrong name, email or password.");
    }

    @Test
    void names_and_emails_are_unique_regardless_of_case_and_input_is_checked(Dialect dialect) {
        open(dialect);
        accounts.create("alice@example.org", "password1", "alice", false);
        assertThatThrownBy(() -> accounts.create("other@example.org", "password1", "ALICE", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.create("ALICE@example.org", "password1", "bob", false)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.create("not-an-email", "password1", "bob", false)).hasMessageContaining("email");
        assertThatThrownBy(() -> accounts.create("bob@example.org", "short", "bob", false)).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> accounts.create("bob@example.org", "password1", "bob smith", false)).hasMessageContaining("name");
    }

    @Test
    void five_failures_from_one_address_lock_the_account_there_for_fifteen_minutes(Dialect dialect) {
        open(dialect);
        accounts.create("alice@example.org", "password1", "alice", false);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.logIn("alice", "wrong-password", "10.0.0.9")).hasMessage("Wrong name, email or password.");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> accounts.logIn("alice", "password1", "10.0.0.9"))
                .isInstanceOf(LoginRejectedException.class).hasMessageContaining("Too many failed logins");
        assertThat(accounts.logIn("alice", "password1", "10.0.0.7").name()).isEqualTo("alice");
        clock.advance(Duration.ofMinutes(13));
        assertThatThrownBy(() -> accounts.logIn("alice", "password1", "10.0.0.9")).hasMessageContaining("try again in 1 minute.");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(accounts.logIn("alice", "password1", "10.0.0.9").name()).isEqualTo("alice");
    }

    @Test
    void an_unknown_name_is_locked_out_exactly_like_a_known_one_so_the_lockout_tells_nothing(Dialect dialect) {
        open(dialect);
        accounts.create("alice@example.org", "password1", "alice", false);
        java.util.Map<String, java.util.List<String>> answers = new java.util.LinkedHashMap<>();
        for (String login : java.util.List.of("alice", "nobody", "ALICE@example.org", "Nobody@Example.org")) {
            var seen = new java.util.ArrayList<String>();
            for (int i = 0; i < 7; i++) {
                String address = "10.0.0." + login.length(); // one address per name, so the locks do not mix
                try {
                    accounts.logIn(login, "wrong-password", address);
                    seen.add("logged in");
                } catch (LoginRejectedException e) {
                    seen.add(e.getMessage());
                }
            }
            answers.put(login, seen);
        }
        assertThat(answers.get("alice")).endsWith("Too many failed logins from this address; try again in 15 minutes.")
                .startsWith("Wrong name, email or password.");
        assertThat(answers.get("nobody")).as("an account that does not exist").isEqualTo(answers.get("alice"));
        assertThat(answers.get("Nobody@Example.org")).as("another spelling of nobody").isEqualTo(answers.get("ALICE@example.org"));
        clock.advance(Accounts.LOCKOUT.plusSeconds(1));
        assertThatThrownBy(() -> accounts.logIn("nobody", "wrong-password", "10.0.0.6")).hasMessage("Wrong name, email or password.");
    }

    @Test
    void the_last_admin_can_neither_be_deleted_nor_demoted(Dialect dialect) {
        open(dialect);
        User admin = accounts.create("admin@example.org", "password1", "admin", true);
        User bob = accounts.create("bob@example.org", "password1", "bob", false);
        assertThatThrownBy(() -> accounts.delete(admin.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> accounts.setAdmin(admin.id(), false)).isInstanceOf(ForbiddenException.class);
        accounts.setAdmin(bob.id(), true);
        accounts.delete(admin.id());
        assertThat(accounts.all()).extracting(User::name).containsExactly("bob");
    }

    @Test
    void a_password_change_needs_the_current_password(Dialect dialect) {
        open(dialect);
        User alice = accounts.create("alice@example.org", "password1", "alice", false);
        assertThatThrownBy(() -> accounts.changePassword(alice.id(), "nope-nope", "password2")).hasMessageContaining("current password");
        accounts.changePassword(alice.id(), "password1", "password2");
        assertThat(accounts.logIn("alice", "password2", "a").id()).isEqualTo(alice.id());
    }

    @Test
    void passwords_are_measured_in_utf8_bytes_up_to_bcrypts_72(Dialect dialect) {
        open(dialect);
        String euros72 = "€".repeat(24);
        String euros75 = "€".repeat(25);
        String accents73 = "é".repeat(36) + "a";
        assertThat(euros75).as("25 characters, far under 72, yet 75 bytes").hasSize(25);
        User alice = accounts.create("alice@example.org", euros72, "alice", false);
        assertThat(accounts.logIn("alice", euros72, "a")).isEqualTo(alice);
        assertThatThrownBy(() -> accounts.logIn("alice", euros72 + "€", "a")).as("bcrypt must not cut the extra bytes off")
                .isInstanceOf(LoginRejectedException.class).hasMessage("Wrong name, email or password.");
        assertThatThrownBy(() -> accounts.logIn("nobody", euros75, "a")).isInstanceOf(LoginRejectedException.class);
        assertThatThrownBy(() -> accounts.create("bob@example.org", euros75, "bob", false)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The password is longer than 72 bytes (UTF-8): it has 75.");
        assertThatThrownBy(() -> accounts.createByOperator("bob@example.org", accents73, "bob", false))
                .hasMessageStartingWith("The password is longer than 72 bytes (UTF-8): it has 73.");
        assertThatThrownBy(() -> accounts.changePassword(alice.id(), euros72, accents73)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The new password is longer than 72 bytes (UTF-8): it has 73.");
        assertThatThrownBy(() -> accounts.changePassword(alice.id(), euros75, "password2")).hasMessage("The current password is wrong.");
        accounts.changePassword(alice.id(), euros72, "é".repeat(36));
        assertThat(accounts.logIn("alice", "é".repeat(36), "a")).isEqualTo(alice);
        assertThat(accounts.createByOperator("carol@example.org", "x".repeat(72), "carol", false).name()).isEqualTo("carol");
    }

    @Test
    void sessions_are_found_by_their_cookie_until_they_expire_or_end(Dialect dialect) {
        open(dialect);
        User alice = accounts.create("alice@example.org", "password1", "alice", false);
        String cookie = sessions.start(alice.id());
        String other = sessions.start(alice.id());
        assertThat(sessions.find(cookie)).hasValueSatisfying(s -> {
            assertThat(s.user()).isEqualTo(alice);
            assertThat(s.csrfToken()).hasSizeGreaterThan(30);
        });
        assertThat((Integer) database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sessions WHERE id_hash = :c")
                .bind("c", cookie).mapTo(Integer.class).one())).as("the cookie itself is not stored").isZero();
        sessions.endAllOf(alice.id(), cookie);
        assertThat(sessions.find(other)).isEmpty();
        clock.advance(Sessions.LIFETIME.plusMinutes(1));
        assertThat(sessions.find(cookie)).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
    }

    @Test
    void api_tokens_authenticate_until_revoked(Dialect dialect) {
        open(dialect);
        User alice = accounts.create("alice@example.org", "password1", "alice", false);
        String token = tokens.create(alice.id(), "phone");
        assertThat(tokens.authenticate(token)).contains(alice);
        assertThat(tokens.list(alice.id())).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("phone");
            assertThat(t.lastUsedAt()).isNotNull();
        });
        assertThat(tokens.revokeToken(token)).isTrue();
        assertThat(tokens.authenticate(token)).isEmpty();
    }
}
