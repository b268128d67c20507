package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bcrypt reads 72 bytes of UTF-8. Every form and API that takes a password answers a longer one with a sentence (when
 * a password is set) or as a wrong password (at a login), never with a server error. "€" is 3 bytes: 24 of them are
 * exactly 72 bytes, 25 are 75 bytes although only 25 characters.
 */
@BothDialects
class PasswordLengthHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BYTES_72 = "€".repeat(24);
    private static final String BYTES_75 = "€".repeat(25);
    private static final String BYTES_73 = "€".repeat(24) + "a";
    private TestApp app;

    private void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String tokenRequest(String password) throws Exception {
        return JSON.writeValueAsString(Map.of("name", "alice", "password", password));
    }

    @Test
    void setup_refuses_a_password_over_72_bytes_with_a_sentence_and_accepts_exactly_72(Dialect dialect) {
        start(dialect);
        WebClient browser = app.client();
        HttpResponse<String> refused = browser.setUpAdmin("alice", "alice@example.org", BYTES_75);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The password is longer than 72 bytes (UTF-8): it has 75.");
        assertThat(app.app.users.accounts().anyUserExists()).isFalse();
        assertThat(browser.setUpAdmin("alice", "alice@example.org", BYTES_73).body()).contains("it has 73.");
        HttpResponse<String> created = browser.setUpAdmin("alice", "alice@example.org", BYTES_72);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(app.client().logIn("alice", BYTES_72).headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void a_login_with_a_password_over_72_bytes_is_a_wrong_password(Dialect dialect) throws Exception {
        start(dialect);
        app.client().setUpAdmin("alice", "alice@example.org", BYTES_72);
        for (String tooLong : new String[] {BYTES_75, BYTES_72 + "€", BYTES_73}) {
            HttpResponse<String> page = app.client().logIn("alice", tooLong);
            assertThat(page.statusCode()).as("its first 72 bytes are the password, the rest must still count").isEqualTo(401);
            assertThat(page.body()).contains("Wrong name, email or password.");
        }
        assertThat(app.client().logIn("nobody", BYTES_75).statusCode()).isEqualTo(401);
        HttpResponse<String> api = app.client().json("POST", "/api/auth/token", tokenRequest(BYTES_75));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).get("error").asText()).isEqualTo("Wrong name, email or password.");
        HttpResponse<String> token = app.client().json("POST", "/api/auth/token", tokenRequest(BYTES_72));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(token.body()).get("token").asText()).isNotBlank();
    }

    @Test
    void a_new_password_over_72_bytes_is_refused_on_the_account_page_and_by_an_admin(Dialect dialect) {
        start(dialect);
        WebClient alice = app.client();
        alice.setUpAdmin("alice", "alice@example.org", "password1");
        HttpResponse<String> change = alice.submit("/account", "/account/password",
                Map.of("currentPassword", "password1", "newPassword", BYTES_75, "repeatPassword", BYTES_75));
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(alice.get("/account").body()).contains("The new password is longer than 72 bytes (UTF-8): it has 75.");
        assertThat(app.client().logIn("alice", "password1").statusCode()).as("the old password still works").isEqualTo(302);

        alice.submit("/account", "/account/password",
                Map.of("currentPassword", BYTES_75, "newPassword", "password2", "repeatPassword", "password2"));
        assertThat(alice.get("/account").body()).contains("The current password is wrong.");

        alice.submit("/account", "/account/password",
                Map.of("currentPassword", "password1", "newPassword", BYTES_72, "repeatPassword", BYTES_72));
        assertThat(alice.get("/account").body()).contains("Your password was changed");
        assertThat(app.client().logIn("alice", BYTES_72).statusCode()).isEqualTo(302);

        HttpResponse<String> byAdmin = alice.submit("/admin/users", "/admin/users",
                Map.of("name", "bob", "email", "bob@example.org", "password", BYTES_73));
        assertThat(byAdmin.statusCode()).isEqualTo(302);
        assertThat(alice.get("/admin/users").body()).contains("The password is longer than 72 bytes (UTF-8): it has 73.");
        assertThat(app.app.users.accounts().all()).extracting(User::name).containsExactly("alice");
    }
}
