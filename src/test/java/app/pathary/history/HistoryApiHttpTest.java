package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class HistoryApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/users/alice/history/movies";
    private TestApp app;
    private WebClient alice;

    private void start(Dialect dialect) throws Exception {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("alice@example.org", "password1", "alice", false);
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        alice = app.client().withBearer(token("alice"));
    }

    private String token(String name) throws Exception {
        HttpResponse<String> response = app.client().json("POST", "/api/auth/token",
                "{\"name\":\"" + name + "\",\"password\":\"password1\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("user").path("name").asText()).isEqualTo(name);
        return body.get("token").asText();
    }

    private JsonNode history(WebClient client, String query) throws Exception {
        HttpResponse<String> response = client.get(PATH + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void two_posted_dates_come_back_newest_first_with_their_movie(Dialect dialect) throws Exception {
        start(dialect);
        HttpResponse<String> posted = alice.json("POST", PATH, """
                [{"tmdbId": 603, "title": "The Matrix", "year": 1999, "imdbId": "tt0133093", "watchedAt": "2026-01-03"},
                 {"tmdbId": 603, "watchedAt": "2026-02-04", "plays": 2, "comment": "with Bob"}]""");
        assertThat(posted.statusCode()).isEqualTo(204);
        JsonNode body = history(alice, "");
        assertThat(body.get("currentPage").asInt()).isEqualTo(1);
        assertThat(body.get("maxPage").asInt()).isEqualTo(1);
        JsonNode first = body.get("history").get(0);
        assertThat(first.get("watchedAt").asText()).isEqualTo("2026-02-04");
        assertThat(first.get("plays").asInt()).isEqualTo(2);
        assertThat(first.get("comment").asText()).isEqualTo("with Bob");
        assertThat(first.get("movie").get("tmdbId").asInt()).isEqualTo(603);
        assertThat(first.get("movie").get("imdbId").asText()).isEqualTo("tt0133093");
        assertThat(first.get("movie").get("title").asText()).isEqualTo("The Matrix");
        assertThat(body.get("history").get(1).get("watchedAt").asText()).isEqualTo("2026-01-03");
        assertThat(history(alice, "?sortOrder=asc").get("history").get(0).get("watchedAt").asText()).isEqualTo("2026-01-03");
    }

    @Test
    void post_adds_plays_put_sets_them_and_delete_removes_one_date_or_all(Dialect dialect) throws Exception {
        start(dialect);
        alice.json("POST", PATH, "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"},"
                + "{\"tmdbId\":603,\"watchedAt\":null},{\"tmdbId\":603,\"watchedAt\":\"2026-01-05\"}]");
        alice.json("POST", PATH, "[{\"tmdbId\":603,\"watchedAt\":\"2026-01-03\",\"plays\":2}]");
        assertThat(history(alice, "?sortOrder=asc").get("history").get(1).get("plays").asInt()).isEqualTo(3);
        assertThat(alice.json("PUT", PATH, "[{\"tmdbId\":603,\"watchedAt\":\"2026-01-03\",\"plays\":1,\"comment\":\"fixed\"}]").statusCode()).isEqualTo(204);
        JsonNode afterPut = history(alice, "?sortOrder=asc").get("history");
        assertThat(afterPut.get(0).get("watchedAt").isNull()).as("the unknown date sorts first when oldest first").isTrue();
        assertThat(afterPut.get(1).get("plays").asInt()).isEqualTo(1);
        assertThat(afterPut.get(1).get("comment").asText()).isEqualTo("fixed");
        long movieId = afterPut.get(1).get("movie").get("id").asLong();
        assertThat(alice.json("DELETE", PATH, "[{\"movieId\":" + movieId + ",\"watchedAt\":null}]").statusCode()).isEqualTo(204);
        assertThat(history(alice, "").get("history")).hasSize(2);
        assertThat(alice.json("DELETE", PATH, "[{\"tmdbId\":603}]").statusCode()).isEqualTo(204);
        assertThat(history(alice, "").get("history")).isEmpty();
    }

    @Test
    void malformed_input_is_a_400_naming_the_field_and_writes_nothing(Dialect dialect) throws Exception {
        start(dialect);
        String valid = "{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"}";
        String[][] cases = {
                {"[" + valid + ",{\"tmdbId\":604,\"title\":\"X\",\"watchedAt\":\"2026-13-01\"}]", "item 1: watchedAt must be a date as yyyy-MM-dd"},
                {"[" + valid + ",{\"tmdbId\":604,\"title\":\"X\"}]", "item 1: watchedAt is missing"},
                {"[" + valid + ",{\"tmdbId\":\"abc\",\"watchedAt\":null}]", "item 1: tmdbId must be a whole number"},
                {"[" + valid + ",{\"tmdbId\":604,\"title\":\"X\",\"watchedAt\":null,\"plays\":0}]", "item 1: plays must be"},
                {"[" + valid + ",{\"watchedAt\":null}]", "item 1: give exactly one of tmdbId and movieId"},
                {"[" + valid + ",{\"tmdbId\":999999,\"watchedAt\":null}]", "No movie with TMDb id 999999"},
                {"[" + valid + ",42]", "item 1 must be a JSON object"},
                {valid, "The body must be a JSON array"},
                {"[]", "The array must hold 1 to"},
                {"[{\"tmdbId\":603", "not valid JSON"},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = alice.json("POST", PATH, c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(history(alice, "").get("history")).as("nothing partially written").isEmpty();
        assertThat(alice.get(PATH + "?page=0").statusCode()).isEqualTo(400);
        assertThat(alice.get(PATH + "?sortOrder=sideways").body()).contains("sortOrder must be asc or desc");
    }

    @Test
    void users_write_only_their_own_history_and_admins_may_read_all(Dialect dialect) throws Exception {
        start(dialect);
        alice.json("POST", PATH, "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"}]");
        WebClient bob = app.client().withBearer(token("bob"));
        WebClient root = app.client().withBearer(token("root"));
        assertThat(bob.get(PATH).statusCode()).isEqualTo(403);
        assertThat(bob.json("POST", PATH, "[{\"tmdbId\":603,\"watchedAt\":null}]").statusCode()).isEqualTo(403);
        assertThat(root.json("POST", PATH, "[{\"tmdbId\":603,\"watchedAt\":null}]").statusCode()).isEqualTo(403);
        assertThat(history(root, "").get("history")).hasSize(1);
        assertThat(alice.get("/api/users/nobody/history/movies").statusCode()).isEqualTo(404);
        assertThat(app.client().withBearer("not-a-token").get(PATH).statusCode()).isEqualTo(401);
    }

    @Test
    void played_movies_list_every_date_of_each_movie(Dialect dialect) throws Exception {
        start(dialect);
        alice.json("POST", PATH, "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"},"
                + "{\"tmdbId\":603,\"watchedAt\":\"2026-02-01\"},{\"tmdbId\":949,\"title\":\"Heat\",\"watchedAt\":\"2025-12-01\"}]");
        JsonNode played = JSON.readTree(alice.get("/api/users/alice/played/movies").body()).get("played");
        assertThat(played).hasSize(2);
        assertThat(played.get(0).get("movie").get("title").asText()).isEqualTo("The Matrix");
        assertThat(played.get(0).get("watchDates")).hasSize(2);
        assertThat(played.get(0).get("watchDates").get(0).get("watchedAt").asText()).isEqualTo("2026-02-01");
    }

    @Test
    void tokens_are_issued_for_a_password_and_revoked_on_delete(Dialect dialect) throws Exception {
        start(dialect);
        HttpResponse<String> wrong = app.client().json("POST", "/api/auth/token", "{\"email\":\"alice@example.org\",\"password\":\"nope-nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong name, email or password.");
        assertThat(app.client().json("POST", "/api/auth/token", "{\"password\":\"x\"}").body()).contains("Give \\\"name\\\" or \\\"email\\\"");
        JsonNode me = JSON.readTree(alice.get("/api/auth/token").body());
        assertThat(me.get("user").get("name").asText()).isEqualTo("alice");
        assertThat(me.get("user").get("isAdmin").asBoolean()).isFalse();
        assertThat(alice.json("DELETE", "/api/auth/token", null).statusCode()).isEqualTo(204);
        assertThat(alice.get(PATH).statusCode()).isEqualTo(401);
    }

    @Test
    void health_reports_the_database_and_metrics_count_requests(Dialect dialect) throws Exception {
        start(dialect);
        HttpResponse<String> health = app.client().get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\",\"database\":\"UP\"}"));
        alice.get(PATH);
        String metrics = app.client().withBearer(token("root")).get("/metrics").body(); // an admin reads the metrics
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/users/{name}/history/movies\",status=\"200\"}")
                .contains("jvm_memory_used_bytes");
        assertThat(app.client().get("/api/nothing-here").body()).startsWith("{\"error\":");
    }

    @Test
    void data_and_tokens_are_still_there_after_a_restart(Dialect dialect) throws Exception {
        var database = TestDatabases.fresh(dialect);
        String token;
        try (TestApp first = TestApp.start(database)) {
            first.app.users.accounts().create("carol@example.org", "password1", "carol", false);
            token = JSON.readTree(first.client().json("POST", "/api/auth/token", "{\"name\":\"carol\",\"password\":\"password1\"}").body())
                    .get("token").asText();
            first.client().withBearer(token).json("POST", "/api/users/carol/history/movies",
                    "[{\"tmdbId\":603,\"title\":\"The Matrix\",\"watchedAt\":\"2026-01-03\"},{\"tmdbId\":603,\"watchedAt\":\"2026-01-04\"}]");
        }
        try (TestApp second = TestApp.start(database)) {
            JsonNode body = JSON.readTree(second.client().withBearer(token).get("/api/users/carol/history/movies").body());
            assertThat(body.get("history")).extracting(e -> e.get("watchedAt").asText()).containsExactly("2026-01-04", "2026-01-03");
        }
        app = TestApp.start(TestDatabases.freshSqlite());
    }
}
