package app.pathary.jellyfin.sync;

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
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import from Jellyfin and the jobs page as a person sees them, on a desktop and on a 390 px phone: the import
 * shows its progress and then how it ended, the imported films are in the history, and the jobs page lists the import;
 * on the phone each job is a card whose every value is named (no table cut off at the right edge).
 */
@BothDialects
class ImportAndJobsBrowserTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private TestApp app;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        FakeUser root = jellyfin.addUser("root", "jf-secret");
        FakeItem heat = jellyfin.addMovie("Heat", 1995).tmdb("949");
        FakeItem alien = jellyfin.addMovie("Alien", 1979).tmdb("348");
        jellyfin.setUserData(root, heat, FakeUserData.playedOn(Instant.parse("2025-01-03T20:00:00Z"), 2));
        jellyfin.setUserData(root, alien, FakeUserData.playedOn(Instant.parse("2025-02-03T20:00:00Z"), 1));
        app = TestApp.start(TestDatabases.fresh(dialect));
        long id = app.app.users.accounts().create("root@example.org", "password1", "root", true).id();
        app.app.jellyfinLink.login().saveServerUrl(id, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(id, "root", "jf-secret");
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
    void on_a_desktop_the_import_shows_its_progress_and_the_jobs_page_lists_it() {
        browser.desktop();
        importThenReadTheJobs("desktop");
        assertThat(browser.script("return getComputedStyle(document.querySelector('#jobs thead')).position"))
                .as("a table with its header on a desktop").isNotEqualTo("absolute");
    }

    @Test
    void on_a_phone_the_import_shows_its_progress_and_each_job_is_a_named_card() {
        browser.phone();
        importThenReadTheJobs("phone");
        assertThat(browser.script("return getComputedStyle(document.querySelector('#jobs tbody tr')).display")).isEqualTo("block");
        assertThat(browser.script("return getComputedStyle(document.querySelector('#jobs tbody td[data-label=Status]'), '::before').content"))
                .as("each value carries its name").isEqualTo("\"Status: \"");
    }

    private void importThenReadTheJobs(String device) {
        browser.menu("Jellyfin", null);
        browser.waitForPath("/settings/integrations/jellyfin");
        browser.click("#import");
        assertThat(browser.answerConfirm(true)).startsWith("Import from Jellyfin?");
        assertThat(browser.waitForText("#flash", "The import from Jellyfin is queued")).contains("its progress shows below");
        browser.waitUntil("the import finished", () -> browser.findAll("#jellyfin-jobs .job[data-status=done]").size() == 1);
        assertThat(browser.find("#jellyfin-jobs .job").getText()).contains("Import from Jellyfin", "done",
                "added 2 watch dates");
        assertThat(browser.horizontalOverflow()).as("the Jellyfin page on a " + device).isZero();

        browser.menu("History", "My history");
        browser.waitForPath("/history");
        assertThat(browser.find("#history-rows").getText()).contains("Heat", "Alien");

        browser.menu("Admin", "Jobs");
        browser.waitForPath("/admin/jobs");
        assertThat(browser.find("#jobs tbody").getText()).contains("Import from Jellyfin", "done", "added 2 watch dates");
        assertThat(browser.unlabelledFields()).as("every filter is labelled").isEmpty();
        assertThat(browser.horizontalOverflow()).as("the jobs page on a " + device).isZero();
        browser.screenshot("jobs-" + device);
    }
}
