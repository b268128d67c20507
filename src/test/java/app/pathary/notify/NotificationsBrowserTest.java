package app.pathary.notify;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeReceiver;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The notifications page as an admin uses it, on a desktop and on a 390 px phone: add an ntfy channel, press its
 * "Send test", see the message arrive and the log say "sent"; the page never scrolls sideways.
 */
@BothDialects
class NotificationsBrowserTest {
    private static final String PASSWORD = "correct horse";
    private final FakeReceiver ntfy = FakeReceiver.start();
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
        server.client().setUpAdmin("root", "root@example.org", PASSWORD);
        browser = Browser.start(server.baseUrl());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
        ntfy.close();
    }

    @Test
    void an_admin_adds_a_channel_and_sends_a_test_on_a_desktop() {
        logIn();
        browser.resize(1280, 900);
        addChannelAndSendTest();
        browser.screenshot("notifications-desktop");
    }

    @Test
    void the_page_works_on_a_390_pixel_phone_without_scrolling_sideways() {
        logIn();
        browser.resize(390, 844);
        assertThat(browser.script("return window.innerWidth")).isEqualTo(390L);
        addChannelAndSendTest();
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scroll").isEqualTo(true);
        browser.screenshot("notifications-390");
    }

    private void addChannelAndSendTest() {
        browser.open("/admin/notifications");
        assertThat(browser.find("#channels").getText()).contains("No channel yet.");
        browser.type("#name", "phones");
        new Select(browser.find("#kind")).selectByValue("ntfy");
        browser.type("#url", ntfy.url("").toString());
        browser.type("#topic", "household");
        browser.type("#secret", "tk_browser_secret");
        press("#event-keep-requested");
        press("#channel-form button[type=submit]");

        assertThat(browser.waitForText("#flash", "Saved the channel phones.")).contains("Saved the channel phones.");
        WebElement row = browser.find("#channels tr[data-channel=phones]");
        assertThat(row.getText()).contains("ntfy", "household", "leaving-soon, deleted, run-stopped, keep-decided", "page");
        assertThat(browser.pageText()).doesNotContain("tk_browser_secret");
        WebElement test = row.findElement(By.xpath(".//button[normalize-space()='Send test']"));
        assertThat(test.isDisplayed()).isTrue();
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", test);
        test.click();

        assertThat(browser.waitForText("#flash", "queued")).contains("A test message to phones is queued");
        FakeReceiver.Received push = ntfy.await(1).getFirst();
        assertThat(push.headers()).containsEntry("title", "Pathary test notification").containsEntry("authorization", "Bearer tk_browser_secret");
        browser.waitUntil("the log shows the send", () -> {
            browser.open("/admin/notifications");
            return browser.find("#sends").getText().contains("sent");
        });
        assertThat(browser.find("#sends").getText()).contains("phones", "test", "Pathary test notification");
    }

    /** Scrolls the element to the middle of the window (a sticky bar may cover the edges), then clicks it. */
    private void press(String css) {
        WebElement element = browser.find(css);
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void logIn() {
        browser.open("/login");
        browser.type("#login", "root");
        browser.type("#password", PASSWORD);
        browser.click("#log-in");
        browser.waitForPath("/");
    }
}
