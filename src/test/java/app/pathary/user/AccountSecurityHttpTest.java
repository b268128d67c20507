package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Over HTTP: the login answers never tell whether an account exists; a new password ends the other ways in. */
@BothDialects
class AccountSecurityHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestApp app;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.client().setUpAdmin("root", "root@example.org", "password1");
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Status and error text of seven wrong logins in a row, by the form and by the token API. */
    private List<String> sevenWrongLogins(String login) {
        List<String> answers = new ArrayList<>();
        WebClient visitor = app.client();
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> form = visitor.logIn(login, "wrong-password");
            int start = form.body().indexOf("id=\"error\">");
            answers.add(form.statusCode() + " " + form.body().substring(start, form.body().indexOf('<', start)));
        }
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> api = app.client().json("POST", "/api/auth/token",
                    "{\"name\":\"" + login + "-api\",\"password\":\"wrong-password\"}");
            answers.add(api.statusCode() + " " + api.body());
        }
        return answers;
    }

    @Test
    void an_account_that_does_not_exist_gets_the_same_answers_and_the_same_lockout_as_one_that_does() {
        app.app.users.accounts().create("bob-api@example.org", "password1", "bob-api", false);

        List<String> known = sevenWrongLogins("bob");
        List<String> unknown = sevenWrongLogins("ghost");

        assertThat(known.get(0)).contains("401").contains("Wrong name, email or password.");
        assertThat(known.get(6)).contains("401").contains("Too many failed logins from this address");
        assertThat(known.get(13)).as("the API's token exchange answers a lockout with 429")
                .startsWith("429").contains("Too many failed logins from this address");
        assertThat(unknown).isEqualTo(known);
    }

    @Test
    void changing_the_password_ends_the_other_sessions_and_revokes_the_api_tokens_but_keeps_this_session() throws Exception {
        WebClient here = app.client();
        WebClient phone = app.client();
        here.logIn("bob", "password1");
        phone.logIn("bob", "password1");
        String token = JSON.readTree(app.client().json("POST", "/api/auth/token", "{\"name\":\"bob\",\"password\":\"password1\"}").body())
                .path("token").asText();
        WebClient script = app.client().withBearer(token);
        assertThat(script.get("/api/auth/token").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = here.submit("/account", "/account/password",
                Map.of("currentPassword", "password1", "newPassword", "password2", "repeatPassword", "password2"));

        assertThat(changed.headers().firstValue("Location")).hasValue("/account");
        String page = here.get("/account").body();
        assertThat(page).contains("Your password was changed. 1 other session was logged out and 1 API token was revoked;");
        assertThat(here.get("/history").statusCode()).as("this session").isEqualTo(200);
        assertThat(phone.get("/history").headers().firstValue("Location")).as("the other session").hasValueSatisfying(
                location -> assertThat(location).startsWith("/login"));
        assertThat(script.get("/api/auth/token").statusCode()).as("the API token").isEqualTo(401);
        assertThat(page).contains("No tokens yet.");
        assertThat(app.client().logIn("bob", "password2").headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void a_refused_password_change_ends_nothing() throws Exception {
        WebClient here = app.client();
        WebClient phone = app.client();
        here.logIn("bob", "password1");
        phone.logIn("bob", "password1");
        String token = JSON.readTree(app.client().json("POST", "/api/auth/token", "{\"name\":\"bob\",\"password\":\"password1\"}").body())
                .path("token").asText();

        here.submit("/account", "/account/password", Map.of("currentPassword", "wrong-one", "newPassword", "password2",
                "repeatPassword", "password2"));

        assertThat(here.get("/account").body()).contains("The current password is wrong.");
        assertThat(phone.get("/history").statusCode()).isEqualTo(200);
        assertThat(app.client().withBearer(token).get("/api/auth/token").statusCode()).isEqualTo(200);
    }
}
