package app.pathary.history.portable;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upload, preview, resolve, commit (a job whose progress the page shows) and result in a real browser, on a desktop and on a 390 px phone. */
@BothDialects
class PortableImportBrowserTest {
    private static final String PASSWORD = "correct horse";
    private TestApp server;
    private Browser browser;
    private Path files;

    @BeforeEach
    void start(Dialect dialect) throws Exception {
        server = TestApp.start(TestDatabases.fresh(dialect));
        server.client().setUpAdmin("bob", "bob@example.org", PASSWORD);
        browser = Browser.start(server.baseUrl());
        files = Files.createTempDirectory("pathary-import");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void aMemberUploadsAFileSeesThePreviewAndCommitsIt() throws Exception {
        logIn();

        browser.desktop();
        upload("history.csv", HistoryFileFixtures.bytes("movary/history.csv"));
        assertThat(browser.find("#import-summary").getText()).contains("Movary history.csv");
        assertThat(browser.find("#count-new-dates").getText()).isEqualTo("4");
        assertThat(browser.find("#count-added-plays").getText()).isEqualTo("5");
        assertThat(browser.horizontalOverflow()).isZero();
        String page = browser.currentPath();
        long blocker = holdTheKey("history_import_commit:" + page.substring(page.lastIndexOf('/') + 1));
        browser.click("#commit-import");
        assertThat(browser.waitForText("#job-progress", "waiting for a worker")).contains("Importing the file…");
        assertThat(browser.currentPath()).as("the progress shows on the import's own page").isEqualTo(page);
        assertThat(browser.horizontalOverflow()).isZero();
        server.app.database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM jobs WHERE id = :id").bind("id", blocker).execute());
        browser.waitUntil("the job finished", java.time.Duration.ofSeconds(30), () -> browser.find("#job-progress").getText().contains("finished"));
        assertThat(browser.find("#job-progress").getText()).as("the progress asks again until the job is done")
                .contains("Importing the file: finished.").contains("Imported: 4 watch dates added or changed. Nothing was removed.");
        browser.click("#job-result");
        assertThat(browser.waitForText("#import-result-summary", "Imported")).isEqualTo("Imported: 4 watch dates added or changed. Nothing was removed.");
        assertThat(browser.find("#result-new-dates").getText()).isEqualTo("4");
        assertThat(browser.find("#result-added-plays").getText()).isEqualTo("5");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.click("#to-history");
        browser.waitForPath("/history");

        browser.phone();
        upload("diary.csv", HistoryFileFixtures.bytes("letterboxd/diary.csv"));
        assertThat(browser.find("#count-unmatched").getText()).as("The Matrix and Heat came with the Movary file; Amélie and the short film"
                + " (twice) are known to nobody").isEqualTo("3");
        assertThat(browser.horizontalOverflow()).as("the preview fits a phone").isZero();
        browser.type("#tmdb-6", "99999");
        browser.click("#unmatched li:nth-child(2) button[type=submit]");
        browser.waitForText("#flash", "Line 6 now names TMDb id 99999.");
        assertThat(browser.find("#count-unmatched").getText()).isEqualTo("1");
        browser.click("#commit-import");
        browser.waitUntil("the import's result (at once, or through its progress)", java.time.Duration.ofSeconds(30), () -> {
            if (browser.shows("#job-result")) {
                assertThat(browser.horizontalOverflow()).as("the progress fits a phone").isZero();
                browser.click("#job-result");
            }
            return browser.shows("#import-result-summary");
        });
        assertThat(browser.find("#import-result-summary").getText()).contains("1 unmatched row left out");
        assertThat(browser.find("#result-unmatched").getText()).isEqualTo("1");
        assertThat(browser.horizontalOverflow()).as("the result fits a phone").isZero();
    }

    /** A job with {@code key} running elsewhere (another instance), so the queued job of that key waits until it is gone. */
    private long holdTheKey(String key) {
        return server.app.database.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO jobs (type, params, dedupe_key, status, max_attempts, next_run_at, created_at, worker, owner, attempts,
                            started_at, heartbeat_at) VALUES ('history_import_commit', '{}', :key, 'running', 1, 0, 0, 'elsewhere', 'other', 1,
                            :now, :now) RETURNING id""").bind("key", key).bind("now", System.currentTimeMillis()).mapTo(Long.class).one());
    }

    private void upload(String name, byte[] content) throws Exception {
        Path file = files.resolve(name);
        Files.write(file, content);
        browser.open("/account");
        browser.find("#csv-file").sendKeys(file.toString());
        browser.click("#import-csv-button");
        browser.waitUntil("the preview is shown", () -> browser.currentPath().startsWith("/account/imports/"));
    }

    private void logIn() {
        browser.open("/login");
        browser.type("#login", "bob");
        browser.type("#password", PASSWORD);
        browser.click("#log-in");
        browser.waitForPath("/");
    }
}
