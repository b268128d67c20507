package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jellyfin:* commands for headless installs: each prints its value alone on standard output. */
@BothDialects
class JellyfinCliTest {
    @TempDir
    Path dataDir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private Map<String, String> env;


    @BeforeEach
    void createUser(Dialect dialect) {
        jellyfin.addUser("alice", "jf-password");
        env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "APPLICATION_URL", "https://pathary.example.org"));
        env.putAll(TestDatabases.environment(TestDatabases.fresh(dialect)));
        assertThat(CliRunner.run(env, "", "user:create", "a@b.c", "password1", "alice").exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }


    @Test
    void the_webhook_url_is_printed_alone_made_when_missing_kept_and_regenerated_on_request() {
        String first = CliRunner.run(env, "", "jellyfin:webhook-url", "1").out();
        assertThat(first).matches("https://pathary\\.example\\.org/api/webhook/jellyfin/[0-9a-f-]{36}\\n");
        assertThat(CliRunner.run(env, "", "jellyfin:webhook-url", "1").out()).isEqualTo(first);
        String regenerated = CliRunner.run(env, "", "jellyfin:webhook-url", "1", "--regenerate").out();
        assertThat(regenerated).isNotEqualTo(first).startsWith("https://pathary.example.org/api/webhook/jellyfin/");
        CliRunner.Run deleted = CliRunner.run(env, "", "jellyfin:webhook-url", "1", "--delete");
        assertThat(deleted.out()).isEmpty();
        assertThat(deleted.err()).contains("was deleted");
        assertThat(CliRunner.run(env, "", "jellyfin:webhook-url", "1", "--delete", "--regenerate").exitCode()).isEqualTo(2);
    }

    @Test
    void login_status_and_logout() {
        CliRunner.Run login = CliRunner.run(env, "jf-password\n", "jellyfin:login", "1", jellyfin.baseUrl() + "/", "alice");
        assertThat(login.exitCode()).isZero();
        assertThat(login.out()).isEqualTo("alice\n");
        String status = CliRunner.run(env, "", "jellyfin:status", "1").out();
        assertThat(status).contains("server: " + jellyfin.baseUrl()).contains("user: alice").contains("token: valid")
                .contains("scrobbling: on").contains("sync: off");
        CliRunner.Run logout = CliRunner.run(env, "", "jellyfin:logout", "1");
        assertThat(logout.exitCode()).isZero();
        assertThat(CliRunner.run(env, "", "jellyfin:status", "1").out()).contains("token: none").contains("user: none");
    }

    @Test
    void a_wrong_password_or_unknown_user_exits_1_with_a_sentence() {
        CliRunner.Run wrong = CliRunner.run(env, "nope\n", "jellyfin:login", "1", jellyfin.baseUrl().toString(), "alice");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().strip()).isEqualTo("Jellyfin rejected the user name or password.");
        CliRunner.Run unknown = CliRunner.run(env, "", "jellyfin:status", "42");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("No user with id 42.");
    }
}
