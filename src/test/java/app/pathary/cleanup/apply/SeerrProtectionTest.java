package app.pathary.cleanup.apply;

import static app.pathary.cleanup.apply.CleanupScenario.movie;
import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.CleanupPlan;
import app.pathary.cleanup.plan.PlanEntry;
import app.pathary.common.RetryPolicy;
import app.pathary.config.SeerrOptions;
import app.pathary.db.Dialect;
import app.pathary.seerr.HttpSeerrClient;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeSeerr;
import app.pathary.watched.Verdict;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seerr in cleanup: a title requested within CLEANUP_SEERR_PROTECT_DAYS is kept by the plan and, requested after the
 * plan was made, again right before its deletion; a failed read of Seerr stops the run; a deleted title is cleared in
 * Seerr, and the audit says so.
 */
@BothDialects
class SeerrProtectionTest {
    private static final Instant NOW = CleanupScenario.NOW;
    private final CleanupScenario scenario;
    private final FakeSeerr seerr = FakeSeerr.start();
    private app.pathary.testing.FakeRadarrMovie heat;
    private app.pathary.testing.FakeRadarrMovie alien;

    SeerrProtectionTest(Dialect dialect) {
        scenario = new CleanupScenario(dialect);
    }

    @BeforeEach
    void useSeerr() {
        scenario.seerr = new SeerrLink(new HttpSeerrClient(HttpClient.newHttpClient(), Duration.ofSeconds(5),
                new RetryPolicy(2, Duration.ofMillis(10)), (system, reason) -> { }),
                new SeerrOptions(Optional.of(seerr.baseUrl()), seerr.apiKey(), Duration.ofDays(30), true), ZoneOffset.UTC);
        heat = scenario.radarr.addMovie("Heat", 1995, 949, "/movies/Heat").file("/movies/Heat/Heat.mkv", 1000);
        alien = scenario.radarr.addMovie("Alien", 1979, 348, "/movies/Alien").file("/movies/Alien/Alien.mkv", 2000);
        scenario.report.add(movie("jf-heat", "Heat", "/media/movies/Heat/Heat.mkv", 949, Verdict.ELIGIBLE));
        scenario.report.add(movie("jf-alien", "Alien", "/media/movies/Alien/Alien.mkv", 348, Verdict.ELIGIBLE));
    }

    @AfterEach
    void close() {
        scenario.close();
        seerr.close();
    }

    @Test
    void a_recent_request_keeps_the_movie_in_the_plan_with_who_asked_and_when_and_an_old_one_does_not() {
        seerr.request("movie", 949, "dana", Instant.parse("2026-02-20T18:00:00Z"));
        seerr.request("movie", 348, "erik", NOW.minus(Duration.ofDays(45)));

        CleanupPlan plan = scenario.plan();

        PlanEntry heat = CleanupScenario.entryFor(plan, "Heat");
        assertThat(heat.action()).isEqualTo(PlanEntry.KEEP);
        assertThat(heat.reasons()).containsExactly("requested by dana on 2026-02-20 in Seerr (kept for 30 days after a request)");
        assertThat(CleanupScenario.entryFor(plan, "Alien").action()).as("requested 45 days ago").isEqualTo(PlanEntry.DELETE_MOVIE);
    }

    @Test
    void a_request_made_after_the_plan_is_read_again_before_the_deletion_and_keeps_the_movie() {
        CleanupPlan plan = scenario.plan();
        assertThat(CleanupScenario.entryFor(plan, "Heat").action()).isEqualTo(PlanEntry.DELETE_MOVIE);
        seerr.request("movie", 949, "dana", NOW.minus(Duration.ofHours(2)));

        CleanupExecutor.Outcome outcome = scenario.execute(plan);

        assertThat(outcome.deleted()).as("only Alien").isEqualTo(1);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(heat.exists()).isTrue();
        assertThat(alien.exists()).isFalse();
        assertThat(scenario.records.audit().audit(10)).anyMatch(row -> row.item().equals("Heat")
                && row.result().contains("changed since the plan was made: requested by dana on 2026-03-01 in Seerr"));
    }

    @Test
    void a_failed_read_of_seerr_before_a_deletion_stops_the_run_and_never_means_not_requested() {
        CleanupPlan plan = scenario.plan();
        seerr.failNext(10, 502);

        CleanupExecutor.Outcome outcome = scenario.execute(plan);

        assertThat(outcome.deleted()).isZero();
        assertThat(outcome.stoppedBecause()).startsWith("Seerr could not be read to check").contains("HTTP 502")
                .endsWith("The run stopped; nothing after this item was touched.");
        assertThat(heat.exists() && alien.exists()).isTrue();
    }

    @Test
    void a_deleted_movie_is_cleared_in_seerr_so_it_can_be_requested_again_and_the_audit_says_so() {
        var old = seerr.request("movie", 348, "erik", NOW.minus(Duration.ofDays(90)));
        CleanupPlan plan = scenario.plan();

        CleanupExecutor.Outcome outcome = scenario.execute(plan);

        assertThat(outcome.deleted()).isEqualTo(2);
        assertThat(seerr.holds("movie", 348)).isFalse();
        assertThat(seerr.log).contains("DELETE /api/v1/media/" + old.id());
        assertThat(scenario.records.audit().audit(10)).anyMatch(row -> row.item().equals("Alien")
                && row.result().equals("deleted the movie and its files; cleared in Seerr (media " + old.id() + "), so it can be requested again"));
        assertThat(scenario.records.audit().audit(10)).anyMatch(row -> row.item().equals("Heat")
                && row.result().equals("deleted the movie and its files; Seerr holds no media for TMDb id 949"));
    }
}
