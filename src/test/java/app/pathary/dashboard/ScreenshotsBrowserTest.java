package app.pathary.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.Household;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The screenshots of the README: the dashboard, the history grid and the cleanup plan, on a desktop (1280 px) and a
 * phone (390 px), of the {@link Household}. They go to {@code target/screenshots}, or to the folder the system property
 * {@code pathary.screenshots} names ({@code bench/screenshots.sh} passes {@code docs/screenshots}).
 */
@BothDialects
class ScreenshotsBrowserTest {
    @Test
    void the_readmes_pages_on_a_desktop_and_a_phone(Dialect dialect) throws Exception {
        Path folder = Path.of(System.getProperty("pathary.screenshots", "target/screenshots"));
        try (Household household = new Household(dialect); Browser browser = household.browser()) {
            var admin = household.app.client();
            admin.logIn("alice", Household.PASSWORD);
            admin.submit("/admin/cleanup", "/admin/cleanup/plan", Map.of());
            browser.open("/admin/cleanup");
            browser.waitUntil("the plan is made", () -> {
                browser.open("/admin/cleanup");
                return browser.pageText().contains("Movies to delete");
            });
            for (var device : new Object[][] {{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}) {
                browser.viewport((Integer) device[1], (Integer) device[2], (Boolean) device[3]);
                shoot(browser, folder, "/", "dashboard-" + device[0], ".film img");
                shoot(browser, folder, "/history?view=grid", "history-grid-" + device[0], ".history-entry img");
                shoot(browser, folder, "/admin/cleanup", "plan-" + device[0], ".plan-entry img");
                assertThat(browser.scrollsSideways()).isFalse();
            }
        }
    }

    /** Opens the page, waits for its first posters, and saves what the screen shows. */
    private static void shoot(Browser browser, Path folder, String page, String name, String posters) {
        browser.open(page);
        browser.waitUntil(name + ": posters loaded", () -> Boolean.TRUE.equals(browser.script(
                "return Array.from(document.querySelectorAll(arguments[0])).slice(0, 8).every(i => i.complete && i.naturalWidth > 0)", posters)));
        assertThat(browser.screenshot(folder, name)).exists();
    }
}
