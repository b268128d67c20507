package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.pathary.config.DatabaseSettings;
import app.pathary.testing.SmallDisk;
import app.pathary.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that cannot be used stops startup with one sentence that names the file or server and the reason (exit
 * code 1, no stack trace, no wait for the connection pool): a read-only disk, a full disk, a file that is not a
 * database, a folder where the file should be, a PostgreSQL server that refuses connections or has no free one. A
 * data directory whose database is gone refuses to start over empty unless ALLOW_NEW_DATABASE=true.
 */
class DatabaseStartupCliTest {
    @TempDir
    Path dir;

    private CliRunner.Run migrate(Path dataDir, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(more);
        env.put("DATA_DIR", dataDir.toString());
        return CliRunner.run(env, "", "migrate");
    }

    private static void stopsWithOneSentence(CliRunner.Run run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        // (the embedded PostgreSQL server's own log lines share this stderr; Pathary's answer is the last line)
        String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("Pathary").doesNotContain("SQLITE_").contains(parts);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_file_that_is_not_a_database_is_named() throws Exception {
        Files.writeString(dir.resolve("pathary.db"), "these are my notes, not a database; ".repeat(10));
        stopsWithOneSentence(migrate(dir, Map.of()), dir.resolve("pathary.db").toString(), "is not a SQLite database");
    }

    @Test
    void a_folder_where_the_database_file_should_be_is_named() throws Exception {
        Files.createDirectories(dir.resolve("pathary.db"));
        stopsWithOneSentence(migrate(dir, Map.of()), "cannot use the SQLite database", "it is a folder");
    }

    @Test
    void a_database_on_a_read_only_disk_is_named_read_only() {
        try (SmallDisk disk = SmallDisk.mount(8)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root");
            assertThat(migrate(disk.path(), Map.of()).exitCode()).isZero();
            disk.remount(true);
            stopsWithOneSentence(migrate(disk.path(), Map.of()), disk.path().resolve("pathary.db").toString(), "read-only");
            disk.remount(false);
        }
    }

    @Test
    void a_database_on_a_full_disk_is_named_a_full_disk_not_read_only() {
        try (SmallDisk disk = SmallDisk.mount(8)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root");
            assertThat(migrate(disk.path(), Map.of()).exitCode()).isZero();
            disk.fill();
            CliRunner.Run run = migrate(disk.path(), Map.of());
            stopsWithOneSentence(run, disk.path().resolve("pathary.db").toString(), "the disk is full (no space left on device)");
            assertThat(run.err()).doesNotContain("read-only");
        }
    }

    @Test
    void a_data_directory_whose_database_is_gone_refuses_to_start_over_without_the_flag() throws Exception {
        assertThat(migrate(dir, Map.of()).exitCode()).isZero();
        assertThat(dir.resolve("secret.key")).exists();
        Files.delete(dir.resolve("pathary.db"));

        stopsWithOneSentence(migrate(dir, Map.of()), "is missing", "ALLOW_NEW_DATABASE=true");
        assertThat(dir.resolve("pathary.db")).as("no empty database was made").doesNotExist();

        assertThat(migrate(dir, Map.of("ALLOW_NEW_DATABASE", "true")).exitCode()).isZero();
        assertThat(dir.resolve("pathary.db")).exists();
    }

    @Test
    void a_postgresql_database_that_refuses_connections_is_named_at_once() {
        DatabaseSettings database = TestDatabases.freshPostgres();
        TestDatabases.cutOff(database);
        long started = System.nanoTime();
        CliRunner.Run run = migrate(dir, TestDatabases.environment(database));
        long millis = (System.nanoTime() - started) / 1_000_000;
        stopsWithOneSentence(run, "Pathary cannot use the database jdbc:postgresql:", "does not accept connections");
        assertThat(millis).as("no wait for the pool's 10-second timeout, in ms").isLessThan(9_500);
    }

    @Test
    void a_postgresql_role_at_its_connection_limit_is_named() throws Exception {
        DatabaseSettings database = TestDatabases.freshPostgres();
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres")) {
            admin.createStatement().execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pathary_limited') THEN "
                    + "CREATE ROLE pathary_limited LOGIN PASSWORD 'limited' CONNECTION LIMIT 0; END IF; END $$");
        }
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database.jdbcUrl().replaceAll("\\?.*", ""));
        env.put("DATABASE_USER", "pathary_limited");
        env.put("DATABASE_PASSWORD", "limited");
        stopsWithOneSentence(migrate(dir, env), "has no free connection (its connection limit is reached)");
    }
}
