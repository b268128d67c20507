package app.pathary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.apply.CleanupExecutor;
import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeRadarrMovie;
import app.pathary.testing.FakeReceiver;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.MutableClock;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What cleanup executions tell the channels, through the real executor, job queue and a local webhook receiver: the
 * "deleted" summary per instance, retried with backoff while the receiver fails, without holding up or changing the
 * deletion; and the reason sentence when a run stops.
 */
@BothDialects
class CleanupNotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeReceiver webhook = FakeReceiver.start();
    private final Dialect dialect;
    private FakeRadarrMovie heat;
    private TestApp app;

    CleanupNotificationsTest(Dialect dialect) {
        this.dialect = dialect;
    }

    @BeforeEach
    void start() {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem movie = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat/Heat.mkv");
        jellyfin.setUserData(alice, movie, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        heat = radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 7_000);
        Map<String, String> env = new HashMap<>(Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey(),
                "CLEANUP_STRATEGY", "any", "CLEANUP_USERS", "alice", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_EXECUTE", "true",
                "CLEANUP_MAX_DELETE_PERCENT", "100"));
        env.put("NOTIFY_WEBHOOK_URL", webhook.url("/hook").toString());
        app = TestApp.start(TestDatabases.fresh(dialect), clock, env);
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
        radarr.close();
        webhook.close();
    }

    @Test
    void a_failing_receiver_is_retried_with_backoff_and_never_holds_up_or_changes_the_deletion() throws Exception {
        webhook.failNext(1, 503);
        CleanupPlan plan = app.app.cleanup.runs().makePlan(TODAY);

        CleanupExecutor.Outcome outcome = app.app.cleanup.runs().execute(plan.id(), "root", false);

        assertThat(outcome.deleted()).isEqualTo(1);
        assertThat(heat.exists()).isFalse();
        assertThat(webhook.await(1).getFirst().body()).contains("\"event\":\"deleted\"");
        awaitLog(1);
        SendLog.Send failed = app.app.notifications.log().recent(1).getFirst();
        assertThat(failed.ok()).isFalse();
        assertThat(failed.reason()).isEqualTo("webhook channel webhook answered HTTP 503 (tried again later)");

        // The retry is due 10 s after the failure on the job's clock; the failure is stored just after the log line, so
        // time moves on until the retry arrives (advancing once could land before the retry's time was set).
        java.time.Instant until = java.time.Instant.now().plusSeconds(20);
        while (webhook.received.size() < 2 && java.time.Instant.now().isBefore(until)) {
            clock.advance(Duration.ofSeconds(11));
            Thread.sleep(250);
        }

        JsonNode body = JSON.readTree(webhook.await(2).get(1).body());
        assertThat(body.path("event").asText()).isEqualTo("deleted");
        assertThat(body.path("title").asText()).isEqualTo("Cleanup deleted 1 item (7.0 KB)");
        assertThat(body.path("message").asText()).isEqualTo("Plan " + plan.id() + ", started by root: 1 item deleted, 7.0 KB freed.");
        assertThat(body.path("items").get(0).path("name").asText()).isEqualTo("radarr");
        assertThat(body.path("items").get(0).path("detail").asText()).isEqualTo("1 item, 7.0 KB");
        awaitLog(2);
        SendLog.Send retried = app.app.notifications.log().recent(1).getFirst();
        assertThat(retried.ok()).isTrue();
        assertThat(retried.attempt()).isEqualTo(2);
    }

    @Test
    void a_stopped_run_sends_its_reason_sentence() throws Exception {
        CleanupPlan plan = app.app.cleanup.runs().makePlan(TODAY);
        radarr.setRootFolderMissing(true);

        CleanupExecutor.Outcome outcome = app.app.cleanup.runs().execute(plan.id(), "root", false);

        assertThat(outcome.stoppedBecause()).isNotNull();
        JsonNode body = JSON.readTree(webhook.await(1).getFirst().body());
        assertThat(body.path("event").asText()).isEqualTo("run-stopped");
        assertThat(body.path("title").asText()).isEqualTo("Cleanup stopped");
        assertThat(body.path("message").asText()).isEqualTo(outcome.stoppedBecause());
        assertThat(heat.exists()).isTrue();
    }

    private void awaitLog(int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (app.app.notifications.log().recent(100).size() < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(app.app.notifications.log().recent(100)).hasSizeGreaterThanOrEqualTo(count);
    }
}
