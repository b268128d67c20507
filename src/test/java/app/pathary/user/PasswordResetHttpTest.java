package app.pathary.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cli.CliRunner;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rough edge 3: a member forgot their password; an admin sets a new one on the users page, or the operator with user:password. */
@BothDialects
class PasswordResetHttpTest {
    private TestApp app;
    private WebClient admin;
    private long aliceId;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        aliceId = app.app.users.accounts().create("alice@example.org", "forgotten1", "alice", false).id();
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_admin_resets_a_password_the_old_one_and_alices_sessions_and_tokens_stop_working() {
        WebClient alice = app.client();
        alice.logIn("alice", "forgotten1");
        assertThat(alice.get("/account").statusCode()).isEqualTo(200);
        String token = app.app.users.tokens().create(aliceId, "phone");

        assertThat(admin.get("/admin/users").body()).contains("href=\"/admin/users/" + aliceId + "/password\"");
        String form = admin.get("/admin/users/" + aliceId + "/password").body();
        assertThat(form).contains("Reset the password of alice");

        HttpResponse<String> differ = admin.submit("/admin/users/" + aliceId + "/password", "/admin/users/" + aliceId + "/password",
                Map.of("newPassword", "brand-new-1", "repeatPassword", "brand-new-2"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("repeatPassword").contains("differ");
        HttpResponse<String> tooShort = admin.submit("/admin/users/" + aliceId + "/password", "/admin/users/" + aliceId + "/password",
                Map.of("newPassword", "short", "repeatPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("The new password must have at least 8 characters.");
        assertThat(app.client().logIn("alice", "forgotten1").statusCode()).as("nothing changed yet").isEqualTo(302);

        HttpResponse<String> done = admin.submit("/admin/users/" + aliceId + "/password", "/admin/users/" + aliceId + "/password",
                Map.of("newPassword", "brand-new-1", "repeatPassword", "brand-new-1"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("The password of alice was reset;").contains("1 API token was revoked");
        assertThat(app.client().logIn("alice", "forgotten1").statusCode()).isEqualTo(401);
        assertThat(app.client().logIn("alice", "brand-new-1").statusCode()).isEqualTo(302);
        assertThat(alice.get("/account").statusCode()).as("her old session ended").isEqualTo(302);
        assertThat(app.client().withBearer(token).get("/api/users/alice/history/movies").statusCode()).isEqualTo(401);
    }

    @Test
    void a_member_may_not_reset_anyones_password() {
        WebClient alice = app.client();
        alice.logIn("alice", "forgotten1");
        assertThat(alice.get("/admin/users/1/password").statusCode()).isEqualTo(403);
    }

    @Test
    void the_operator_resets_a_password_from_the_command_line_by_name_email_or_id() {
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", app.dataDir.toString(), "DATABASE_URL", app.app.config.database().jdbcUrl()));
        app.app.config.database().user().ifPresent(u -> env.put("DATABASE_USER", u));
        app.app.config.database().password().ifPresent(p -> env.put("DATABASE_PASSWORD", p));
        CliRunner.Run byName = CliRunner.run(env, "", "user:password", "alice", "from-the-cli-1");
        assertThat(byName.exitCode()).isZero();
        assertThat(byName.out()).contains("The password of alice was reset; 0 sessions were ended and 0 API tokens were revoked.");
        assertThat(app.client().logIn("alice", "from-the-cli-1").statusCode()).isEqualTo(302);
        assertThat(CliRunner.run(env, "from-stdin-22\n", "user:password", "ALICE@example.org", "-").exitCode()).isZero();
        assertThat(app.client().logIn("alice", "from-stdin-22").statusCode()).isEqualTo(302);
        assertThat(CliRunner.run(env, "", "user:password", String.valueOf(aliceId), "by-id-33333").exitCode()).isZero();

        CliRunner.Run nobody = CliRunner.run(env, "", "user:password", "zoe", "whatever-1");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err().strip()).isEqualTo("No user has the id, name or email 'zoe'.");
        CliRunner.Run shortOne = CliRunner.run(env, "", "user:password", "alice", "short");
        assertThat(shortOne.exitCode()).isEqualTo(1);
        assertThat(shortOne.err()).contains("The new password must have at least 8 characters.").doesNotContain("Exception");
        assertThat(app.client().logIn("alice", "by-id-33333").statusCode()).as("a refused reset changes nothing").isEqualTo(302);
    }
}
