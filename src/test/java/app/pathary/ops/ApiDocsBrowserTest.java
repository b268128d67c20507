package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.Browser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account page leads to a readable page of the API contract, drawn by Swagger UI from files this server serves. */
@BothDialects
class ApiDocsBrowserTest {
    private TestApp server;
    private Browser browser;

    @BeforeEach
    void start(Dialect dialect) {
        server = TestApp.start(TestDatabases.fresh(dialect));
        server.app.users.accounts().create("alice@example.org", "correct horse", "alice", true);
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
    void the_account_page_links_to_the_api_page_which_shows_every_operation_from_local_files_only() {
        browser.open("/login");
        browser.type("#login", "alice");
        browser.type("#password", "correct horse");
        browser.click("#log-in");
        browser.waitForPath("/");
        browser.open("/account");
        browser.click("#api-docs");
        browser.waitForPath("/docs/api");

        browser.waitUntil("Swagger UI shows the operations", () -> browser.findAll(".opblock").size() >= 14);
        assertThat(browser.find(".information-container").getText()).contains("Pathary JSON API");
        assertThat(browser.findAll(".opblock-summary-path")).extracting(element -> element.getText().replace("\u200b", ""))
                .contains("/api/auth/token", "/api/users/{name}/history/movies", "/api/webhook/jellyfin/{id}",
                        "/api/cleanup/plans/{id}/execute", "/api/openapi.json");
        browser.screenshot("api-docs");

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.script(
                "return performance.getEntriesByType('resource').map(r => r.name).concat([location.href]);");
        assertThat(loaded).as("everything the page loaded").isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(server.baseUrl() + "/"));
        assertThat(loaded).anySatisfy(url -> assertThat(url).endsWith("/webjars/swagger-ui/" + ApiContract.SWAGGER_UI + "/swagger-ui-bundle.js"))
                .anySatisfy(url -> assertThat(url).endsWith("/api/openapi.json"));
    }
}
