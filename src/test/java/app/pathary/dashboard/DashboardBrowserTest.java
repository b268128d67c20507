package app.pathary.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.Household;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The dashboard and the year in review as alice sees them after logging in, on a desktop and on a 390 px phone. */
@BothDialects
class DashboardBrowserTest {
    private Household household;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        household = new Household(dialect);
        browser = household.browser();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        household.close();
    }

    /** Images of the latest watches that finished loading as Jellyfin's pictures (160 px wide), not the placeholder. */
    private long postersShown(String css) {
        return browser.findAll(css).stream().filter(img -> Boolean.TRUE.equals(browser.script(
                "return arguments[0].complete && arguments[0].naturalWidth === 160", img))).count();
    }

    @Test
    void after_logging_in_alice_sees_her_numbers_a_chart_of_24_months_and_the_posters_of_her_latest_watches() {
        assertThat(browser.find("h1").getText()).isEqualTo("Hello, alice");
        assertThat(browser.find("#stats").getText()).contains("This week", "This month", "This year", "watched in all");
        assertThat(Integer.parseInt(browser.find("#plays-2").getText())).as("plays this year").isPositive();
        assertThat(browser.find("#hours").getText()).matches("\\d+ h");
        assertThat(browser.findAll("#plays-chart rect.bar")).hasSize(24);
        browser.waitUntil("the latest posters loaded", () -> postersShown("#latest img.poster") == browser.findAll("#latest img.poster").size());
        assertThat(browser.findAll("#latest .film")).hasSize(12);
        assertThat(browser.findAll("#most-watched .film")).isNotEmpty();
        assertThat(browser.find("#cleanup-summary").getText()).startsWith("Cleanup this month: 0.0 GB reclaimed from 0 files.");

        WebElement table = browser.find("#plays-chart details");
        assertThat(table.getText()).isEqualTo("The same as a table");
        browser.click("#plays-chart summary");
        assertThat(browser.findAll("#plays-chart tbody tr")).hasSize(24);
        assertThat(browser.findAll("#plays-chart tbody tr").getLast().getText()).startsWith(
                LocalDate.now(ZoneOffset.UTC).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void on_a_phone_the_dashboard_and_the_year_in_review_fit_the_screen() {
        browser.viewport(390, 844, true);
        browser.open("/");
        assertThat(browser.scrollsSideways()).as("the dashboard at 390 px").isFalse();
        Number chartWidth = (Number) browser.script("return document.querySelector('#plays-chart svg').getBoundingClientRect().width");
        assertThat(chartWidth.doubleValue()).isBetween(300.0, 390.0);
        assertThat(browser.find("#plays-1").isDisplayed()).isTrue();

        browser.click("#year-in-review");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        browser.waitForPath("/year/" + year);
        assertThat(browser.find("h1").getText()).isEqualTo(year + " in review");
        assertThat(browser.findAll("#year-chart rect.bar")).hasSize(12);
        assertThat(browser.find("#review-stats").getText()).contains("plays", "different films", "seen for the first time");
        assertThat(browser.findAll("#year-films .film")).isNotEmpty();
        assertThat(browser.scrollsSideways()).as("the year in review at 390 px").isFalse();

        browser.click("#previous-year");
        browser.waitForPath("/year/" + (year - 1));
        assertThat(browser.find("h1").getText()).isEqualTo((year - 1) + " in review");
        assertThat(browser.find("#next-year").getText()).isEqualTo(year + " →");
        assertThat(browser.scrollsSideways()).isFalse();
    }
}
