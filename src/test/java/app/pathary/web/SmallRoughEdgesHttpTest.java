package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rough edge 15: a message after logout, the token page survives a reload, the first webhook URL is not announced as
 * replacing one, watch dates can be moved to another date, and Pathary has a favicon and a web app manifest.
 */
@BothDialects
class SmallRoughEdgesHttpTest {
    private TestApp app;
    private WebClient alice;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("alice@example.org", "password1", "alice", true);
        alice = app.client();
        alice.logIn("alice", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void logging_out_says_so_on_the_login_page() {
        HttpResponse<String> out = alice.submit("/account", "/logout", Map.of());
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(alice.get("/login").body()).contains("You are logged out.");
    }

    @Test
    void the_address_a_new_token_is_shown_at_leads_back_to_the_account_page() {
        HttpResponse<String> created = alice.submit("/account", "/account/tokens", Map.of("name", "phone"));
        assertThat(created.body()).contains("id=\"new-token\"");
        HttpResponse<String> reloaded = alice.get("/account/tokens");
        assertThat(reloaded.statusCode()).isEqualTo(302);
        assertThat(reloaded.headers().firstValue("Location")).hasValue("/account");
    }

    @Test
    void the_first_webhook_url_is_made_not_replaced() {
        String page = "/settings/integrations/jellyfin";
        alice.submit(page, page + "/webhook", Map.of());
        assertThat(alice.get(page).body()).contains("Your webhook URL was made.").doesNotContain("no longer works");
        alice.submit(page, page + "/webhook", Map.of());
        assertThat(alice.get(page).body()).contains("A new webhook URL was made; the old one no longer works.");
    }

    @Test
    void a_watch_date_moves_to_another_date_with_its_plays_and_comment_and_a_bad_date_changes_nothing() {
        alice.submit("/add", "/add", Map.of("tmdbId", "603", "title", "The Matrix", "year", "1999", "watchedAt", "2024-03-09",
                "plays", "2", "comment", "with Bob"));
        long movieId = app.app.movies.queries().byTmdbId(603).orElseThrow().id();
        String moviePage = "/movies/" + movieId;
        assertThat(alice.get(moviePage).body()).contains("name=\"newWatchedAt\" value=\"2024-03-09\"")
                .contains("data-confirm=\"Delete the watch of 2024-03-09?\"");

        HttpResponse<String> bad = alice.submit(moviePage, moviePage + "/dates/set",
                Map.of("watchedAt", "2024-03-09", "newWatchedAt", "2024-02-31", "plays", "2", "comment", "with Bob"));
        assertThat(bad.statusCode()).isEqualTo(302);
        String afterBad = alice.get(moviePage).body();
        assertThat(afterBad).contains("newWatchedAt").contains("value=\"2024-03-09\"");

        alice.submit(moviePage, moviePage + "/dates/set",
                Map.of("watchedAt", "2024-03-09", "newWatchedAt", "2024-03-08", "plays", "2", "comment", "with Bob"));
        String moved = alice.get(moviePage).body();
        assertThat(moved).contains("The watch date was saved.").contains("value=\"2024-03-08\"").doesNotContain("value=\"2024-03-09\"")
                .contains("value=\"with Bob\"");
    }

    @Test
    void the_favicon_the_app_icons_and_the_manifest_are_served_and_linked_from_every_page() {
        WebClient anonymous = app.client();
        HttpResponse<String> favicon = anonymous.get("/favicon.ico");
        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/x-icon"));
        HttpResponse<String> manifest = anonymous.get("/manifest.webmanifest");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/manifest+json"));
        assertThat(manifest.body()).contains("\"name\": \"Pathary\"").contains("\"display\": \"standalone\"").contains("static/icon-512.png");
        for (String icon : new String[] {"/static/icon-192.png", "/static/icon-512.png", "/static/icon-180.png", "/static/icon.svg"}) {
            assertThat(anonymous.get(icon).statusCode()).as(icon).isEqualTo(200);
        }
        String login = anonymous.get("/login").body();
        assertThat(login).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">").contains("rel=\"icon\"")
                .contains("rel=\"apple-touch-icon\"");
    }
}
