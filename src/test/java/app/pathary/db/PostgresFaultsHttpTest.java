package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.DatabaseSettings;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A running Pathary whose PostgreSQL database is cut off (connections ended and refused, as when the server stops or
 * an admin blocks the database): /health and /health/ready answer 503 with the reason, and a write through the API
 * gets a 503 sentence instead of a raw exception. When the database comes back, so does Pathary.
 */
class PostgresFaultsHttpTest {

    @Test
    void a_database_cut_off_turns_health_to_503_with_the_reason_and_writes_get_a_503_sentence() throws Exception {
        DatabaseSettings database = TestDatabases.freshPostgres();
        try (TestApp app = TestApp.start(database)) {
            app.app.users.accounts().create("alice@example.org", "password1", "alice", false);
            TestDatabases.cutOff(database);

            HttpResponse<String> health = app.client().get("/health/ready");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"DOWN\"").contains("\"reason\"");

            HttpResponse<String> write = app.client().json("POST", "/api/auth/token", "{\"name\":\"alice\",\"password\":\"password1\"}");
            assertThat(write.statusCode()).isEqualTo(503);
            // a pooled connection the cut-off ended says "shutting down"; a new one is refused: either reason is named
            assertThat(write.body()).contains("The database cannot be used right now")
                    .containsAnyOf("does not accept connections", "is shutting down or starting")
                    .doesNotContain("Exception").doesNotContain("PSQL");

            TestDatabases.reconnect(database);
            HttpResponse<String> back = app.client().get("/health");
            for (int i = 0; i < 100 && back.statusCode() != 200; i++) {
                Thread.sleep(100); // the write probe runs at most every few seconds
                back = app.client().get("/health");
            }
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(app.client().json("POST", "/api/auth/token", "{\"name\":\"alice\",\"password\":\"password1\"}").statusCode())
                    .isEqualTo(200);
        }
    }
}
