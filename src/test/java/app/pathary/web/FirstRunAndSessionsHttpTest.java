package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@BothDialects
class FirstRunAndSessionsHttpTest {
    private TestApp app;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void with_no_user_every_page_leads_to_the_first_run_page() {
        WebClient browser = app.client();
        assertThat(browser.get("/").headers().firstValue("Location")).contains("/setup");
        assertThat(browser.get("/history").headers().firstValue("Location")).contains("/setup");
        assertThat(browser.get("/account").headers().firstValue("Location")).contains("/setup");
        HttpResponse<String> setup = browser.get("/setup");
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("Create the admin account");
        HttpResponse<String> api = browser.get("/api/users/alice/history/movies");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).startsWith("{\"error\":");
    }

    @Test
    void the_first_run_page_creates_an_admin_logs_them_in_and_then_goes_away() {
        WebClient browser = app.client();
        HttpResponse<String> created = browser.setUpAdmin("alice", "alice@example.org", "password1");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("pathary_session=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
        HttpResponse<String> history = browser.get("/history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("Welcome, alice").contains("0 watch dates");
        assertThat(browser.get("/setup").headers().firstValue("Location")).contains("/");
        assertThat(app.app.users.accounts().all()).singleElement().satisfies(u -> assertThat(u.isAdmin()).isTrue());
        assertThat(app.client().get("/setup").headers().firstValue("Location")).as("for a new visitor too").contains("/");
    }

    @Test
    void a_bad_first_run_form_shows_why_and_creates_nobody() {
        HttpResponse<String> response = app.client().submit("/setup", "/setup",
                Map.of("name", "alice", "email", "not-an-email", "password", "password1"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is not valid");
        assertThat(app.app.users.accounts().anyUserExists()).isFalse();
    }

    @Test
    void forms_without_the_right_csrf_token_are_refused() {
        WebClient browser = app.client();
        browser.setUpAdmin("alice", "alice@example.org", "password1");
        HttpResponse<String> none = browser.post("/movies/1/dates", Map.of("watchedAt", "2026-01-01"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("reload the page");
        assertThat(browser.post("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        HttpResponse<String> cookieApi = browser.json("POST", "/api/users/alice/history/movies",
                "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-01\"}]");
        assertThat(cookieApi.statusCode()).as("the API used with a session cookie needs X-CSRF-Token").isEqualTo(403);
        assertThat(app.client().post("/login", Map.of("login", "alice", "password", "password1")).statusCode())
                .as("even the login form").isEqualTo(403);
    }

    @Test
    void logging_in_and_out_with_name_or_email() {
        app.client().setUpAdmin("alice", "alice@example.org", "password1");
        WebClient browser = app.client();
        HttpResponse<String> wrong = browser.logIn("alice", "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong name, email or password.");
        HttpResponse<String> ok = browser.logIn("ALICE@example.org", "password1");
        assertThat(ok.headers().firstValue("Location")).contains("/");
        assertThat(browser.get("/account").body()).contains("Account of alice");
        browser.submit("/account", "/logout", Map.of());
        assertThat(browser.get("/account").headers().firstValue("Location")).contains("/login?next=%2Faccount");
    }

    @Test
    void the_login_page_returns_to_the_page_asked_for_but_never_to_another_site() {
        app.client().setUpAdmin("alice", "alice@example.org", "password1");
        WebClient browser = app.client();
        assertThat(browser.submit("/login", "/login", Map.of("login", "alice", "password", "password1", "next", "/account"))
                .headers().firstValue("Location")).contains("/account");
        WebClient other = app.client();
        assertThat(other.submit("/login", "/login", Map.of("login", "alice", "password", "password1", "next", "//evil.example"))
                .headers().firstValue("Location")).contains("/");
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_that_address() {
        app.client().setUpAdmin("alice", "alice@example.org", "password1");
        WebClient attacker = app.client();
        for (int i = 0; i < 5; i++) {
            attacker.logIn("alice", "guess-" + i);
        }
        HttpResponse<String> locked = attacker.logIn("alice", "password1");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Too many failed logins");
    }

    @Test
    void sessions_survive_a_restart_of_the_server(Dialect dialect) {
        var database = TestDatabases.fresh(dialect);
        WebClient browser;
        try (TestApp first = TestApp.start(database)) {
            browser = first.client();
            browser.setUpAdmin("alice", "alice@example.org", "password1");
            String cookie = browser.cookie("pathary_session").getValue();
            try (TestApp second = TestApp.start(database)) {
                WebClient again = second.client();
                again.withCookie("pathary_session", cookie);
                assertThat(again.get("/account").body()).contains("Account of alice");
            }
        }
    }
}
