package app.pathary.cleanup.leaving;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * In a real browser, on a desktop window and on a 390 px phone: alice sees what leaves and asks to keep Heat; root sees
 * the calendar and approves; alice sees the decision.
 */
@BothDialects
class LeavingSoonBrowserTest {
    private final LeavingBench bench;
    private Browser browser;

    LeavingSoonBrowserTest(Dialect dialect) {
        bench = new LeavingBench(dialect, Map.of());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        bench.close();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void a_user_asks_to_keep_an_item_and_sees_the_admins_approval(int width) {
        bench.plan();
        browser = Browser.start(bench.app.baseUrl());
        browser.resize(width, 900);
        logIn("alice");

        browser.open("/leaving");
        assertThat(titles()).containsExactly("Alien", "Heat");
        WebElement heat = line("Heat");
        assertThat(heat.getText()).contains("in 7 days", "You watched or marked it", "Why: ");
        assertThat(browser.findAll(".leaving-line img.poster")).as("a poster per item").hasSize(2);
        browser.waitUntil("the posters are loaded, not refused to this user", () -> Boolean.TRUE.equals(browser.script(
                "return Array.from(document.querySelectorAll('.leaving-line img.poster')).every(i => i.complete && i.naturalWidth > 0)")));
        assertThat(browser.scrollsSideways()).as("fits the window").isFalse();
        heat.findElement(org.openqa.selenium.By.cssSelector(".keep-comment")).sendKeys("Movie night on Friday");
        press(heat.findElement(org.openqa.selenium.By.cssSelector(".keep-button")));
        browser.waitForText(".alert", "Asked to keep Heat");
        assertThat(line("Heat").getText()).contains("Your keep request: waiting for an admin.");

        logOut();
        logIn("root");
        browser.open("/admin/cleanup");
        assertThat(browser.find("#leaving-calendar").getText()).contains("Leaving soon", "2 items", "12.0 GB");
        assertThat(browser.findAll("#leaving-calendar .leaving-day")).hasSize(1);
        assertThat(browser.scrollsSideways()).as("the cleanup page fits the window").isFalse();
        WebElement request = browser.find(".keep-request");
        assertThat(request.getText()).contains("Heat", "asked by alice", "Movie night on Friday");
        request.findElement(org.openqa.selenium.By.cssSelector(".keep-days")).sendKeys("30");
        press(request.findElement(org.openqa.selenium.By.cssSelector(".keep-approve")));
        browser.waitForText(".alert", "approved by root");

        logOut();
        logIn("alice");
        browser.open("/leaving");
        assertThat(line("Heat").getText()).contains("approved by root, kept until " + bench.today().plusDays(30));
    }

    private void logIn(String name) {
        browser.open("/login");
        browser.type("#login", name);
        browser.type("#password", LeavingBench.PASSWORD);
        browser.click("#log-in");
        browser.waitUntil("logged in", () -> !browser.currentPath().equals("/login"));
    }

    private void press(WebElement button) {
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
    }

    /** The menu's "Log out" form (collapsed behind the menu button on a phone). */
    private void logOut() {
        browser.script("document.querySelector('form[action$=\"/logout\"]').submit()");
        browser.waitUntil("logged out", () -> browser.currentPath().equals("/login") || browser.currentPath().equals("/"));
    }

    private List<String> titles() {
        return browser.findAll(".leaving-title").stream().map(WebElement::getText).toList();
    }

    private WebElement line(String title) {
        return browser.findAll(".leaving-line").stream().filter(l -> l.getText().startsWith(title)).findFirst().orElseThrow();
    }
}
