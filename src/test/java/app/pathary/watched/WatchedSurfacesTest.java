package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cli.CliRunner;
import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watched report on the admin page, in the API, on the settings page and in the CLI. */
@BothDialects
class WatchedSurfacesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final String apiKey = jellyfin.addApiKey();
    private final FakeUser alice = jellyfin.addAdmin("alice", "pw");
    private Map<String, String> env;
    private TestApp app;
    private WebClient admin;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").path("/media/movies/The Matrix (1999).mkv");
        jellyfin.addMovie("Heat", 1995).tmdb("949");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", apiKey,
                "CLEANUP_PRIMARY_USER", "alice"));
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private void awaitReport() throws InterruptedException {
        for (int i = 0; i < 300 && app.app.watched.stored().latestJson().isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(app.app.jobs.repository().list(Job.Status.FAILED, null, null, 5)).isEmpty();
    }

    @Test
    void the_report_is_made_by_a_job_shown_to_admins_and_served_as_json() throws Exception {
        assertThat(admin.get("/api/cleanup/watched").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/cleanup/watched").body()).contains("No report yet");
        admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        awaitReport();
        String page = admin.get("/admin/cleanup/watched").body();
        assertThat(page).contains("The Matrix").contains("watched by alice on 2026-01-03; grace of 5 days passed on 2026-01-08.")
                .contains("not watched by alice").contains("id=\"total-eligible\">1<").contains("Computed just now");
        assertThat(admin.get("/admin/cleanup/watched?verdict=kept").body()).contains("Heat").doesNotContain("/media/movies/The Matrix");
        JsonNode report = JSON.readTree(admin.get("/api/cleanup/watched").body());
        JsonNode matrix = report.get("entries").findParents("name").stream().filter(e -> e.get("name").asText().equals("The Matrix")).findFirst().orElseThrow();
        assertThat(matrix.get("kind").asText()).isEqualTo("movie");
        assertThat(matrix.get("verdict").asText()).isEqualTo("eligible");
        assertThat(matrix.get("tmdbId").asInt()).isEqualTo(603);
        assertThat(matrix.get("path").asText()).isEqualTo("/media/movies/The Matrix (1999).mkv");
        assertThat(matrix.get("lastPlayed").asText()).isEqualTo("2026-01-03");
        assertThat(matrix.get("eligibleOn").asText()).isEqualTo("2026-01-08");
        assertThat(matrix.get("reasons").get(0).asText()).isEqualTo("watched by alice on 2026-01-03");
        assertThat(matrix.has("series")).as("absent for movies").isFalse();
        assertThat(report.get("totals").get("eligible").asInt()).isEqualTo(1);
    }

    @Test
    void only_admins_see_the_report_and_the_settings() {
        WebClient bob = app.client();
        bob.logIn("bob", "password1");
        assertThat(bob.get("/admin/cleanup/watched").statusCode()).isEqualTo(403);
        assertThat(bob.get("/api/cleanup/watched").statusCode()).isEqualTo(403);
        assertThat(bob.get("/settings/server/cleanup").statusCode()).isEqualTo(403);
    }

    @Test
    void the_settings_page_locks_what_the_environment_sets_and_saves_the_rest() {
        String page = admin.get("/settings/server/cleanup").body();
        assertThat(page).containsPattern("name=\"JELLYFIN_URL\" value=\"[^\"]+\"\\s+disabled");
        assertThat(page).doesNotContain(apiKey);
        admin.submit("/settings/server/cleanup", "/settings/server/cleanup",
                Map.of("CLEANUP_STRATEGY", "any", "CLEANUP_GRACE_DAYS_MOVIES", "9", "JELLYFIN_URL", "http://elsewhere:8096"));
        WatchedSettings saved = app.app.watched.settings().load();
        assertThat(saved.strategy()).isEqualTo(Strategy.ANY);
        assertThat(saved.graceDaysMovies()).isEqualTo(9);
        assertThat(saved.jellyfinUrl()).as("the environment wins").isEqualTo(jellyfin.baseUrl());
        assertThat(saved.keepFavorites()).as("an unticked box").isFalse();
        var refused = admin.submit("/settings/server/cleanup", "/settings/server/cleanup", Map.of("CLEANUP_GRACE_DAYS_MOVIES", "soon"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("CLEANUP_GRACE_DAYS_MOVIES must be a number of days");
        assertThat(app.app.watched.settings().load().graceDaysMovies()).isEqualTo(9);
        admin.submit("/settings/server/cleanup", "/settings/server/cleanup/test", Map.of());
        assertThat(admin.get("/settings/server/cleanup").body()).contains("Connected to ").contains("1 user.")
                .contains("it may create and fill the “Leaving soon” collections");
    }

    @Test
    void the_cli_prints_the_report_as_text_or_json_for_a_given_day_and_strategy() throws Exception {
        env.put("DATA_DIR", app.dataDir.toString());
        env.put("DATABASE_URL", app.app.config.database().jdbcUrl());
        CliRunner.Run text = CliRunner.run(env, "", "watched:report", "--now", "2026-01-05");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("0 eligible, 1 waiting, 1 kept, 0 doubtful")
                .contains("waiting   movie   The Matrix: watched by alice on 2026-01-03; grace of 5 days ends on 2026-01-08.");
        CliRunner.Run json = CliRunner.run(env, "", "watched:report", "--json", "--strategy", "any", "--grace-days", "1", "--now", "2026-01-05");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("policy").asText()).startsWith("any (alice)");
        assertThat(report.get("totals").get("eligible").asInt()).isEqualTo(1);
        assertThat(CliRunner.run(env, "", "watched:report", "--now", "5 Jan").err()).contains("--now must be a date as yyyy-MM-dd");
        assertThat(CliRunner.run(env, "", "watched:report", "--strategy", "most").err().strip())
                .isEqualTo("--strategy must be primary, any or all, not 'most'.");
    }
}
