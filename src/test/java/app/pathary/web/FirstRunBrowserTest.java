package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new household's first visit, in a real browser: setup, log out and in again, the first watch. */
@BothDialects
class FirstRunBrowserTest {
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
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
    void aNewInstallLeadsFromSetupToTheFirstWatchInTheHistory() {
        browser.open("/");
        browser.waitForPath("/setup");
        assertThat(browser.waitForText("h1", "Welcome to Pathary")).isEqualTo("Welcome to Pathary");

        browser.type("#name", "alice");
        browser.type("#email", "alice@example.org");
        browser.type("#password", "correct horse");
        browser.screenshot("setup");
        browser.click("#create-admin");

        browser.waitForPath("/");
        assertThat(browser.waitForText("#flash", "Welcome, alice.")).contains("Add your first watch");
        assertThat(browser.find("h1").getText()).isEqualTo("Hello, alice");
        browser.open("/history");
        assertThat(browser.find("#total").getText()).isEqualTo("0 watch dates");
        assertThat(browser.find("#history-rows").getText()).contains("No watches yet.");
        assertThat(browser.find("nav").getText()).contains("alice", "History", "Cleanup", "Admin", "Log out");

        browser.click("nav button[type=submit]");
        browser.waitForPath("/login");
        browser.open("/history");
        browser.waitForPath("/login");

        browser.type("#login", "alice@example.org");
        browser.type("#password", "correct horse");
        browser.click("#log-in");
        browser.waitForPath("/history");
        assertThat(browser.find("nav").getText()).contains("alice");

        browser.click("a.btn[href='/add']");
        browser.waitForPath("/add");
        browser.type("#title", "Arrival");
        browser.type("#tmdbId", "329865");
        browser.type("#year", "2016");
        browser.pickDate("#watchedAt", "2024-03-09");
        browser.type("#plays", "2");
        browser.type("#comment", "with the family");
        browser.screenshot("add-a-watch");
        browser.click("#save-watch");

        assertThat(browser.waitForText("#flash", "Added a watch of Arrival.")).isEqualTo("Added a watch of Arrival.");
        assertThat(browser.currentPath()).startsWith("/movies/");
        assertThat(browser.find("h1").getText()).isEqualTo("Arrival (2016)");
        assertThat(browser.find("#dates .date-label").getText()).isEqualTo("2024-03-09");
        assertThat(browser.find("#dates input[name=plays]").getAttribute("value")).isEqualTo("2");
        assertThat(browser.find("#dates input[name=comment]").getAttribute("value")).isEqualTo("with the family");

        browser.open("/history");
        assertThat(browser.waitForText("#total", "1 watch date")).isEqualTo("1 watch date");
        String entry = browser.find(".history-entry").getText();
        assertThat(entry).contains("Arrival (2016)", "with the family", "2024-03-09", "2 plays");
        browser.screenshot("history-first-watch");
    }
}
