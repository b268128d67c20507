package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.common.RetryPolicy;

import app.pathary.App;
import app.pathary.cli.CliRunner;
import app.pathary.config.DatabaseSettings;
import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeArr;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeRadarrMovie;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeSonarrEpisode;
import app.pathary.testing.FakeSonarrSeries;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read of Jellyfin, Radarr or Sonarr that fails for good (after the retries) stops {@code cleanup:plan},
 * {@code cleanup:run --execute} and {@code watched:report} with exit code 1 and one sentence on stderr that names the
 * system and what failed; nothing is deleted. The same set-up without the fault deletes, so "nothing deleted" means
 * something. A plan job that fails so keeps the sentence as its last error.
 */
@BothDialects
class CleanupReadFailuresTest {
    private static final App.Overrides NO_WAITS = App.Overrides.none().withJellyfinTimings(Duration.ofSeconds(2), Duration.ZERO);
    private static final String NOW = "2026-02-01";
    @TempDir
    Path dataDir;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private final Map<String, String> env = new HashMap<>();
    private FakeRadarrMovie heat;
    private FakeSonarrEpisode pilot;
    private DatabaseSettings database;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        Instant played = Instant.parse("2026-01-03T20:00:00Z");
        FakeItem heatItem = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        jellyfin.setUserData(alice, heatItem, FakeUserData.playedOn(played, 1));
        FakeItem show = jellyfin.addSeries("Pioneer One", 2010).tvdb("170551").path("/media/tv/Pioneer One");
        FakeItem pilotItem = jellyfin.addEpisode(show, 1, 1, "Pilot").path("/media/tv/Pioneer One/Season 01/e1.mkv");
        jellyfin.setUserData(alice, pilotItem, FakeUserData.playedOn(played, 1));
        heat = radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        FakeSonarrSeries series = sonarr.addSeries("Pioneer One", 170551, 0, "/tv/Pioneer One", "ended");
        pilot = sonarr.addEpisode(series, 1, 1, Instant.parse("2010-06-16T00:00:00Z"));
        sonarr.addEpisodeFile(series, 1, "/tv/Pioneer One/Season 01/e1.mkv", 1_000_000_000L, pilot);
        env.putAll(Map.of("DATA_DIR", dataDir.toString(), "JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "CLEANUP_EXECUTE", "true",
                "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies",
                "SONARR_URL", sonarr.baseUrl().toString(), "SONARR_API_KEY", sonarr.apiKey()));
        env.put("SONARR_PATH_MAP", "/media/tv:/tv");
        env.put("CLEANUP_MAX_DELETE_PERCENT", "100");
        env.put("CLEANUP_LEAVING_SOON_DAYS", "0"); // deletion at the run itself, as before the leaving-soon schedule
        database = TestDatabases.fresh(dialect);
        env.putAll(TestDatabases.environment(database));
    }

    @AfterEach
    void stop() {
        jellyfin.close();
        radarr.close();
        sonarr.close();
    }

    private CliRunner.Run run(String... args) {
        return CliRunner.run(env, NO_WAITS, "", args);
    }

    /** Exit code 1, exactly one line on stderr (no stack trace, no exception name), and no write reached an *arr. */
    private static String failedWithOneSentence(CliRunner.Run run, FakeArr... arrs) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("app.pathary");
        for (FakeArr arr : arrs) {
            assertThat(arr.deletedFiles()).isEmpty();
            assertThat(arr.requests()).as("reads only").allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        }
        return run.err().strip();
    }

    @Test
    void withoutFaultsTheRunDeletesTheWatchedMovieAndSeason() {
        CliRunner.Run run = run("cleanup:run", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(heat.exists()).isFalse();
        assertThat(sonarr.deletedFiles()).containsExactly("/tv/Pioneer One/Season 01/e1.mkv");
    }

    @Test
    void aPassingServerErrorOfEachSystemIsRetriedAndTheRunGoesThrough() {
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);
        radarr.failNext(1, FakeArrFault.BAD_GATEWAY);
        sonarr.failNext(1, FakeArrFault.STARTING_UP);

        CliRunner.Run run = run("cleanup:run", "--execute");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isBlank();
        assertThat(heat.exists()).isFalse();
        assertThat(pilot.hasFile()).isFalse();
    }

    @Test
    void radarrFailingForGoodStopsTheRunAfterItsPatientAttempts() {
        radarr.failNext(50, FakeArrFault.SERVER_ERROR);

        String sentence = failedWithOneSentence(run("cleanup:run", "--execute"), radarr, sonarr);

        assertThat(sentence).isEqualTo("Radarr radarr cannot be read: Radarr answered HTTP 500: "
                + "Object reference not set to an instance of an object.");
        assertThat(radarr.requests()).as("a cleanup run's reads are retried patiently: eight attempts")
                .hasSize(RetryPolicy.patient(Duration.ZERO).attempts()).hasSize(8);
        assertThat(heat.exists()).isTrue();
    }

    @Test
    void anHtmlPageFromAProxyInFrontOfRadarrStopsThePlan() {
        radarr.failNext(1, FakeArrFault.HTML_PAGE);

        String sentence = failedWithOneSentence(run("cleanup:plan", "--now", NOW), radarr, sonarr);

        assertThat(sentence).startsWith("Radarr radarr cannot be read: ").contains("HTML page");
    }

    @Test
    void truncatedJsonFromRadarrStopsTheRun() {
        radarr.failNext(1, FakeArrFault.TRUNCATED_JSON);

        String sentence = failedWithOneSentence(run("cleanup:run", "--execute"), radarr, sonarr);

        assertThat(sentence).isEqualTo("Radarr radarr cannot be read: Radarr sent JSON that is cut off or malformed.");
        assertThat(heat.exists()).isTrue();
    }

    @Test
    void sonarrDroppingEveryConnectionStopsTheRunBeforeRadarrDeletesAnything() {
        sonarr.failNext(50, FakeArrFault.DROP_CONNECTION);

        String sentence = failedWithOneSentence(run("cleanup:run", "--execute"), radarr, sonarr);

        assertThat(sentence).isEqualTo("Sonarr sonarr cannot be read: Sonarr: connection closed by the server.");
        assertThat(heat.exists()).isTrue();
        assertThat(pilot.hasFile()).isTrue();
    }

    @Test
    void jellyfinFailingForGoodStopsTheRunBeforeAnyArrIsAsked() {
        jellyfin.failNext(50, FakeJellyfin.Fault.SERVER_ERROR);

        String sentence = failedWithOneSentence(run("cleanup:run", "--execute"), radarr, sonarr);

        assertThat(sentence).isEqualTo("Jellyfin could not be read (GET /Users): Jellyfin answered HTTP 500.");
        assertThat(jellyfin.requestCount("GET", "/Users")).as("the sweep's reads are retried patiently: eight attempts").isEqualTo(8);
        assertThat(radarr.requests()).isEmpty();
        assertThat(sonarr.requests()).isEmpty();
    }

    @Test
    void aCutOffJellyfinAnswerStopsTheWatchedReport() {
        jellyfin.failNext(1, FakeJellyfin.Fault.TRUNCATED_JSON);

        String sentence = failedWithOneSentence(run("watched:report", "--now", NOW));

        assertThat(sentence).isEqualTo("Jellyfin could not be read (GET /Users): Jellyfin sent JSON that is cut off or malformed.");
    }

    @Test
    void jellyfinJsonOfAnotherShapeStopsThePlan() {
        jellyfin.failNext(1, FakeJellyfin.Fault.WRONG_SHAPE);

        String sentence = failedWithOneSentence(run("cleanup:plan", "--now", NOW), radarr, sonarr);

        assertThat(sentence).isEqualTo("Jellyfin could not be read (GET /Users): "
                + "the server does not look like Jellyfin (check the URL and base path).");
    }

    @Test
    void aPlanJobThatCannotReadRadarrKeepsTheSentenceAsItsLastErrorOnTheJobsPage() throws Exception {
        radarr.failNext(50, FakeArrFault.TRUNCATED_JSON);
        try (TestApp app = TestApp.start(database, Clock.systemUTC(), env)) {
            app.app.users.accounts().create("root@example.org", "password1", "root", true);
            WebClient admin = app.client();
            admin.logIn("root", "password1");

            admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
            Job job = awaitError(app);

            assertThat(job.lastError()).isEqualTo("Radarr radarr cannot be read: Radarr sent JSON that is cut off or malformed.");
            assertThat(admin.get("/admin/jobs").body()).contains("Radarr radarr cannot be read: Radarr sent JSON that is cut off or malformed.")
                    .doesNotContain("Exception");
            assertThat(radarr.deletedFiles()).isEmpty();
        }
    }

    private static Job awaitError(TestApp app) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            var jobs = app.app.jobs.repository().list(null, CleanupRuns.PLAN, null, 1);
            if (!jobs.isEmpty() && jobs.getFirst().lastError() != null) {
                return jobs.getFirst();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the plan job did not fail: " + app.app.jobs.repository().list(null, CleanupRuns.PLAN, null, 1));
    }
}
