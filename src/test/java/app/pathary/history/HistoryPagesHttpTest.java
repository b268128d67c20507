package app.pathary.history;

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

@BothDialects
class HistoryPagesHttpTest {
    private TestApp app;
    private WebClient browser;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        browser = app.client();
        browser.setUpAdmin("alice", "alice@example.org", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Submits the add form and follows the redirect as a browser would; returns where it led. */
    private String addWatch(Map<String, String> fields) {
        HttpResponse<String> added = browser.submit("/add", "/add", fields);
        assertThat(added.statusCode()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        lastPage = browser.get(location).body();
        return location;
    }

    private String lastPage;

    @Test
    void the_add_form_creates_the_movie_and_its_date_and_the_history_shows_it() {
        String moviePage = addWatch(Map.of("title", "The Matrix", "tmdbId", "603", "year", "1999",
                "watchedAt", "2026-01-03", "plays", "2", "comment", "first time"));
        assertThat(moviePage).matches("/movies/\\d+");
        String movie = lastPage;
        assertThat(movie).contains("Added a watch of The Matrix.").contains("2026-01-03").contains("first time");
        String history = browser.get("/history").body();
        assertThat(history).contains("The Matrix").contains("2026-01-03").contains("2 plays").contains("1 watch date<");
    }

    @Test
    void an_empty_date_means_unknown_and_a_bad_id_is_explained() {
        String moviePage = addWatch(Map.of("title", "Heat", "tmdbId", "949", "watchedAt", ""));
        assertThat(lastPage).contains("date unknown");
        assertThat(addWatch(Map.of("title", "Heat", "tmdbId", "nine", "watchedAt", ""))).isEqualTo("/add");
        assertThat(lastPage).contains("The TMDb id must be a number");
    }

    @Test
    void the_movie_page_adds_edits_and_deletes_dates() {
        String moviePage = addWatch(Map.of("title", "The Matrix", "tmdbId", "603", "watchedAt", "2026-01-03"));
        browser.submit(moviePage, moviePage + "/dates", Map.of("watchedAt", "2026-01-04", "plays", "1"));
        browser.submit(moviePage, moviePage + "/dates/set", Map.of("watchedAt", "2026-01-03", "plays", "5", "comment", "binge"));
        String page = browser.get(moviePage).body();
        assertThat(page).contains("value=\"5\"").contains("binge").contains("2026-01-04");
        browser.submit(moviePage, moviePage + "/dates/delete", Map.of("watchedAt", "2026-01-04"));
        assertThat(browser.get(moviePage).body()).doesNotContain("2026-01-04").contains("The watch date was deleted.");
        browser.submit(moviePage, moviePage + "/delete-all", Map.of());
        assertThat(browser.get(moviePage).body()).contains("You have no watch dates of this movie.");
    }

    @Test
    void history_search_and_paging() {
        for (int day = 1; day <= 31; day++) {
            addWatch(Map.of("title", "The Matrix", "tmdbId", "603", "watchedAt", String.format("2026-01-%02d", day)));
        }
        addWatch(Map.of("title", "Heat", "tmdbId", "949", "watchedAt", "2025-01-01"));
        String first = browser.get("/history").body();
        assertThat(first).contains("Page 1 of 2").contains("2026-01-31").doesNotContain("Heat");
        assertThat(browser.get("/history?page=2").body()).contains("Heat");
        assertThat(browser.get("/history?search=hea").body()).contains("Heat").doesNotContain("The Matrix");
        assertThat(browser.get("/add/search?title=matr").body()).contains("The Matrix").contains("TMDb 603");
    }

    @Test
    void the_account_page_creates_and_revokes_api_tokens() {
        HttpResponse<String> created = browser.submit("/account", "/account/tokens", Map.of("name", "phone"));
        String token = created.body().replaceAll("(?s).*<code id=\"new-token\"[^>]*>([^<]+)</code>.*", "$1");
        assertThat(token).hasSize(43);
        assertThat(app.client().withBearer(token).get("/api/auth/token").statusCode()).isEqualTo(200);
        long id = app.app.users.tokens().list(app.app.users.accounts().byName("alice").id()).getFirst().id();
        browser.submit("/account", "/account/tokens/" + id + "/revoke", Map.of());
        assertThat(app.client().withBearer(token).get("/api/auth/token").statusCode()).isEqualTo(401);
    }

    @Test
    void changing_the_password_needs_the_current_one() {
        browser.submit("/account", "/account/password", Map.of("currentPassword", "wrong-one", "newPassword", "password2", "repeatPassword", "password2"));
        assertThat(browser.get("/account").body()).contains("The current password is wrong.");
        browser.submit("/account", "/account/password", Map.of("currentPassword", "password1", "newPassword", "password2", "repeatPassword", "password2"));
        assertThat(app.client().logIn("alice", "password2").statusCode()).isEqualTo(302);
    }

    @Test
    void admins_manage_users_and_others_may_not_open_the_page() {
        browser.submit("/admin/users", "/admin/users", Map.of("name", "bob", "email", "bob@example.org", "password", "password1"));
        assertThat(browser.get("/admin/users").body()).contains("User bob was created.").contains("bob@example.org");
        WebClient bob = app.client();
        bob.logIn("bob", "password1");
        HttpResponse<String> refused = bob.get("/admin/users");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only admins");
        long bobId = app.app.users.accounts().byName("bob").id();
        browser.submit("/admin/users", "/admin/users/" + bobId + "/delete", Map.of());
        assertThat(app.app.users.accounts().all()).extracting(u -> u.name()).containsExactly("alice");
    }

    @Test
    void unknown_pages_and_movies_get_a_page_not_a_stack_trace() {
        HttpResponse<String> missing = browser.get("/movies/999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such movie.").doesNotContain("Exception");
        assertThat(browser.get("/movies/abc").statusCode()).isEqualTo(400);
        assertThat(browser.get("/no/such/page").statusCode()).isEqualTo(404);
    }
}
