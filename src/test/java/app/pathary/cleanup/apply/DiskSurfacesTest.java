package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cli.CliRunner;
import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
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

/**
 * Disk pressure from the outside: a 95 % full disk under a 90 % threshold, with a week's leaving-soon notice. The CLI
 * prints the disk figures and the chosen item, the cleanup page draws the disk, the run deletes only what reaches the
 * target, and /metrics carries the disk gauges and the bytes reclaimed per disk.
 */
@BothDialects
class DiskSurfacesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GB = 1_000_000_000L;
    @TempDir
    Path dir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private Map<String, String> env;
    private TestApp app;
    private WebClient admin;
    private int heatId;
    private int alienId;

    @BeforeEach
    void start(Dialect dialect) throws Exception {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        FakeItem alien = jellyfin.addMovie("Alien", 1979).tmdb("348").path("/media/movies/Alien/Alien.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        jellyfin.setUserData(alice, alien, FakeUserData.playedOn(Instant.parse("2026-01-02T20:00:00Z"), 1));
        heatId = radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7 * GB).id();
        alienId = radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 30 * GB).id();
        radarr.addDisk("/movies", 5 * GB, 100 * GB);
        Path config = dir.resolve("pathary.yaml");
        Files.writeString(config, """
                cleanup:
                  disks:
                    - rootFolder: /movies
                      instance: radarr
                      threshold: 90%
                      target: 80%
                """);
        env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(),
                "RADARR_PATH_MAP", "/media/movies:/movies", "CONFIG_FILE", config.toString()));
        env.put("CLEANUP_MAX_DELETE_PERCENT", "100");
        env.put("CLEANUP_EXECUTE", "true");
        env.put("CLEANUP_LEAVING_SOON_DAYS", "7");
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
    }

    private Job awaitJob(String type, int count) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var jobs = app.app.jobs.repository().list(null, type, null, 5);
            if (jobs.size() >= count && jobs.getFirst().finished()) {
                return jobs.getFirst();
            }
            Thread.sleep(25);
        }
        throw new AssertionError(type + " did not finish: " + app.app.jobs.repository().list(null, type, null, 3));
    }

    @Test
    void the_cli_prints_the_disk_figures_and_the_item_disk_pressure_made_due_now() {
        CliRunner.Run plan = CliRunner.run(env, "", "cleanup:plan");

        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("disk /movies: 5.0 GB free of 100.0 GB (95 % used); from /diskspace of radarr; threshold 90 %, target 80 %; "
                + "over: over the threshold; disk pressure makes 1 item due now (30.0 GB)");
        assertThat(plan.out()).contains("delete-movie         radarr       Alien: disk /movies is 95 % full (threshold 90 %, target 80 %); "
                + "this frees 30.0 GB; due now because of disk pressure");
        assertThat(plan.out()).contains("leaving              radarr       Heat: leaving on");
        assertThat(radarr.deletedFiles()).isEmpty();
    }

    @Test
    void the_page_draws_the_disk_the_run_deletes_only_what_reaches_the_target_and_metrics_count_it() throws Exception {
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob(CleanupRuns.PLAN, 1);
        String page = admin.get("/admin/cleanup").body();
        assertThat(page).contains("id=\"disks\"").contains("over the threshold").contains("class=\"disk-bar\"").contains("class=\"disk-chart\"")
                .contains("95 % used").contains("Forecast: not enough samples");
        JsonNode disks = JSON.readTree(admin.get("/api/cleanup/disks").body());
        assertThat(disks.path("disks").get(0).path("disk").path("chosenBytes").asLong()).isEqualTo(30 * GB);

        JsonNode plan = JSON.readTree(admin.get("/api/cleanup/plan").body());
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of("confirm", "yes", "planId", plan.get("id").asText(),
                "digest", plan.get("digest").asText()));
        Job executed = awaitJob(CleanupRuns.EXECUTE, 1);

        assertThat(executed.summary()).startsWith("Deleted 1 (30.00 GB)");
        assertThat(radarr.movie(alienId).exists()).isFalse();
        assertThat(radarr.movie(heatId).exists()).as("Heat keeps its leaving-soon date").isTrue();
        String metrics = admin.get("/metrics").body();
        assertThat(metrics).contains("pathary_cleanup_disk_free_bytes{disk=\"/movies\"}")
                .contains("pathary_cleanup_disk_threshold_free_bytes{disk=\"/movies\"} 1.0E10")
                .contains("pathary_cleanup_disk_target_free_bytes{disk=\"/movies\"} 2.0E10")
                .contains("pathary_cleanup_disk_reclaimed_bytes_total{disk=\"/movies\"} 3.0E10");
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob(CleanupRuns.PLAN, 2);
        assertThat(admin.get("/admin/cleanup").body()).contains("class=\"disk-run\"").contains("30.0 GB reclaimed on");
    }
}
