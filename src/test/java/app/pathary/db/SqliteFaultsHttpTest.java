package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.pathary.config.DatabaseSettings;
import app.pathary.testing.SmallDisk;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A running Pathary whose SQLite database breaks under it: the disk fills up, is remounted read-only, the file is
 * deleted or replaced, another program locks it. (A disk that turns read-only under a running Pathary cannot be
 * made here: Linux refuses to remount a disk read-only while files on it are open for writing; DatabaseStartupCliTest
 * starts on one.) /health and /health/ready say so (503 with the reason), /health/live still
 * answers, and a write through the API gets a 503 sentence instead of a raw exception. The disk is a real small tmpfs.
 */
class SqliteFaultsHttpTest {

    private static DatabaseSettings on(Path folder) {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve("pathary.db"), Optional.empty(), Optional.empty());
    }

    private static HttpResponse<String> healthOnceDown(TestApp app, String path) throws InterruptedException {
        HttpResponse<String> health = app.client().get(path);
        for (int i = 0; i < 100 && health.statusCode() == 200; i++) {
            Thread.sleep(100); // the write probe runs at most every few seconds
            health = app.client().get(path);
        }
        return health;
    }

    private static HttpResponse<String> askForToken(TestApp app) {
        return app.client().json("POST", "/api/auth/token", "{\"name\":\"alice\",\"password\":\"password1\"}");
    }

    private static void assertOneSentence503(HttpResponse<String> answer, String reason) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains(reason).doesNotContain("Exception").doesNotContain("SQLITE_").doesNotContain("at app.pathary");
    }

    @Test
    void a_full_disk_turns_health_to_503_with_the_reason_and_writes_get_a_503_sentence() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(8)) {
            assumeTrue(disk != null, "mounting a tmpfs needs root");
            try (TestApp app = TestApp.start(on(disk.path()))) {
                app.app.users.accounts().create("alice@example.org", "password1", "alice", false);
                assertThat(app.client().get("/health").statusCode()).isEqualTo(200);

                disk.fill();

                HttpResponse<String> health = healthOnceDown(app, "/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"database\":\"DOWN\"").contains("the disk is full");
                assertThat(app.client().get("/health/ready").statusCode()).isEqualTo(503);
                assertThat(app.client().get("/health/live").statusCode()).isEqualTo(200);
                assertOneSentence503(askForToken(app), "the disk is full");

                disk.free();
                HttpResponse<String> back = app.client().get("/health");
                for (int i = 0; i < 100 && back.statusCode() != 200; i++) {
                    Thread.sleep(100);
                    back = app.client().get("/health");
                }
                assertThat(back.statusCode()).as("healthy again once there is space").isEqualTo(200);
                assertThat(askForToken(app).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_deleted_database_file_stops_every_write_loudly_and_health_names_it() throws Exception {
        DatabaseSettings settings = TestDatabases.freshSqlite();
        Path file = Path.of(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
        try (TestApp app = TestApp.start(settings)) {
            app.app.users.accounts().create("alice@example.org", "password1", "alice", false);
            assertThat(askForToken(app).statusCode()).isEqualTo(200);

            Files.delete(file);

            HttpResponse<String> health = app.client().get("/health");
            assertThat(health.statusCode()).as("the file check runs on every health call").isEqualTo(503);
            assertThat(health.body()).contains("was deleted while Pathary ran");
            assertOneSentence503(askForToken(app), "was deleted while Pathary ran");
        }
    }

    @Test
    void a_database_file_replaced_under_pathary_stops_every_write() throws Exception {
        DatabaseSettings settings = TestDatabases.freshSqlite();
        Path file = Path.of(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
        try (TestApp app = TestApp.start(settings)) {
            Path copy = file.resolveSibling("copy.db");
            Files.copy(file, copy);
            Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertOneSentence503(app.client().get("/health"), "was replaced by another file");
            assertOneSentence503(askForToken(app), "was replaced by another file");
        }
    }

    @Test
    void a_database_locked_by_another_program_turns_health_to_503() throws Exception {
        DatabaseSettings settings = TestDatabases.freshSqlite();
        try (TestApp app = TestApp.start(settings);
                Connection other = DriverManager.getConnection(settings.jdbcUrl());
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("UPDATE health_probe SET checked_at = 1");

            HttpResponse<String> health = healthOnceDown(app, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("locked by another program");

            statement.execute("ROLLBACK");
        }
    }
}
