package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.cleanup.apply.CleanupExecutor;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics an operator alerts on, read from {@code /metrics} with the metrics token, each before and after the action
 * that moves it: webhook deliveries by result, cleanup plan time, deletions and bytes reclaimed, and failed requests to
 * Jellyfin and the *arr by reason. (The job queue's gauges: {@code JobGaugesTest}.)
 */
@BothDialects
class OperatorMetricsHttpTest {
    private static final String TOKEN = "metrics-token-0123456789";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private FakeUser alice;
    private FakeItem heat;
    private TestApp app;
    private WebClient scraper;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        alice = jellyfin.addAdmin("alice", "pw");
        heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_MAX_DELETE_PERCENT", "100",
                "CLEANUP_EXECUTE", "true", "METRICS_TOKEN", TOKEN));
        scraper = app.client().withBearer(TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
        radarr.close();
    }

    private String scrape() {
        var response = scraper.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series ({@code name{labels}} exactly as Prometheus writes it); absent is an error. */
    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as("%s is on /metrics", series).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void webhook_deliveries_are_counted_by_result_and_no_series_holds_the_secret_url() {
        long userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        String secret = app.app.jellyfinLink.webhookUrls().regenerate(userId);
        URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + secret);
        String payload = jellyfin.webhooks().playbackStop(alice, heat, 81_600_000_000L, true);

        try (CapturedLogs logs = CapturedLogs.attach()) {
            assertThat(jellyfin.webhooks().post(webhook, payload).status()).isEqualTo(200);
            assertThat(jellyfin.webhooks().post(webhook, payload).status()).isEqualTo(200);
            assertThat(jellyfin.webhooks().post(URI.create(app.baseUrl() + "/api/webhook/jellyfin/00000000-0000-4000-8000-000000000000"),
                    payload).status()).isEqualTo(404);
            assertThat(jellyfin.webhooks().post(webhook, "{not json").status()).isEqualTo(400);
            assertThat(logs.jsonLines()).as("DEBUG lines of these deliveries, as LOG_FORMAT=json writes them")
                    .anySatisfy(line -> assertThat(line).contains("POST /api/webhook/jellyfin/{id} -> 200"))
                    .noneSatisfy(line -> assertThat(line).contains(secret));
        }

        String metrics = scrape();
        assertThat(value(metrics, "pathary_webhook_deliveries_total{result=\"recorded\"}")).isEqualTo(1.0);
        assertThat(value(metrics, "pathary_webhook_deliveries_total{result=\"duplicate\"}")).isEqualTo(1.0);
        assertThat(value(metrics, "pathary_webhook_deliveries_total{result=\"unknown_webhook\"}")).isEqualTo(1.0);
        assertThat(value(metrics, "pathary_webhook_deliveries_total{result=\"invalid\"}")).isEqualTo(1.0);
        assertThat(metrics).contains("route=\"/api/webhook/jellyfin/{id}\"").doesNotContain(secret);
    }

    @Test
    void making_and_executing_a_plan_counts_its_time_its_deletions_and_the_bytes_reclaimed() {
        String before = scrape();
        assertThat(value(before, "pathary_cleanup_plan_seconds_count{result=\"made\"}")).isZero();
        assertThat(value(before, "pathary_cleanup_actions_total{result=\"deleted\"}")).isZero();
        assertThat(value(before, "pathary_cleanup_reclaimed_bytes_total")).isZero();

        CleanupPlan plan = app.app.cleanup.runs().makePlan(app.app.today());
        CleanupExecutor.Outcome outcome = app.app.cleanup.runs().execute(plan.id(), "root", false);
        assertThat(outcome.deleted()).isEqualTo(1);

        String after = scrape();
        assertThat(value(after, "pathary_cleanup_plan_seconds_count{result=\"made\"}")).isEqualTo(1.0);
        assertThat(value(after, "pathary_cleanup_plan_seconds_sum{result=\"made\"}")).isPositive();
        assertThat(value(after, "pathary_cleanup_actions_total{result=\"deleted\"}")).isEqualTo(1.0);
        assertThat(value(after, "pathary_cleanup_actions_total{result=\"failed\"}")).isZero();
        assertThat(value(after, "pathary_cleanup_reclaimed_bytes_total")).isEqualTo(7.0e9);
    }

    @Test
    void failed_requests_to_jellyfin_and_the_arr_are_counted_by_system_and_reason() {
        radarr.close();
        assertThatThrownBy(() -> app.app.cleanup.runs().makePlan(app.app.today())).isNotNull();
        String metrics = scrape();
        assertThat(value(metrics, "pathary_remote_request_errors_total{reason=\"connection_refused\",system=\"radarr\"}"))
                .as("each attempt of the read, retries included").isGreaterThanOrEqualTo(1.0);
        assertThat(value(metrics, "pathary_cleanup_plan_seconds_count{result=\"failed\"}")).isEqualTo(1.0);

        jellyfin.close();
        assertThatThrownBy(() -> app.app.cleanup.runs().makePlan(app.app.today())).isNotNull();
        assertThat(value(scrape(), "pathary_remote_request_errors_total{reason=\"connection_refused\",system=\"jellyfin\"}"))
                .isGreaterThanOrEqualTo(1.0);
    }
}
