package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUserData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** jellyfin:import, jellyfin:export and jellyfin:sync run for real against a fake Jellyfin. */
class JellyfinSyncCliTest {
    @TempDir
    Path dataDir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private Map<String, String> env;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        var alice = jellyfin.addUser("alice", "jf-password");
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        env = Map.of("DATA_DIR", dataDir.toString());
        run("", "user:create", "a@b.c", "password1", "alice");
        run("", "user:create", "b@b.c", "password1", "bob");
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    private Run run(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine line = PatharyCommand.commandLine(env);
            line.setErr(new java.io.PrintWriter(System.err, true));
            return new Run(line.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @Test
    void import_and_export_run_in_the_foreground_print_a_summary_and_leave_a_done_job() {
        run("jf-password\n", "jellyfin:login", "1", jellyfin.baseUrl().toString(), "alice");
        Run imported = run("", "jellyfin:import", "1");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Scanned 1 items, 1 played; added 1 watch dates");
        assertThat(imported.err()).as("plain progress lines without a terminal").contains("Reading Jellyfin: 1 of 1");
        assertThat(run("", "history:export", "1").out()).contains("603,,The Matrix,1999,2025-03-01,1,");
        Run exported = run("", "jellyfin:export", "1", "--mark-unplayed");
        assertThat(exported.exitCode()).isZero();
        assertThat(exported.out()).contains("Scanned 1 items").contains("1 were already right");
        assertThat(run("", "jellyfin:sync", "1", "--enable").out()).isEqualTo("sync: on\n");
        assertThat(run("", "jellyfin:status", "1").out()).contains("sync: on");
        assertThat(run("", "jellyfin:sync", "1", "--disable").out()).isEqualTo("sync: off\n");
    }

    @Test
    void an_unknown_user_or_one_without_a_jellyfin_login_exits_2_with_a_sentence() {
        Run unknown = run("", "jellyfin:import", "9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("There is no user with id 9.");
        Run noLogin = run("", "jellyfin:export", "2");
        assertThat(noLogin.exitCode()).isEqualTo(2);
        assertThat(noLogin.err().strip()).isEqualTo("User 2 has not authenticated with Jellyfin; run jellyfin:login first.");
        assertThat(run("", "jellyfin:sync", "2", "--enable").exitCode()).isEqualTo(2);
        assertThat(run("", "jellyfin:sync", "1").exitCode()).as("--enable or --disable is required").isEqualTo(2);
    }

    @Test
    void an_unreachable_jellyfin_fails_the_job_with_exit_1() {
        run("jf-password\n", "jellyfin:login", "1", jellyfin.baseUrl().toString(), "alice");
        jellyfin.failNext(10, FakeJellyfin.Fault.SERVER_ERROR);
        Run failed = run("", "jellyfin:import", "1");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("The Jellyfin server failed:").doesNotContain("Exception");
    }
}
