package app.pathary.jellyfin.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Jellyfin settings page in a real browser: webhook URL, authentication against the fake Jellyfin, removal. */
@BothDialects
class JellyfinSettingsBrowserTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser jfAlice = jellyfin.addUser("alice", "jf-secret");
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
        server.app.users.accounts().create("alice@example.org", "correct horse", "alice", true);
        browser = Browser.start(server.baseUrl());
        browser.open("/login");
        browser.type("#login", "alice");
        browser.type("#password", "correct horse");
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
    }

    @Test
    void a_user_generates_the_webhook_url_authenticates_against_jellyfin_and_removes_the_login() {
        browser.click("nav a[href='/settings/integrations/jellyfin']");
        browser.waitForPath("/settings/integrations/jellyfin");
        assertThat(browser.find("#webhook-url").getText()).isEqualTo("No webhook URL yet.");
        browser.click("#generate-webhook");
        browser.waitUntil("the URL shows", () -> browser.findAll("input#webhook-url").size() == 1);
        String url = browser.find("input#webhook-url").getAttribute("value");
        assertThat(url).startsWith(server.baseUrl() + "/api/webhook/jellyfin/");
        assertThat(browser.find("#application-url-note").getText()).contains("APPLICATION_URL");
        Delivery posted = post(url);
        assertThat(posted.status()).isEqualTo(200);

        browser.type("#serverUrl", jellyfin.baseUrl() + "/");
        browser.click("#test-connection");
        assertThat(browser.waitForText("#flash", "Connected to")).contains("Jellyfin " + jellyfin.version());
        browser.click("#save-server");
        browser.waitForText("#flash", "Saved the server");
        browser.type("#jf-username", "alice");
        browser.type("#jf-password", "wrong");
        browser.click("#authenticate");
        assertThat(browser.waitForText("#flash", "rejected")).isEqualTo("Jellyfin rejected the user name or password.");
        browser.type("#jf-username", "alice");
        browser.type("#jf-password", "jf-secret");
        browser.click("#authenticate");
        browser.waitForText("#flash", "Authenticated as alice.");
        assertThat(browser.find("#login-state").getText()).contains("Authenticated as alice on " + jellyfin.baseUrl());
        browser.waitUntil("the job list loads", () -> browser.pageText().contains("No imports or exports yet."));
        browser.screenshot("jellyfin-authenticated");
        String token = server.app.secrets.decrypt(server.app.jellyfinLink.links().of(server.app.users.accounts().byName("alice").id()).sealedToken());
        assertThat(jellyfin.isTokenValid(token)).isTrue();

        browser.click("#remove-authentication");
        browser.waitForText("#flash", "revoked on the server");
        assertThat(browser.find("#login-state").getText()).isEqualTo("Not authenticated.");
        assertThat(jellyfin.isTokenValid(token)).isFalse();
        assertThat(browser.find("#deliveries").getText()).contains("recorded", "The Matrix");
    }

    private record Delivery(int status) {
    }

    private Delivery post(String url) {
        var item = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
        return new Delivery(jellyfin.webhooks().post(URI.create(url), jellyfin.webhooks().playbackStop(jfAlice, item, 0, true)).status());
    }
}
