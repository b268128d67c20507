package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real commands (the same picocli line Main runs) and reads what they print. */
@BothDialects
class CliTest {
    @TempDir
    Path dataDir;



    private Map<String, String> env(DatabaseSettings database) {
        Map<String, String> env = new HashMap<>(Map.of("DATA_DIR", dataDir.toString(), "DATABASE_URL", database.jdbcUrl()));
        database.user().ifPresent(u -> env.put("DATABASE_USER", u));
        database.password().ifPresent(p -> env.put("DATABASE_PASSWORD", p));
        return env;
    }

    @Test
    void users_are_created_listed_and_deleted(Dialect dialect) {
        Map<String, String> env = env(TestDatabases.fresh(dialect));
        assertThat(CliRunner.run(env, "", "migrate").out()).contains("The database is up to date");
        CliRunner.Run created = CliRunner.run(env, "", "user:create", "a@b.c", "password1", "alice", "--admin");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("Created user 1 (alice, admin).");
        assertThat(CliRunner.run(env, "password2\n", "user:create", "b@b.c", "-", "bob").out()).contains("Created user 2 (bob).");
        assertThat(CliRunner.run(env, "", "user:list").out()).contains("1\talice\ta@b.c\tyes").contains("2\tbob\tb@b.c\tno");
        assertThat(CliRunner.run(env, "", "user:delete", "2").out()).contains("Deleted user 2 (bob).");
        CliRunner.Run last = CliRunner.run(env, "", "user:delete", "1");
        assertThat(last.exitCode()).isEqualTo(1);
        assertThat(last.err()).contains("The last admin cannot be deleted.").doesNotContain("Exception");
    }

    @Test
    void user_create_counts_the_password_in_utf8_bytes_up_to_72(Dialect dialect) {
        Map<String, String> env = env(TestDatabases.fresh(dialect));
        String euros75 = "€".repeat(25);
        CliRunner.Run tooLong = CliRunner.run(env, "", "user:create", "a@b.c", euros75, "alice");
        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err().strip()).startsWith("The password is longer than 72 bytes (UTF-8): it has 75.")
                .doesNotContain("Exception");
        CliRunner.Run fromStdin = CliRunner.run(env, "é".repeat(36) + "a\n", "user:create", "a@b.c", "-", "alice");
        assertThat(fromStdin.err().strip()).startsWith("The password is longer than 72 bytes (UTF-8): it has 73.");
        assertThat(CliRunner.run(env, "€".repeat(24) + "\n", "user:create", "a@b.c", "-", "alice").out())
                .contains("Created user 1 (alice).");
        assertThat(CliRunner.run(env, "", "user:create", "b@b.c", "é".repeat(36), "bob").exitCode()).isZero();
        assertThat(CliRunner.run(env, "", "user:list").out()).contains("alice").contains("bob");
    }

    @Test
    void failures_exit_1_with_a_sentence_and_bad_usage_exits_2(Dialect dialect) {
        Map<String, String> env = env(TestDatabases.fresh(dialect));
        CliRunner.Run shortPassword = CliRunner.run(env, "", "user:create", "a@b.c", "pw", "alice", "--admin");
        assertThat(shortPassword.exitCode()).as("the operator may set a short password").isZero();
        assertThat(shortPassword.err()).contains("Warning: the password is shorter than 8 characters");
        CliRunner.Run duplicate = CliRunner.run(env, "", "user:create", "A@b.c", "password1", "bob");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err().strip()).isEqualTo("A user with the email 'a@b.c' already exists.");
        assertThat(CliRunner.run(env, "", "user:create", "c@b.c", "", "carol").err().strip()).isEqualTo("The password must not be empty.");
        assertThat(CliRunner.run(env, "", "user:create", "a@b.c").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(env, "", "no-such-command").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run(env, "", "user:delete", "abc").exitCode()).isEqualTo(2);
        CliRunner.Run unknown = CliRunner.run(env, "", "history:export", "77");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("No user with id 77.");
        CliRunner.Run badConfig = CliRunner.run(Map.of("DATA_DIR", dataDir.toString(), "TIMEZONE", "Nowhere/Land"), "", "migrate");
        assertThat(badConfig.exitCode()).isEqualTo(1);
        assertThat(badConfig.err().strip()).startsWith("TIMEZONE must be an IANA time zone name");
        assertThat(CliRunner.run(env, "", "user:list", "--help").out()).contains("Usage: pathary user:list");
    }

    @Test
    void history_goes_out_as_csv_and_comes_back_in(Dialect dialect) throws Exception {
        Map<String, String> env = env(TestDatabases.fresh(dialect));
        CliRunner.run(env, "", "user:create", "a@b.c", "password1", "alice");
        Path file = dataDir.resolve("in.csv");
        Files.writeString(file, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,tt0133093,The Matrix,1999,2026-01-03,2,\"a, b\"\n");
        CliRunner.Run imported = CliRunner.run(env, "", "history:import", "1", file.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Read 1 row; 1 watch date added or changed.");
        assertThat(CliRunner.run(env, "", "history:export", "1").out().replace("\r\n", "\n"))
                .isEqualTo("tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,tt0133093,The Matrix,1999,2026-01-03,2,\"a, b\"\n");
        Path out = dataDir.resolve("out.csv");
        assertThat(CliRunner.run(env, "", "history:export", "1", "--file", out.toString()).err()).contains("Wrote 1 watch date ");
        assertThat(Files.readString(out)).contains("The Matrix");
        Files.writeString(file, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n604,,X,1999,2026-01-03,two,\n");
        CliRunner.Run bad = CliRunner.run(env, "", "history:import", "1", file.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("Line 2: plays must be a whole number, not 'two'.");
        assertThat(CliRunner.run(env, "", "history:import", "1", dataDir.resolve("missing.csv").toString()).err()).contains("There is no file");
    }

    @Test
    void the_episodes_file_goes_out_beside_the_movies_file_and_comes_back_in_identical(Dialect dialect) throws Exception {
        Map<String, String> env = env(TestDatabases.fresh(dialect));
        CliRunner.run(env, "", "user:create", "a@b.c", "password1", "alice");
        CliRunner.run(env, "", "user:create", "b@b.c", "password1", "bob");
        String episodes = "tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment\n"
                + "280619,63639,tt3230854,The Expanse,2015,1,1,2,Dulcinea,,1,\n"
                + "280619,63639,tt3230854,The Expanse,2015,2,3,,Static,2025-11-02,2,\"a, b\"\n";
        Path file = dataDir.resolve("episodes.csv");
        Files.writeString(file, episodes);
        CliRunner.Run imported = CliRunner.run(env, "", "history:import", "1", file.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("Read 2 rows of episodes; 2 watch dates added or changed.");
        Path out = dataDir.resolve("episodes-out.csv");
        assertThat(CliRunner.run(env, "", "history:export", "1", "--episodes", "--file", out.toString()).err())
                .contains("Wrote 2 episode watch dates ");
        assertThat(Files.readString(out).replace("\r\n", "\n")).isEqualTo(episodes);
        assertThat(CliRunner.run(env, "", "history:import", "2", out.toString()).exitCode()).isZero();
        assertThat(CliRunner.run(env, "", "history:export", "2", "--episodes").out().replace("\r\n", "\n")).isEqualTo(episodes);
        assertThat(CliRunner.run(env, "", "history:export", "1").out().replace("\r\n", "\n"))
                .as("the movies file is apart").isEqualTo("tmdbId,imdbId,title,year,watchedAt,plays,comment\n");
    }
}
