package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages under their Content-Security-Policy in a real Chromium: no page raises a violation, htmx still swaps
 * content in place, and the behaviours moved out of the HTML (confirmations, on/off switches) still work.
 */
@BothDialects
class ContentSecurityPolicyBrowserTest {
    /** Records every violation the page reports, from before its first script runs. */
    private static final String LISTEN = """
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
                window.cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
            });""";
    private static final String PASSWORD = "correct horse";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.addUser("root", "jf-secret");
        server = TestApp.start(TestDatabases.fresh(dialect));
        WebClient seeder = server.client();
        seeder.setUpAdmin("root", "root@example.org", PASSWORD);
        seeder.submit("/admin/users", "/admin/users", Map.of("email", "bob@example.org", "password", PASSWORD, "name", "bob"));
        seeder.submit("/add", "/add", Map.of("title", "Arrival", "tmdbId", "329865", "watchedAt", "2024-03-09"));
        seeder.submit("/add", "/add", Map.of("title", "Blade Runner", "tmdbId", "78", "watchedAt", "2022-05-05"));
        long root = server.app.users.accounts().byName("root").id();
        server.app.jellyfinLink.login().saveServerUrl(root, jellyfin.baseUrl().toString());
        server.app.jellyfinLink.login().logIn(root, "root", "jf-secret");
        browser = Browser.start(server.baseUrl());
        browser.onEveryPage(LISTEN);
        browser.open("/login");
        browser.type("#login", "root");
        browser.type("#password", PASSWORD);
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

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) browser.script("return window.cspViolations || ['the listener is missing'];");
    }

    @Test
    void no_page_raises_a_violation_and_htmx_still_swaps_in_place() {
        for (String page : List.of("/", "/year/2024", "/history", "/history?view=grid", "/add", "/account", "/settings/integrations/jellyfin", "/admin/users", "/admin/jobs",
                "/admin/cleanup", "/admin/cleanup/watched", "/settings/server/cleanup", "/docs/api", "/no/such/page")) {
            browser.open(page);
            browser.waitUntil(page + " loaded", () -> "complete".equals(browser.script("return document.readyState")));
            if (page.equals("/settings/integrations/jellyfin")) {
                browser.waitUntil("htmx loaded the jobs panel (hx-trigger=load)", () -> !browser.pageText().contains("Loading jobs"));
            }
            assertThat(violations()).as(page).isEmpty();
        }

        browser.open("/history");
        browser.script("window.sameDocument = true");
        browser.type("input[name=search]", "blade");
        browser.waitUntil("htmx narrowed the list", () -> browser.findAll(".history-entry").size() == 1);
        assertThat(browser.script("return window.sameDocument === true")).as("swapped in place, no reload").isEqualTo(true);
        assertThat(browser.script("return document.querySelectorAll('style').length")).as("htmx injected no <style>").isEqualTo(0L);
        assertThat(violations()).as("after the htmx swap").isEmpty();
    }

    @Test
    void the_listener_sees_a_violation_when_there_is_one() {
        browser.open("/account");
        browser.script("var s = document.createElement('script'); s.textContent = 'window.ran = true'; document.body.appendChild(s);"
                + "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>');");
        browser.waitUntil("the violations are reported", () -> violations().size() >= 2);
        assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("script-src"))
                .anySatisfy(v -> assertThat(v).startsWith("style-src"));
        assertThat(browser.script("return window.ran === true")).as("the inline script did not run").isEqualTo(false);
    }

    @Test
    void confirmations_and_switches_work_without_inline_handlers() {
        browser.open("/admin/users");
        browser.find("form[action$='/delete'][data-confirm*='bob'] button").click();
        assertThat(browser.answerConfirm(false)).isEqualTo("Delete bob and their whole history?");
        assertThat(server.app.users.accounts().all()).extracting(u -> u.name()).contains("bob");
        browser.find("form[action$='/delete'][data-confirm*='bob'] button").click();
        browser.answerConfirm(true);
        browser.waitForText("#flash", "The user and their history were deleted.");
        assertThat(server.app.users.accounts().all()).extracting(u -> u.name()).containsExactly("root");

        browser.open("/settings/integrations/jellyfin");
        browser.click("#scrobble");
        assertThat(browser.waitForText("#flash", "Scrobbling is off")).contains("deliveries are ignored");
        assertThat(browser.find("#scrobble").isSelected()).isFalse();

        browser.find("#markUnplayed").click();
        browser.click("#export");
        assertThat(browser.answerConfirm(false)).startsWith("Export to Jellyfin?").endsWith("Movies you never watched are marked UNPLAYED in Jellyfin.");
        browser.find("#markUnplayed").click();
        browser.click("#export");
        assertThat(browser.answerConfirm(false)).doesNotContain("UNPLAYED");
        assertThat(browser.findAll("#jellyfin-jobs .progress")).as("nothing was started").isEmpty();
        assertThat(violations()).isEmpty();
        assertThat(browser.findAll("[onclick],[onsubmit],[onchange],[style]")).as("inline handlers or styles").isEmpty();
    }
}
