package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeItem;
import app.pathary.testing.Household;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The history as posters on a desktop and as a compact list on a phone, its filters and its endless scrolling, and
 * "Add a watch" finding a film of the Jellyfin library by title.
 */
@BothDialects
class HistoryGridBrowserTest {
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

    private double top(WebElement element) {
        return ((Number) browser.script("return arguments[0].getBoundingClientRect().top", element)).doubleValue();
    }

    private List<WebElement> entries() {
        return browser.findAll(".history-entry");
    }

    @Test
    void on_a_desktop_the_history_is_a_grid_of_posters_that_loads_older_watches_as_one_scrolls() {
        browser.open("/history");
        long total = Long.parseLong(browser.find("#total").getText().replace(" watch dates", ""));
        assertThat(total).isGreaterThan(30);
        assertThat(entries()).hasSize(30);
        assertThat(top(entries().get(1))).as("the second poster sits beside the first").isEqualTo(top(entries().get(0)));
        browser.waitUntil("the posters loaded", () -> Boolean.TRUE.equals(browser.script(
                "return Array.from(document.querySelectorAll('.history-entry img')).slice(0, 6)"
                        + ".every(i => i.complete && i.naturalWidth === 320)")));
        assertThat(browser.find(".pagination").isDisplayed()).as("page links are for browsers without script").isFalse();

        browser.script("window.sameDocument = true; window.scrollTo(0, document.body.scrollHeight)");
        browser.waitUntil("older watches appended", () -> entries().size() == total);
        assertThat(browser.script("return window.sameDocument === true")).isEqualTo(true);
        assertThat(browser.findAll(".history-more")).isEmpty();
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void the_filters_narrow_the_list_in_place_and_keep_a_clean_address() {
        browser.open("/history");
        browser.script("window.sameDocument = true");
        new org.openqa.selenium.support.ui.Select(browser.find("#history-plays")).selectByVisibleText("2 or more");

        browser.waitUntil("only re-watched dates are listed", () -> !entries().isEmpty()
                && entries().stream().allMatch(e -> e.getText().matches("(?s).*\\d+ plays.*")));
        assertThat(browser.currentUrl()).endsWith("/history?plays=2");
        assertThat(browser.script("return window.sameDocument === true")).isEqualTo(true);

        browser.click("#history-comment");
        browser.waitUntil("the comment filter applied", () -> browser.currentUrl().endsWith("/history?plays=2&comment=yes"));
        browser.waitUntil("only commented dates", () -> entries().stream().allMatch(e -> e.getText().contains("with the family"))
                || browser.pageText().contains("Nothing matches these filters."));
    }

    @Test
    void on_a_phone_the_history_is_a_compact_list_and_the_posters_button_turns_it_into_a_grid() {
        browser.viewport(390, 844, true);
        browser.open("/history");
        assertThat(top(entries().get(1))).as("one entry under the other").isGreaterThan(top(entries().get(0)));
        double thumb = ((Number) browser.script("return document.querySelector('.history-entry img').getBoundingClientRect().width")).doubleValue();
        assertThat(thumb).as("a small poster beside the title").isLessThan(60);
        assertThat(browser.scrollsSideways()).isFalse();

        browser.click("#view-grid");
        browser.waitUntil("the grid", () -> browser.currentUrl().contains("view=grid"));
        assertThat(top(entries().get(1))).isEqualTo(top(entries().get(0)));
        assertThat(browser.scrollsSideways()).isFalse();
    }

    @Test
    void add_a_watch_finds_a_film_of_the_jellyfin_library_by_title_and_picking_it_fills_the_ids() {
        String title = household.titles.stream()
                .filter(t -> household.app.app.movies.queries().byTmdbId(Integer.parseInt(household.items.get(t).providerIds().get("Tmdb"))).isEmpty())
                .filter(t -> household.titles.stream().filter(o -> o.toLowerCase().contains(t.toLowerCase())).count() == 1)
                .findFirst().orElseThrow();
        FakeItem item = household.items.get(title);
        browser.open("/add");
        browser.type("#title", title);

        browser.waitUntil("Jellyfin's film is offered", () -> !browser.findAll(".search-result[data-source=jellyfin]").isEmpty());
        WebElement result = browser.find(".search-result[data-source=jellyfin]");
        assertThat(result.getText()).contains(title, "(" + item.productionYear() + ")", "In your Jellyfin library",
                "TMDb " + item.providerIds().get("Tmdb"));
        browser.waitUntil("its poster loaded", () -> Boolean.TRUE.equals(browser.script(
                "var i = document.querySelector('.search-result[data-source=jellyfin] img'); return i.complete && i.naturalWidth === 160")));

        browser.click(".search-result[data-source=jellyfin] .pick");
        assertThat(browser.find("#tmdbId").getAttribute("value")).isEqualTo(item.providerIds().get("Tmdb"));
        assertThat(browser.find("#year").getAttribute("value")).isEqualTo(String.valueOf(item.productionYear()));
        browser.click("#save-watch");

        assertThat(browser.waitForText("#flash", "Added a watch of")).isEqualTo("Added a watch of " + title + ".");
        assertThat(browser.find("h1").getText()).isEqualTo(title + " (" + item.productionYear() + ")");
    }
}
