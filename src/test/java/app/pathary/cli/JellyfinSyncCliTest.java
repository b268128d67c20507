package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jellyfin:import, jellyfin:export and jellyfin:sync run for real against a fake Jellyfin. */
@BothDialects
class JellyfinSyncCliTest {
    @TempDir
    Path dataDir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private Map<String, String> env;


    @BeforeEach
    void setUp(Dialect dialect) {
        var alice = jellyfin.addUser("alice", "jf-password");
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString()));
        env.putAll(TestDatabases.environment(TestDatabases.fresh(dialect)));
        CliRunner.run(env, "", "user:create", "a@b.c", "password1", "alice");
        CliRunner.run(env, "", "user:create", "b@b.c", "password1", "bob");
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }


    @Test
    void import_and_export_run_in_the_foreground_print_a_summary_and_leave_a_done_job() {
        CliRunner.run(env, "jf-password\n", "jellyfin:login", "1", jellyfin.baseUrl().toString(), "alice");
        CliRunner.Run imported = CliRunner.run(env, "", "jellyfin:import", "1");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Scanned 1 item, 1 played; added 1 watch date");
        assertThat(imported.err()).as("plain progress lines without a terminal").contains("Reading Jellyfin: 1 of 1");
        assertThat(CliRunner.run(env, "", "history:export", "1").out()).contains("603,,The Matrix,1999,2025-03-01,1,");
        CliRunner.Run exported = CliRunner.run(env, "", "jellyfin:export", "1", "--mark-unplayed");
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out()).contains("Scanned 1 item;").contains("1 was already right");
        assertThat(CliRunner.run(env, "", "jellyfin:sync", "1", "--enable").out()).isEqualTo("sync: on\n");
        assertThat(CliRunner.run(env, "", "jellyfin:status", "1").out()).contains("sync: on");
        assertThat(CliRunner.run(env, "", "jellyfin:sync", "1", "--disable").out()).isEqualTo("sync: off\n");
    }

    @Test
    void an_unknown_user_or_one_without_a_jellyfin_login_exits_2_with_a_sentence() {
        CliRunner.Run unknown = CliRunner.run(env, "", "jellyfin:import", "9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("There is no user with id 9.");
        CliRunner.Run noLogin = CliRunner.run(env, "", "jellyfin:export", "2");
        assertThat(noLogin.exitCode()).isEqualTo(2);
        assertThat(noLogin.err().strip()).isEqualTo("User 2 has not authenticated with Jellyfin; run jellyfin:login first.");
        assertThat(CliRunner.run(env, "", "jellyfin:sync", "2", "--enable").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(env, "", "jellyfin:sync", "1").exitCode()).as("--enable or --disable is required").isEqualTo(2);
    }

    @Test
    void an_unreachable_jellyfin_fails_the_job_with_exit_1() {
        CliRunner.run(env, "jf-password\n", "jellyfin:login", "1", jellyfin.baseUrl().toString(), "alice");
        jellyfin.failNext(10, FakeJellyfin.Fault.SERVER_ERROR);
        CliRunner.Run failed = CliRunner.run(env, "", "jellyfin:import", "1");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("The Jellyfin server failed:").doesNotContain("Exception");
    }
}
