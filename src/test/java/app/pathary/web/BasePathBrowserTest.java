package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Pathary under {@code BASE_PATH=/pathary} in a real browser: first run, the menu, a form, an htmx search, log out and
 * in; the styles and htmx load, and every request the browser made stayed under {@code /pathary}.
 */
@BothDialects
class BasePathBrowserTest {
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("BASE_PATH", "/pathary"));
        browser = Browser.start(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aHouseholdUsesPatharyUnderASubPathWithoutEverLeavingIt() {
        assertThat(server.baseUrl()).endsWith("/pathary");
        browser.open("/");
        browser.waitForPath("/setup");
        browser.type("#name", "alice");
        browser.type("#email", "alice@example.org");
        browser.type("#password", "correct horse");
        browser.click("#create-admin");
        browser.waitForPath("/");
        assertThat(browser.waitForText("#flash", "Welcome, alice.")).contains("Add your first watch");
        assertThat(browser.script("return typeof window.htmx")).as("htmx loaded from under the base path").isEqualTo("object");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.navbar')).display"))
                .as("Bootstrap's styles loaded from under the base path").isEqualTo("flex");

        browser.click("a.btn[href='/pathary/add']");
        browser.waitForPath("/add");
        browser.type("#title", "Arrival");
        browser.type("#tmdbId", "329865");
        browser.pickDate("#watchedAt", "2024-03-09");
        browser.click("#save-watch");
        assertThat(browser.waitForText("#flash", "Added a watch of Arrival.")).isEqualTo("Added a watch of Arrival.");
        assertThat(browser.currentPath()).startsWith("/movies/");

        for (List<String> groupAndEntry : List.of(List.of("Admin", "Jobs"), List.of("Cleanup", "Watched media"),
                List.of("Cleanup", "Plan and runs"), List.of("Cleanup", "Cleanup settings"), List.of("Jellyfin"),
                List.of("Admin", "Users"), List.of("History", "My history"))) {
            String menu = String.join(" > ", groupAndEntry);
            browser.menu(groupAndEntry.getFirst(), groupAndEntry.size() > 1 ? groupAndEntry.get(1) : null);
            browser.waitUntil(menu + " opens under /pathary", () -> browser.currentUrl().startsWith(server.baseUrl() + "/")
                    && !browser.findAll("h1").isEmpty());
            assertThat(browser.pageText()).as("the %s page", menu).doesNotContain("There is nothing at");
        }

        browser.script("window.sameDocument = true");
        browser.type("input[name=search]", "arr");
        browser.waitUntil("htmx narrowed the list", () -> browser.currentUrl().endsWith("/pathary/history?search=arr"));
        assertThat(browser.script("return window.sameDocument === true")).as("swapped in place by htmx").isEqualTo(true);
        assertThat(browser.findAll(".history-entry").stream().map(WebElement::getText).toList()).singleElement()
                .asString().contains("Arrival");

        browser.click("nav button[type=submit]");
        browser.waitForPath("/login");
        browser.open("/admin/jobs");
        browser.waitForPath("/login");
        browser.type("#login", "alice");
        browser.type("#password", "correct horse");
        browser.click("#log-in");
        browser.waitForPath("/admin/jobs");
        browser.screenshot("base-path-admin-jobs");

        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(server.baseUrl() + "/"));
    }
}
