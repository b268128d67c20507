package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The cleanup page as an admin uses it, on a desktop and on a 390 px phone: making a plan shows its progress and then
 * the plan with its totals; the list filters; executing shows its progress, then the run's result in place of the
 * plan, which is no longer offered; the audit log lists the run with its totals in GB. No step scrolls sideways.
 */
@BothDialects
class CleanupBrowserTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp app;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        FakeItem alien = jellyfin.addMovie("Alien", 1979).tmdb("348").path("/media/movies/Alien (1979)/Alien.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        jellyfin.setUserData(alice, alien, FakeUserData.playedOn(Instant.parse("2026-01-04T20:00:00Z"), 1));
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 7_000_000_000L);
        radarr.addMovie("Alien", 1979, 348, "/movies/Alien (1979)").file("/movies/Alien (1979)/Alien.mkv", 30_000_000_000L);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_EXECUTE", "true",
                "CLEANUP_MAX_DELETE_PERCENT", "100"));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        browser = Browser.start(app.baseUrl());
        browser.open("/login");
        browser.type("#login", "root");
        browser.type("#password", "password1");
        browser.click("#log-in");
        browser.waitUntil("logged in", () -> !browser.currentPath().equals("/login"));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
        jellyfin.close();
        radarr.close();
    }

    @Test
    void on_a_desktop_an_admin_makes_a_plan_executes_it_and_reads_the_result() {
        browser.desktop();
        makeExecuteAndReadTheResult("desktop");
    }

    @Test
    void on_a_phone_an_admin_makes_a_plan_executes_it_and_reads_the_result() {
        browser.phone();
        makeExecuteAndReadTheResult("phone");
    }

    private void makeExecuteAndReadTheResult(String device) {
        browser.menu("Cleanup", "Plan and runs");
        browser.waitForPath("/admin/cleanup");
        assertThat(browser.find("#no-plan").getText()).startsWith("No plan yet.");
        assertThat(browser.horizontalOverflow()).as("no plan yet").isZero();

        browser.click("#make-plan");
        assertThat(browser.waitForText("#flash", "A new plan is being made")).contains("its progress shows below");
        assertThat(browser.waitForText("#job-progress", "Making a plan: finished.")).contains("Plan 1: 2 movies and 0 seasons to delete (37.00 GB)");
        browser.click("#job-result");
        browser.waitUntil("the plan shows", () -> browser.shows("#plan-identity"));
        assertThat(browser.find("#total-delete-movie").getText()).contains("Movies to delete (2)", "37.00 GB");
        assertThat(browser.findAll("#plan-entries .plan-entry").stream().map(WebElement::getText).toList())
                .as("deletions first, the largest first").satisfiesExactly(
                        alien -> assertThat(alien).contains("Alien", "movies to delete · radarr · 30.00 GB"),
                        heat -> assertThat(heat).contains("Heat", "7.00 GB"));
        assertThat(browser.horizontalOverflow()).as("the plan on a " + device).isZero();
        browser.open("/admin/cleanup/watched");
        browser.click("#refresh");
        browser.waitUntil("the watched report is stored", () -> {
            browser.open("/admin/cleanup/watched");
            return browser.findAll("#entries .watched-entry").size() == 2;
        });
        assertThat(browser.findAll("#entries .entry-size").stream().map(WebElement::getText).toList())
                .as("the watched report borrows the plan's sizes").containsExactlyInAnyOrder(
                        "30.00 GB on disk (from the latest cleanup plan)", "7.00 GB on disk (from the latest cleanup plan)");
        browser.open("/admin/cleanup");
        browser.waitUntil("the plan shows", () -> browser.shows("#plan-identity"));
        assertThat(browser.findAll("#plan-entries .entry-year").stream().map(WebElement::getText).toList())
                .as("years from the stored watched report").containsExactly("(1979)", "(1995)");
        browser.screenshot("cleanup-plan-" + device);

        browser.type("#filter-search", "heat");
        browser.click("#plan-filters button[type=submit]");
        browser.waitUntil("the list is filtered", () -> browser.find("#plan-shown").getText().startsWith("1 of 2"));
        assertThat(browser.find("#plan-shown").getText()).isEqualTo("1 of 2 entries match (7.00 GB to delete among them).");
        assertThat(browser.find("#plan-entries").getText()).contains("Heat").doesNotContain("Alien");

        browser.click("label[for=confirm]");
        browser.click("#execute-plan");
        assertThat(browser.answerConfirm(true)).startsWith("Delete what plan 1 lists");
        assertThat(browser.waitForText("#job-progress", "Executing the plan: finished.")).contains("Deleted 2 (37.00 GB), 0 already gone");
        browser.click("#job-result");
        browser.waitUntil("the run's result shows", () -> browser.shows("#run-result"));
        assertThat(browser.find("#run-result").getText()).contains("Plan 1 was executed", "by root: Deleted 2 (37.00 GB)",
                "2 deleted (37.00 GB reclaimed), 0 failed", "This plan cannot be executed again. Make a new plan");
        assertThat(browser.shows("#execute-plan")).as("the executed plan is not offered again").isFalse();
        assertThat(browser.shows("#plan-entries")).as("its list is gone with it").isFalse();
        assertThat(browser.shows("#make-new-plan")).isTrue();
        assertThat(browser.find("#audit .audit-run summary").getText()).contains("plan 1", "by root", "2 deleted (37.00 GB)", "2 actions");
        browser.click("#audit .audit-run summary");
        assertThat(browser.find("#audit .audit-run table").getText()).contains("Alien", "30.00 GB", "deleted the movie and its files");
        assertThat(browser.horizontalOverflow()).as("the result and the audit log on a " + device).isZero();
        browser.screenshot("cleanup-result-" + device);
        assertThat(radarr.movies()).as("both deleted through Radarr").isEmpty();
    }
}
