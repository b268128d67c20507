package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.job.JobSpec;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The pages the household's rough edges changed, in Chromium at desktop width and at a 390 px phone: what a person
 * sees on each (jobs, password reset, account CSV, Jellyfin user choice, *arr instance edit and removal, a movie's
 * watch dates, the watched page's failure), and that none of them scrolls sideways on the phone.
 */
@BothDialects
class HouseholdPagesBrowserTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.addUser("alice", "pw");
        jellyfin.addUser("bob", "pw");
        server = TestApp.start(TestDatabases.fresh(dialect), java.time.Clock.systemUTC(), Map.of("TIMEZONE", "Europe/Berlin",
                "JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", jellyfin.addApiKey()));
        server.app.users.accounts().create("root@example.org", "password1", "root", true);
        server.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        browser = Browser.start(server.baseUrl());
        browser.open("/login");
        browser.type("#login", "root");
        browser.type("#password", "password1");
        browser.click("#log-in");
        browser.waitForPath("/");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
        jellyfin.close();
        radarr.close();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void an_admin_walks_through_jobs_password_reset_instances_and_the_watched_page(int width) {
        browser.resize(width, 900);
        // The watched report fails: no primary user. The page says why.
        browser.open("/admin/cleanup/watched");
        browser.click("#refresh");
        browser.waitUntil("the failure shows", () -> {
            browser.open("/admin/cleanup/watched");
            return !browser.findAll("#last-failure").isEmpty();
        });
        assertThat(browser.find("#last-failure").getText())
                .contains("The last reading of Jellyfin failed: The primary strategy needs CLEANUP_PRIMARY_USER");
        assertNoSidewaysScroll("/admin/cleanup/watched", width);

        browser.open("/admin/jobs");
        assertThat(browser.find("#jobs").getText()).contains("Read the watched state from Jellyfin").contains("CET");
        assertThat(browser.find(".job-row .job-cancel").getText()).isEqualTo("Cancel");
        assertNoSidewaysScroll("/admin/jobs", width);
        browser.click(".job-row .job-cancel");
        assertThat(browser.answerConfirm(true)).startsWith("Cancel Read the watched state from Jellyfin");
        assertThat(browser.waitForText("#flash", "was cancelled")).contains("Read the watched state from Jellyfin (job ");

        browser.open("/admin/users");
        browser.findAll(".reset-password").getLast().click();
        assertThat(browser.find("h1").getText()).isEqualTo("Reset the password of bob");
        assertNoSidewaysScroll("/admin/users/2/password", width);
        browser.type("#newPassword", "new-secret-1");
        browser.type("#repeatPassword", "new-secret-2");
        browser.click("#reset-password button[type=submit]");
        assertThat(browser.waitForText("#flash", "differ")).contains("repeatPassword");
        browser.type("#newPassword", "new-secret-1");
        browser.type("#repeatPassword", "new-secret-1");
        browser.click("#reset-password button[type=submit]");
        assertThat(browser.waitForText("#flash", "was reset")).startsWith("The password of bob was reset;");

        browser.open("/settings/server/cleanup");
        browser.open("/settings/server/cleanup/instances/0/remove");
        assertThat(browser.find("#error-message").getText()).contains("No Radarr or Sonarr instance 0");
        server.app.cleanup.instances().add(app.pathary.cleanup.instances.ArrKind.RADARR, "radarr-4k", radarr.baseUrl().toString(),
                radarr.apiKey(), "", "keep");
        browser.open("/settings/server/cleanup");
        // The instances table scrolls inside itself on a phone (its cards are another change's), so follow the link.
        browser.script("document.querySelector('.edit-instance').click();");
        assertThat(browser.find("h1").getText()).isEqualTo("Edit radarr-4k");
        assertNoSidewaysScroll("instance edit", width);
        browser.type("#apiKey", "wrong");
        browser.click("#save-instance");
        assertThat(browser.waitForText("#flash", "Nothing was saved")).contains("Check the URL and the API key");
        browser.open("/settings/server/cleanup");
        browser.script("document.querySelector('.remove-instance').click();");
        assertThat(browser.find("#remove-question").getText()).contains("Nothing in Radarr itself is changed.");
        assertNoSidewaysScroll("instance removal", width);
        browser.click("#confirm-remove");
        assertThat(browser.waitForText("#flash", "Removed")).isEqualTo("Removed radarr-4k from Pathary; nothing in Radarr was changed.");
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void a_member_edits_a_watch_date_downloads_csv_and_links_their_jellyfin_user(int width) {
        browser.resize(width, 900);
        browser.open("/add");
        browser.type("#tmdbId", "603");
        browser.type("#title", "The Matrix");
        browser.pickDate("#watchedAt", "2024-03-09");
        browser.click("#save-watch");
        browser.waitForText("#flash", "Added a watch");
        browser.pickDate(".watch-date .date-input", "2024-03-08");
        browser.click(".watch-date button[type=submit]:not(.date-delete)");
        browser.waitForText("#flash", "The watch date was saved.");
        assertThat(browser.find(".watch-date .date-label").getText()).isEqualTo("2024-03-08");
        browser.click(".watch-date .date-delete");
        assertThat(browser.answerConfirm(false)).isEqualTo("Delete the watch of 2024-03-08?");
        assertThat(browser.findAll(".watch-date")).hasSize(1);
        assertNoSidewaysScroll("movie", width);

        browser.open("/account");
        assertThat(browser.find("#export-csv").getText()).isEqualTo("Pathary CSV");
        assertThat(browser.find("#import-csv-button").getText()).isEqualTo("Upload and preview");
        assertNoSidewaysScroll("/account", width);

        browser.open("/settings/integrations/jellyfin");
        assertThat(browser.find("#serverUrl").getAttribute("value")).isEqualTo(jellyfin.baseUrl().toString());
        assertThat(browser.find("#jf-username").isDisplayed()).isTrue();
        new org.openqa.selenium.support.ui.Select(browser.find("#jellyfinUserId")).selectByVisibleText("alice");
        browser.click("#choose-user-save");
        assertThat(browser.waitForText("#flash", "linked")).isEqualTo("You are linked to the Jellyfin user alice: only their plays reach your history.");
        assertThat(browser.find("#login-state").getText()).contains("Linked to the Jellyfin user alice");
        assertNoSidewaysScroll("/settings/integrations/jellyfin", width);

        browser.open("/account");
        browser.script("document.querySelector(\"form[action='/logout']\").submit();");
        assertThat(browser.waitForText("#flash", "logged out")).isEqualTo("You are logged out. See you soon.");
    }

    private void assertNoSidewaysScroll(String page, int width) {
        if (width <= 390) {
            assertThat(browser.scrollsSideways()).as(page + " at " + width + " px").isFalse();
        }
    }
}
