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

/** Upload, preview, resolve and commit in a real browser, on a desktop and on a 390 px phone. */
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
        browser.click("#commit-import");
        assertThat(browser.waitForText("#flash", "Imported")).isEqualTo("Imported: 4 watch dates added or changed. Nothing was removed.");
        assertThat(browser.currentPath()).isEqualTo("/history");

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
        assertThat(browser.waitForText("#flash", "Imported")).contains("1 unmatched row left out");
        assertThat(browser.horizontalOverflow()).isZero();
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
