package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cli.CliRunner;
import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole cleanup from Jellyfin to Radarr: environment and CONFIG_FILE, the Cleanup page, the plan API and the CLI. */
@BothDialects
class CleanupSurfacesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeRadarr radarr4k = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private Map<String, String> env;
    private TestApp app;
    private WebClient admin;
    private int heatId;

    @BeforeEach
    void start(Dialect dialect) throws Exception {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        FakeItem alien = jellyfin.addMovie("Alien", 1979).tmdb("348").path("/media/movies4k/Alien/Alien.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        jellyfin.setUserData(alice, alien, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        heatId = radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L).id();
        radarr4k.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 30_000_000_000L);
        Path config = dir.resolve("pathary.yaml");
        Files.writeString(config, """
                radarr:
                  - name: radarr-4k
                    url: %s
                    apiKey: %s
                    pathMap: /media/movies4k:/movies
                sonarr:
                  - name: sonarr
                    url: %s
                    apiKey: %s
                cleanup:
                  importExclusion: true
                """.formatted(radarr4k.baseUrl(), radarr4k.apiKey(), sonarr.baseUrl(), sonarr.apiKey()));
        env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "RADARR_PATH_MAP", "/media/movies:/movies", "CONFIG_FILE", config.toString()));
        env.put("CLEANUP_MAX_DELETE_PERCENT", "100");
        env.put("CLEANUP_LEAVING_SOON_DAYS", "0"); // deletion at the run itself, as before the leaving-soon schedule
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), env);
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        admin = app.client();
        admin.logIn("root", "password1");
        env.put("DATA_DIR", app.dataDir.toString());
        env.put("DATABASE_URL", app.app.config.database().jdbcUrl());
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
        radarr.close();
        radarr4k.close();
        sonarr.close();
    }

    private Job awaitJob(String type) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var jobs = app.app.jobs.repository().list(null, type, null, 1);
            if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                return jobs.getFirst();
            }
            Thread.sleep(25);
        }
        throw new AssertionError(type + " did not finish: " + app.app.jobs.repository().list(null, type, null, 3));
    }

    /** The execute form as the page on screen fills it: the plan's id and digest, and the confirmation. */
    private Map<String, String> executeForm() {
        JsonNode plan;
        try {
            plan = JSON.readTree(admin.get("/api/cleanup/plan").body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.of("confirm", "yes", "planId", plan.get("id").asText(), "digest", plan.get("digest").asText());
    }

    @Test
    void instances_come_from_the_environment_and_the_config_file() {
        assertThat(app.app.cleanup.instances().instances()).extracting(ArrInstanceConfig::name, ArrInstanceConfig::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("radarr", "environment"),
                        org.assertj.core.groups.Tuple.tuple("radarr-4k", "CONFIG_FILE"), org.assertj.core.groups.Tuple.tuple("sonarr", "CONFIG_FILE"));
        assertThat(app.app.cleanup.instances().actions().importExclusion()).isTrue();
        assertThat(app.app.cleanup.instances().actions().execute()).as("CLEANUP_EXECUTE defaults to off").isFalse();
        String page = admin.get("/settings/server/cleanup").body();
        assertThat(page).contains("radarr-4k").contains("<code>/media/movies4k</code> → <code>/movies</code>").doesNotContain(radarr.apiKey());
        admin.submit("/settings/server/cleanup", "/settings/server/cleanup/instances/test", Map.of("name", "radarr-4k"));
        assertThat(admin.get("/settings/server/cleanup").body()).contains("Connected to Radarr");
    }

    @Test
    void a_dry_run_makes_a_plan_and_deletes_nothing_and_execution_needs_cleanup_execute() throws Exception {
        CliRunner.Run dry = CliRunner.run(env, "", "cleanup:run", "--now", "2026-02-01");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("delete-movie         radarr       Heat: matched by file path")
                .contains("delete-movie         radarr-4k    Alien").contains("to reclaim on radarr: 7000000000")
                .contains("Dry run: nothing was deleted.");
        assertThat(radarr.deletedFiles()).isEmpty();
        CliRunner.Run pastGrace = CliRunner.run(env, "", "cleanup:run", "--execute", "--now", "2099-01-01");
        assertThat(pastGrace.exitCode()).as("--now cannot skip grace periods of an execution").isEqualTo(2);
        assertThat(pastGrace.err()).contains("--now is for dry runs only");
        CliRunner.Run refused = CliRunner.run(env, "", "cleanup:run", "--execute");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("CLEANUP_EXECUTE is off, so plans are only made; switch it on to delete.");
        assertThat(radarr.movie(heatId).exists()).isTrue();

        JsonNode plan = JSON.readTree(CliRunner.run(env, "", "cleanup:plan", "--json", "--now", "2026-01-05").out());
        assertThat(plan.get("entries")).allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("keep"));
    }

    @Test
    void the_cleanup_page_makes_a_plan_excludes_by_hand_and_executes_with_confirmation() throws Exception {
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob(CleanupRuns.PLAN);
        String page = admin.get("/admin/cleanup").body();
        assertThat(page).contains("Movies to delete (2)").contains("Heat").contains("Dry run:").contains("7.0 GB");
        JsonNode api = JSON.readTree(admin.get("/api/cleanup/plan").body());
        assertThat(api.get("entries")).anySatisfy(e -> assertThat(e.get("title").asText()).isEqualTo("Alien"));
        String alienId = api.get("entries").findParents("title").stream().filter(e -> e.get("title").asText().equals("Alien"))
                .findFirst().orElseThrow().get("jellyfinIds").get(0).asText();
        admin.submit("/admin/cleanup", "/admin/cleanup/exclusions", Map.of("jellyfinId", alienId, "title", "Alien"));
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", executeForm());
        assertThat(admin.get("/admin/cleanup").body()).contains("CLEANUP_EXECUTE is off");

        admin.submit("/settings/server/cleanup", "/settings/server/cleanup/actions", Map.of("CLEANUP_EXECUTE", "true"));
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob(CleanupRuns.PLAN);
        assertThat(admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of()).statusCode()).as("no confirmation").isEqualTo(400);
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", executeForm());
        Job executed = awaitJob(CleanupRuns.EXECUTE);
        assertThat(executed.summary()).startsWith("Deleted 1 ");
        assertThat(radarr.movie(heatId).exists()).isFalse();
        assertThat(radarr.importExclusions()).as("importExclusion: true in CONFIG_FILE").contains(949);
        assertThat(radarr4k.deletedFiles()).as("excluded by hand").isEmpty();
        String after = admin.get("/admin/cleanup").body();
        assertThat(after).contains("deleted the movie and its files, with an import exclusion").contains("root");
        assertThat(app.client().get("/api/cleanup/plan").statusCode()).isEqualTo(401);
    }
}
