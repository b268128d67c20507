package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import app.pathary.watched.Strategy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A plan goes stale between "look" and "click": everything the household did meanwhile (a favourite, an unplayed mark,
 * a new play, an exclusion, a keep tag, an upgraded file, a new root folder) keeps the item, and the audit says why.
 * Every case runs through the page's form and the execute job, against fake Jellyfin, Radarr and Sonarr over HTTP, on
 * SQLite and PostgreSQL. Strategy {@code any} over alice and bob; everything was played by alice long ago.
 */
@BothDialects
class StalePlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PLAYED = Instant.parse("2026-01-03T20:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private FakeUser alice;
    private FakeUser bob;
    private FakeItem heat;
    private FakeItem alien;
    private FakeItem show;
    private FakeItem episode1;
    private int heatId;
    private int alienId;
    private int showId;
    private TestApp app;
    private WebClient admin;

    void start(Dialect dialect, Map<String, String> extra) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        alice = jellyfin.addAdmin("alice", "pw");
        bob = jellyfin.addUser("bob", "pw");
        heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat/Heat.mkv");
        alien = jellyfin.addMovie("Alien", 1979).tmdb("348").path("/media/movies/Alien/Alien.mkv");
        show = jellyfin.addSeries("Show", 2020).tvdb("7001");
        episode1 = jellyfin.addEpisode(show, 1, 1, "One").path("/media/tv/Show/Season 1/e1.mkv");
        FakeItem episode2 = jellyfin.addEpisode(show, 1, 2, "Two").path("/media/tv/Show/Season 1/e2.mkv");
        for (FakeItem item : List.of(heat, alien, episode1, episode2)) {
            jellyfin.setUserData(alice, item, FakeUserData.playedOn(PLAYED, 1));
        }
        heatId = radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 7_000).id();
        alienId = radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 9_000).id();
        radarr.addMovie("Ronin", 1998, 8195, "/movies/Ronin").file("/movies/Ronin/Ronin.mkv", 5_000);
        var series = sonarr.addSeries("Show", 7001, 8001, "/tv/Show", "ended");
        showId = series.id();
        var e1 = sonarr.addEpisode(series, 1, 1, Instant.parse("2024-01-01T00:00:00Z"));
        var e2 = sonarr.addEpisode(series, 1, 2, Instant.parse("2024-01-08T00:00:00Z"));
        sonarr.addEpisodeFile(series, 1, "/tv/Show/Season 1/e1.mkv", 100, e1);
        sonarr.addEpisodeFile(series, 1, "/tv/Show/Season 1/e2.mkv", 100, e2);
        sonarr.addEpisode(series, 2, 1, Instant.parse("2024-06-01T00:00:00Z"));
        Map<String, String> env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_STRATEGY", "any", "CLEANUP_USERS", "alice,bob", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "SONARR_URL", sonarr.baseUrl().toString(),
                "SONARR_API_KEY", sonarr.apiKey(), "SONARR_PATH_MAP", "/media/tv:/tv"));
        env.put("CLEANUP_EXECUTE", "true");
        env.put("CLEANUP_MAX_DELETE_PERCENT", "100");
        env.putAll(extra);
        app = TestApp.start(TestDatabases.fresh(dialect), clock, env);
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        jellyfin.close();
        radarr.close();
        sonarr.close();
    }

    private JsonNode makePlan() {
        admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
        awaitJob("cleanup_plan");
        return api("/api/cleanup/plan");
    }

    private JsonNode api(String path) {
        try {
            return JSON.readTree(admin.get(path).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Job execute(JsonNode plan, Map<String, String> more) {
        Map<String, String> form = new HashMap<>(Map.of("confirm", "yes", "planId", plan.get("id").asText(), "digest", plan.get("digest").asText()));
        form.putAll(more);
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", form);
        return awaitJob("cleanup_execute");
    }

    private Job awaitJob(String type) {
        for (int i = 0; i < 600; i++) {
            var jobs = app.app.jobs.repository().list(null, type, null, 1);
            if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                app.app.jobs.repository().deleteFinished();
                return jobs.getFirst();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(type + " did not finish: " + app.app.jobs.repository().list(null, type, null, 3));
    }

    private String auditOf(String item) {
        return app.app.cleanup.stores().audit().audit(50).stream().filter(row -> row.item().equals(item)).map(CleanupAudit.AuditRow::result)
                .findFirst().orElseThrow(() -> new AssertionError("no audit row for " + item + ": " + app.app.cleanup.stores().audit().audit(50)));
    }

    private void assertDeletesAlienOnly(JsonNode plan) {
        assertThat(plan.get("entries").findValuesAsText("action")).contains("delete-movie");
        Job job = execute(plan, Map.of());
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        assertThat(radarr.movie(alienId).exists()).as("what did not change is deleted").isFalse();
        assertThat(radarr.movie(heatId).exists()).as("what changed is kept").isTrue();
    }

    @Test
    void a_favourite_marked_after_the_plan_keeps_the_movie(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        jellyfin.setUserData(bob, heat, FakeUserData.NONE.withFavorite(true));
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).startsWith("skipped at 12:00, changed since the plan was made").contains("a favourite of bob");
    }

    @Test
    void a_movie_marked_unplayed_after_the_plan_is_kept(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        jellyfin.setUserData(alice, heat, FakeUserData.NONE);
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).contains("not watched by any counted user");
    }

    @Test
    void a_new_play_under_any_restarts_the_grace_period(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        jellyfin.setUserData(bob, heat, FakeUserData.playedOn(clock.instant().minus(Duration.ofHours(2)), 1));
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).contains("watched by alice on 2026-01-03 and bob on 2026-03-01").contains("grace of 5 days ends on 2026-03-06");
    }

    @Test
    void an_exclusion_made_after_the_plan_keeps_the_movie_and_the_page_says_so(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        admin.submit("/admin/cleanup", "/admin/cleanup/exclusions", Map.of("jellyfinId", heat.id(), "title", "Heat"));
        assertThat(admin.get("/admin/cleanup").body()).contains("Will be kept: excluded from cleanup by root on 2026-03-01 12:00");
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).contains("excluded from cleanup by root on 2026-03-01 12:00");
    }

    @Test
    void a_keep_tag_or_an_upgraded_file_after_the_plan_keeps_the_movie(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        radarr.movie(heatId).tags(radarr.addTag("keep"));
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).contains("tagged keep in radarr");
    }

    @Test
    void a_file_upgraded_after_the_plan_is_not_deleted(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        radarr.movie(heatId).file("/movies/Heat/Heat.2160p.mkv", 40_000);
        assertDeletesAlienOnly(plan);
        assertThat(auditOf("Heat")).isEqualTo("skipped at 12:00: its file changed since the plan was made");
        assertThat(radarr.movie(heatId).hasFile()).isTrue();
    }

    @Test
    void a_series_tagged_keep_or_made_a_favourite_after_the_plan_keeps_its_seasons(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        assertThat(plan.get("entries").findValuesAsText("action")).contains("delete-episode-files");
        jellyfin.setUserData(bob, show, FakeUserData.NONE.withFavorite(true));
        execute(plan, Map.of());
        assertThat(sonarr.deletedFiles()).as("a series favourite is inherited by its episodes").isEmpty();
        assertThat(auditOf("Show season 1")).contains("a favourite of bob (inherited from the series Show)");
        assertThat(radarr.movie(alienId).exists()).isFalse();

        jellyfin.setUserData(bob, show, FakeUserData.NONE);
        JsonNode second = makePlan();
        sonarr.series(showId).tags(sonarr.addTag("Keep"));
        execute(second, Map.of());
        assertThat(sonarr.deletedFiles()).isEmpty();
        assertThat(app.app.cleanup.stores().audit().audit(1).getFirst().result()).contains("the series is tagged keep in sonarr");
    }

    @Test
    void a_folder_that_became_a_root_folder_or_holds_one_is_never_deleted(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        radarr.addRootFolder("/movies/Heat");
        radarr.addRootFolder("/movies/Alien/Extras");
        execute(plan, Map.of());
        assertThat(radarr.movie(heatId).exists()).isTrue();
        assertThat(radarr.movie(alienId).exists()).isTrue();
        assertThat(auditOf("Heat")).contains("its folder /movies/Heat is a root folder of radarr");
        assertThat(auditOf("Alien")).contains("its folder /movies/Alien holds the root folder /movies/Alien/Extras of radarr");
    }

    @Test
    void the_plan_on_screen_is_the_one_executed_and_a_superseded_old_or_executed_plan_is_refused(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode first = makePlan();
        JsonNode second = makePlan();
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of("confirm", "yes", "planId", first.get("id").asText(),
                "digest", first.get("digest").asText()));
        assertThat(admin.get("/admin/cleanup").body()).contains("Plan " + first.get("id").asText() + " was superseded by plan "
                + second.get("id").asText());
        assertThat(app.app.jobs.repository().list(null, "cleanup_execute", null, 5)).as("nothing was queued").isEmpty();

        clock.advance(Duration.ofHours(25));
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of("confirm", "yes", "planId", second.get("id").asText(),
                "digest", second.get("digest").asText()));
        assertThat(admin.get("/admin/cleanup").body()).contains("more than 24 hours ago (CLEANUP_PLAN_MAX_AGE_HOURS)");
        assertThat(radarr.deletedFiles()).isEmpty();

        JsonNode third = makePlan();
        assertThat(execute(third, Map.of()).summary()).startsWith("Deleted 3 ");
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of("confirm", "yes", "planId", third.get("id").asText(),
                "digest", third.get("digest").asText()));
        assertThat(admin.get("/admin/cleanup").body()).contains("Plan " + third.get("id").asText() + " was already executed");
    }

    @Test
    void a_jellyfin_that_cannot_be_read_at_apply_time_stops_the_run_with_a_sentence_and_deletes_nothing(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        jellyfin.failNext(50, FakeJellyfin.Fault.HTML_PAGE);
        Job job = execute(plan, Map.of());
        assertThat(job.status()).isEqualTo(Job.Status.FAILED);
        assertThat(job.lastError()).startsWith("Jellyfin could not be read to check plan " + plan.get("id").asText() + " again (")
                .endsWith("); nothing was deleted.").doesNotContain("Exception");
        assertThat(radarr.deletedFiles()).isEmpty();
        assertThat(sonarr.deletedFiles()).isEmpty();
        jellyfin.clearFaults();
        assertThat(execute(plan, Map.of()).summary()).as("the plan was not used up").startsWith("Deleted 3 ");
    }

    @Test
    void an_instance_that_answers_with_an_empty_library_at_apply_time_stops_the_run(Dialect dialect) {
        start(dialect, Map.of());
        JsonNode plan = makePlan();
        radarr.movies().forEach(movie -> radarr.forget(movie.id()));
        Job job = execute(plan, Map.of());
        assertThat(job.summary()).contains("STOPPED: Radarr radarr answered with an empty library, but the plan deletes 2 items from it");
        assertThat(sonarr.deletedFiles()).as("nothing at all is touched").isEmpty();
    }

    @Test
    void a_plan_past_the_limits_stops_until_an_admin_overrides_it_for_that_plan(Dialect dialect) {
        start(dialect, Map.of("CLEANUP_MAX_DELETIONS_PER_RUN", "1"));
        JsonNode plan = makePlan();
        assertThat(plan.get("stops").get(0).asText()).isEqualTo(
                "The plan deletes 3 items, more than CLEANUP_MAX_DELETIONS_PER_RUN (1) allows in one run.");
        assertThat(admin.get("/admin/cleanup").body()).contains("Override the limits for this plan");
        admin.submit("/admin/cleanup", "/admin/cleanup/execute", Map.of("confirm", "yes", "planId", plan.get("id").asText(),
                "digest", plan.get("digest").asText()));
        assertThat(admin.get("/admin/cleanup").body()).contains("needs an override");
        assertThat(radarr.deletedFiles()).isEmpty();

        Job job = execute(plan, Map.of("overrideLimits", "yes"));
        assertThat(job.summary()).startsWith("Deleted 3 ");
        assertThat(app.app.cleanup.stores().audit().audit(10)).anyMatch(row -> row.result().startsWith("limits overridden by root"));
    }

    @Test
    void more_than_half_of_an_instance_needs_an_override_and_the_api_executes_the_plan_named_with_its_digest(Dialect dialect) {
        start(dialect, Map.of("CLEANUP_MAX_DELETE_PERCENT", "50"));
        jellyfin.setUserData(alice, jellyfin.addMovie("Ronin", 1998).tmdb("8195").path("/media/movies/Ronin/Ronin.mkv"),
                FakeUserData.playedOn(PLAYED, 1));
        JsonNode plan = makePlan();
        assertThat(plan.get("stops").toString()).contains("The plan deletes 3 of the 3 movies of radarr (100 %)");
        String id = plan.get("id").asText();
        var api = app.client().withBearer(app.app.users.tokens().create(app.app.users.accounts().byName("root").id(), "test"));
        String path = "/api/cleanup/plans/" + id + "/execute";
        var noDigest = api.json("POST", path, "{}");
        assertThat(noDigest.statusCode()).isEqualTo(400);
        assertThat(noDigest.body()).contains("digest is required");
        assertThat(api.json("POST", path, "{\"digest\":\"" + plan.get("digest").asText() + "\"}").body()).contains("needs an override");
        var wrong = api.json("POST", path, "{\"digest\":\"0000\",\"overrideLimits\":true}");
        assertThat(wrong.statusCode()).as("a plan that is not the one confirmed conflicts with the request").isEqualTo(409);
        assertThat(wrong.body()).contains("is not the plan that was confirmed");
        var accepted = api.json("POST", path, "{\"digest\":\"" + plan.get("digest").asText() + "\",\"overrideLimits\":true}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(awaitJob("cleanup_execute").summary()).startsWith("Deleted 4 ");
    }
}
