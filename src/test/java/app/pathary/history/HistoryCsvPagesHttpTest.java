package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.ImportPages;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rough edge 4: a member downloads and imports their history as CSV from the account page, without the server's CLI.
 * The old import address ({@code POST /account/history/import}) now goes through the portable import: preview, then commit.
 */
@BothDialects
class HistoryCsvPagesHttpTest {
    private static final String HEADER = "tmdbId,imdbId,title,year,watchedAt,plays,comment\n";
    private TestApp app;
    private WebClient bob;
    private WebClient alice;
    private ImportPages imports;

    @BeforeEach
    void start(Dialect dialect) {
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        bob = app.member("bob");
        alice = app.member("alice");
        imports = new ImportPages(bob);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_member_imports_a_file_and_downloads_only_their_own_history() {
        String account = bob.get("/account").body();
        assertThat(account).contains("href=\"/account/history.csv\"").contains("action=\"/account/imports\"")
                .contains("enctype=\"multipart/form-data\"");

        HttpResponse<String> imported = bob.upload("/account", "/account/history/import", "file", "mine.csv",
                HEADER + "603,tt0133093,The Matrix,1999,2024-03-09,2,with Alice\n949,,Heat,1995,,1,\n");
        assertThat(commit(imported)).contains("Imported: 2 watch dates added or changed. Nothing was removed.");

        HttpResponse<String> csv = bob.get("/account/history.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(lines(csv.body())).startsWith(HEADER).contains("603,tt0133093,The Matrix,1999,2024-03-09,2,with Alice").contains("Heat");
        assertThat(lines(alice.get("/account/history.csv").body())).as("alice's own, empty history").isEqualTo(HEADER);
    }

    @Test
    void a_file_with_a_bad_line_is_refused_whole_with_the_line_and_nothing_is_stored() {
        HttpResponse<String> refused = bob.upload("/account", "/account/history/import", "file", "broken.csv",
                HEADER + "603,,The Matrix,1999,2024-03-09,1,\nabc,,Heat,1995,,1,\n");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("file broken.csv: Line 3");
        assertThat(lines(bob.get("/account/history.csv").body())).isEqualTo(HEADER);

        HttpResponse<String> empty = bob.upload("/account", "/account/history/import", "file", "empty.csv", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("file: choose a file to import");
    }

    @Test
    void anonymous_callers_get_neither() {
        WebClient anonymous = app.client();
        assertThat(anonymous.get("/account/history.csv").statusCode()).isEqualTo(302);
        assertThat(anonymous.post("/account/history/import", Map.of()).statusCode()).isIn(302, 403);
    }

    /** The CSV's lines end in CRLF (RFC 4180); compared here line by line. */
    @Test
    void the_episodes_file_is_downloaded_beside_the_movies_file_and_the_same_form_imports_it() {
        String episodes = "tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment\n"
                + "280619,,,The Expanse,2015,2,3,,Static,2025-11-02,1,\n";
        assertThat(bob.get("/account").body()).contains("href=\"/account/history-episodes.csv\"");
        HttpResponse<String> imported = bob.upload("/account", "/account/history/import", "file", "shows.csv", episodes);
        assertThat(commit(imported)).contains("Imported: 1 watch date added or changed.").contains("id=\"result-episodes\"");
        HttpResponse<String> csv = bob.get("/account/history-episodes.csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("pathary-episodes-"));
        assertThat(lines(csv.body())).isEqualTo(episodes);
        assertThat(lines(bob.get("/account/history.csv").body())).isEqualTo(HEADER);
        assertThat(lines(alice.get("/account/history-episodes.csv").body())).as("alice's own, empty file")
                .isEqualTo("tvdbId,tmdbId,imdbId,title,year,season,episode,endEpisode,episodeTitle,watchedAt,plays,comment\n");
    }

    /** Follows an upload to its preview, commits it, and answers the import's page once the commit job has finished. */
    private String commit(HttpResponse<String> uploaded) {
        String preview = ImportPages.previewOf(uploaded);
        assertThat(bob.get(preview).body()).contains("Commit the import");
        return imports.commit(preview);
    }

    private static String lines(String csv) {
        return csv.replace("\r\n", "\n");
    }
}
