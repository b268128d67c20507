package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The history list and a movie's page, used in a real browser by a user who already has some watches. */
@BothDialects
class HistoryBrowserTest {
    private static final String PASSWORD = "correct horse";
    private TestApp server;
    private WebClient seeder;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
        seeder = server.client();
        seeder.setUpAdmin("bob", "bob@example.org", PASSWORD);
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
    void typingATitleNarrowsTheHistoryInPlaceAndKeepsTheSearchInTheAddress() {
        addWatch("Arrival", "329865", "2024-03-09");
        addWatch("Alien", "348", "2023-01-01");
        addWatch("Blade Runner", "78", "2022-05-05");
        logIn();
        assertThat(titlesShown()).containsExactly("Arrival", "Alien", "Blade Runner");
        browser.script("window.sameDocument = true");

        browser.type("input[name=search]", "blade");

        browser.waitUntil("only Blade Runner is listed", () -> titlesShown().equals(List.of("Blade Runner")));
        assertThat(browser.find(".history-entry").getText()).contains("2022-05-05");
        assertThat(browser.script("return window.sameDocument === true")).as("htmx swapped the list, no reload").isEqualTo(true);
        assertThat(browser.currentUrl()).endsWith("/history?search=blade");

        browser.type("input[name=search]", "zardoz");
        assertThat(browser.waitForText("#history-rows", "Nothing matches")).isEqualTo("Nothing matches “zardoz”.");
    }

    @Test
    void theMoviePageChangesThePlaysOfADateAndDeletesAnother() {
        String moviePage = addWatch("Arrival", "329865", "2024-03-09");
        addWatch("Arrival", "329865", "2023-12-24");
        logIn();
        browser.open(moviePage);
        assertThat(dateLabels()).containsExactly("2024-03-09", "2023-12-24");

        WebElement march = dateRow("2024-03-09");
        WebElement plays = march.findElement(By.name("plays"));
        plays.clear();
        plays.sendKeys("3");
        march.findElement(By.xpath(".//button[normalize-space()='Save']")).click();

        assertThat(browser.waitForText("#flash", "The watch date was saved.")).isEqualTo("The watch date was saved.");
        assertThat(dateRow("2024-03-09").findElement(By.name("plays")).getAttribute("value")).isEqualTo("3");

        dateRow("2023-12-24").findElement(By.xpath(".//button[normalize-space()='Delete']")).click();
        assertThat(browser.answerConfirm(true)).isEqualTo("Delete the watch of 2023-12-24?");

        assertThat(browser.waitForText("#flash", "The watch date was deleted.")).isEqualTo("The watch date was deleted.");
        assertThat(dateLabels()).containsExactly("2024-03-09");
        browser.screenshot("movie-page-after-edits");

        browser.open("/history");
        assertThat(browser.waitForText("#total", "1 watch date")).isEqualTo("1 watch date");
        assertThat(browser.find(".history-entry").getText()).contains("Arrival", "2024-03-09", "3 plays");
        assertThat(browser.pageText()).doesNotContain("2023-12-24");
    }

    /** Adds a watch over HTTP through the "add a watch" form and returns the movie page it led to. */
    private String addWatch(String title, String tmdbId, String date) {
        var response = seeder.submit("/add", "/add", Map.of("title", title, "tmdbId", tmdbId, "watchedAt", date));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private void logIn() {
        browser.open("/login");
        browser.type("#login", "bob");
        browser.type("#password", PASSWORD);
        browser.click("#log-in");
        browser.waitForPath("/");
        browser.open("/history");
    }

    private List<String> titlesShown() {
        return browser.findAll(".history-entry .fw-semibold").stream().map(WebElement::getText).toList();
    }

    private List<String> dateLabels() {
        return browser.findAll(".watch-date .date-label").stream().map(WebElement::getText).toList();
    }

    private WebElement dateRow(String date) {
        return browser.findAll(".watch-date").stream()
                .filter(row -> row.findElement(By.className("date-label")).getText().equals(date))
                .findFirst().orElseThrow(() -> new AssertionError("no row shows the date " + date));
    }
}
