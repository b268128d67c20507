package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
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

/**
 * The watched report as an admin reads it, on a desktop and on a 390 px phone: "Read Jellyfin again" shows its progress
 * and a finished message; a library of 62 movies comes in pages of 50 with totals; filters narrow it and keep to the
 * filter from page to page. Nothing scrolls sideways.
 */
@BothDialects
class WatchedBrowserTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private TestApp app;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        for (int i = 1; i <= 60; i++) {
            FakeItem movie = jellyfin.addMovie(String.format("Film %02d", i), 1990 + i % 30).path("/media/movies/Film " + i + ".mkv");
            jellyfin.setUserData(alice, movie, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        }
        jellyfin.addMovie("Heat", 1995).path("/media/movies/Heat.mkv");
        jellyfin.addMovie("Alien", 1979).path("/media/movies/Alien.mkv");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice"));
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
    }

    @Test
    void on_a_desktop_the_report_is_read_again_with_progress_and_paged() {
        browser.desktop();
        readPageAndFilter("desktop");
    }

    @Test
    void on_a_phone_the_report_is_read_again_with_progress_and_paged() {
        browser.phone();
        readPageAndFilter("phone");
    }

    private void readPageAndFilter(String device) {
        browser.menu("Cleanup", "Watched media");
        browser.waitForPath("/admin/cleanup/watched");
        assertThat(browser.find("#no-report").getText()).startsWith("No report yet.");

        browser.click("#refresh");
        assertThat(browser.waitForText("#flash", "being read from Jellyfin")).contains("its progress shows below");
        assertThat(browser.waitForText("#job-progress", "Reading Jellyfin: finished.")).contains("Show the result");
        browser.click("#job-result");
        browser.waitUntil("the report shows", () -> browser.shows("#report-age"));
        assertThat(browser.find("#total-eligible").getText()).isEqualTo("60");
        assertThat(browser.find("#total-kept").getText()).isEqualTo("2");
        assertThat(browser.find("#shown").getText()).isEqualTo("62 of 62 entries match; showing 50 on page 1 of 2.");
        assertThat(browser.findAll("#entries .watched-entry")).hasSize(50);
        assertThat(browser.find("#paging-top").getText()).contains("Page 1 of 2 · 62 entries", "Next");
        assertThat(browser.horizontalOverflow()).as("page 1 on a " + device).isZero();
        browser.screenshot("watched-" + device);

        browser.click("#paging-bottom a[rel=next]");
        browser.waitUntil("page 2", () -> browser.find("#shown").getText().contains("page 2 of 2"));
        assertThat(browser.findAll("#entries .watched-entry")).hasSize(12);
        assertThat(browser.find("#paging-top").getText()).contains("Previous").doesNotContain("Next");

        browser.find("#filter-verdict").sendKeys("kept");
        browser.click("#watched-filters button[type=submit]");
        browser.waitUntil("filtered", () -> browser.find("#shown").getText().startsWith("2 of 62"));
        assertThat(browser.currentUrl()).contains("verdict=kept");
        assertThat(browser.find("#entries").getText()).contains("Heat (1995)", "Alien (1979)", "not watched").doesNotContain("Film 01");
        assertThat(browser.shows("#paging-top")).as("one page needs no paging").isFalse();
        assertThat(browser.horizontalOverflow()).as("filtered on a " + device).isZero();
    }
}
