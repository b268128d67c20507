package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthHttpTest {
    @Test
    void health_is_503_and_down_when_the_database_cannot_be_reached() {
        var database = TestDatabases.freshPostgres();
        try (TestApp app = TestApp.start(database)) {
            assertThat(app.client().get("/health").statusCode()).isEqualTo(200);
            TestDatabases.cutOff(database);
            long started = System.nanoTime();
            HttpResponse<String> health = app.client().get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"DOWN\"");
            assertThat((System.nanoTime() - started) / 1_000_000).as("answers within the check's bound, in ms").isLessThan(5_000);
        }
    }

    @Test
    void live_answers_while_the_database_is_gone_and_ready_follows_the_database() {
        var database = TestDatabases.freshPostgres();
        try (TestApp app = TestApp.start(database)) {
            HttpResponse<String> ready = app.client().get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"migrations\":\"DONE\"").contains("\"database\":\"UP\"");

            TestDatabases.cutOff(database);

            assertThat(app.client().get("/health/live").statusCode()).as("the process still answers").isEqualTo(200);
            HttpResponse<String> notReady = app.client().get("/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("\"database\":\"DOWN\"");
        }
    }
}
