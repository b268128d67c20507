package app.pathary.cleanup.apply;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.cleanup.plan.DiskState;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The disks on the cleanup page, on a desktop and on a 390 px phone: after three weeks of samples (a disk filling up,
 * one run that reclaimed space) and a plan under disk pressure, each disk shows its bar with the threshold and target,
 * the chart of free space with the run's bar, and the forecast; nothing scrolls sideways. The desktop view is saved as
 * docs/screenshots/cleanup-disks.png.
 */
@BothDialects
class DiskBrowserTest {
    private static final long GB = 1_000_000_000L;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp app;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.useClock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        FakeUser alice = jellyfin.addAdmin("alice", "pw");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949").path("/media/movies/Heat (1995)/Heat.mkv");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2026-01-03T20:00:00Z"), 1));
        radarr.addMovie("Heat", 1995, 949, "/movies/Heat (1995)").file("/movies/Heat (1995)/Heat.mkv", 40 * GB);
        radarr.addDisk("/movies", 600 * GB, 8_000 * GB);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(),
                "RADARR_API_KEY", radarr.apiKey(), "RADARR_PATH_MAP", "/media/movies:/movies", "CLEANUP_DISK_THRESHOLD", "90%",
                "CLEANUP_DISK_TARGET", "85%", "CLEANUP_LEAVING_SOON_DAYS", "7"));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        // three weeks of samples as earlier plans and runs stored them: the disk fills by about 30 GB a day; one run reclaimed 200 GB
        Instant now = Instant.now();
        for (int day = 21; day >= 1; day--) {
            Instant at = now.minus(Duration.ofDays(day));
            long free = (1_200 - (21 - day) * 30 + (day <= 10 ? 200 : 0)) * GB;
            DiskState disk = new DiskState("/movies", free, 8_000 * GB, "/diskspace of radarr", List.of("radarr /movies"), null, null, null, null,
                    DiskState.NO_LIMIT, null, 0, free);
            new DiskSamples(app.app.database.jdbi(), Clock.fixed(at, ZoneOffset.UTC)).record(List.of(disk),
                    day == 10 ? Map.of("/movies", 200 * GB) : Map.of(), day == 10 ? "run" : "plan");
        }
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
    void on_a_desktop_the_disk_shows_its_bar_chart_and_forecast() {
        browser.desktop();
        seeTheDisk();
        browser.script("window.scrollTo({top: document.getElementById('disks').offsetTop - 8, behavior: 'instant'})");
        Path saved = browser.screenshot(Path.of(System.getProperty("pathary.screenshots", "target/screenshots")), "cleanup-disks");
        assertThat(saved).exists();
    }

    @Test
    void on_a_phone_the_disk_fits_the_screen() {
        browser.phone();
        seeTheDisk();
        browser.script("window.scrollTo({top: document.getElementById('disks').offsetTop - 8, behavior: 'instant'})");
        browser.screenshot("cleanup-disks-phone");
    }

    private void seeTheDisk() {
        browser.menu("Cleanup", "Plan and runs");
        browser.waitForPath("/admin/cleanup");
        browser.click("#make-plan");
        browser.waitForText("#job-progress", "Making a plan: finished.");
        browser.open("/admin/cleanup");
        browser.waitUntil("the disks show", () -> browser.shows("#disks"));
        String card = browser.find("#disk-0").getText();
        assertThat(card).contains("/movies", "over the threshold", "600.0 GB free of 8.0 TB (93 % used)", "from /diskspace of radarr",
                "threshold 90 %", "target 85 %", "disk pressure makes 1 item due now (40.0 GB)");
        assertThat(browser.find("#disk-0 .disk-forecast").getText()).startsWith("Forecast: filling up by").contains("at or past the threshold now");
        assertThat(browser.findAll("#disk-0 .disk-bar line")).as("threshold and target marked").hasSize(2);
        assertThat(browser.findAll("#disk-0 .disk-run")).as("the run that reclaimed 200 GB").hasSize(1);
        assertThat(browser.find("#disk-0 .disk-line").getAttribute("points").split(" ")).as("a point per sample").hasSize(22);
        assertThat(browser.horizontalOverflow()).as("nothing scrolls sideways").isZero();
    }
}
