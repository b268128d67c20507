package app.pathary.history.portable;

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

/** A member uploads a history file on the account page, reads the preview, resolves what has no film, and commits. */
@BothDialects
class PortablePagesHttpTest {
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
    void a_letterboxd_diary_is_previewed_resolved_by_hand_and_committed() {
        String seed = imports.stage("seed.csv", "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,tt0133093,The Matrix,1999,2020-01-01,1,\n");
        imports.commit(seed);
        assertThat(bob.get("/account").body()).contains("action=\"/account/imports\"").contains("href=\"/account/history/export?format=movary\"");

        HttpResponse<String> uploaded = bob.upload("/account", "/account/imports", "file", "diary.csv", HistoryFileFixtures.text("letterboxd/diary.csv"));
        String preview = ImportPages.previewOf(uploaded);
        String page = bob.get(preview).body();
        assertThat(page).contains("Read as <strong>Letterboxd diary</strong>").contains("A Short Film Nobody Indexed")
                .contains("id=\"count-new-dates\">2<").contains("id=\"count-unmatched\">4<");
        assertThat(alice.get(preview).statusCode()).as("another member's import is not found").isEqualTo(404);

        HttpResponse<String> resolved = bob.submit(preview, preview + "/resolve", Map.of("line", "6", "tmdbId", "99999"));
        assertThat(resolved.statusCode()).isEqualTo(302);
        assertThat(bob.get(preview).body()).contains("id=\"count-new-dates\">4<").contains("id=\"count-unmatched\">2<");
        assertThat(bob.submit(preview, preview + "/resolve", Map.of("line", "6", "tmdbId", "x")).statusCode()).isEqualTo(400);

        HttpResponse<String> committed = bob.submit(preview, preview + "/commit", Map.of());
        assertThat(committed.statusCode()).isEqualTo(302);
        assertThat(committed.headers().firstValue("Location")).as("the commit's progress shows on the import's page").hasValue(preview);
        String result = imports.awaitResult(preview);
        assertThat(result).contains("Imported: 4 watch dates added or changed; 2 unmatched rows left out. Nothing was removed.")
                .contains("id=\"result-new-dates\">4<").contains("id=\"result-unmatched\">2<").contains("href=\"/history\"");
        assertThat(bob.get("/account/history/export?format=movary").body()).contains("A Short Film Nobody Indexed,1968,99999,,2024-06-30,,");
        assertThat(bob.submit(preview, preview + "/commit", Map.of()).statusCode()).as("committing again changes nothing").isEqualTo(302);
        assertThat(bob.get(preview).body()).contains("id=\"result-new-dates\">4<");
        assertThat(jobs()).as("one commit job for the import and one for the seed").isEqualTo(2);
    }

    @Test
    void the_commit_is_queued_once_and_its_page_shows_live_progress_until_the_result() {
        String staged = imports.stage("history.csv", HistoryFileFixtures.text("movary/history.csv"));
        long importId = Long.parseLong(staged.substring(staged.lastIndexOf('/') + 1));
        long blocker = holdTheKey("history_import_commit:" + importId);

        assertThat(bob.submit(staged, staged + "/commit", Map.of()).statusCode()).isEqualTo(302);
        String page = bob.get(staged).body();
        assertThat(page).contains("Importing history.csv").contains("id=\"job-progress\"").doesNotContain("id=\"commit-import\"");
        String job = page.replaceAll("(?s).*data-job=\"(\\d+)\".*", "$1");
        assertThat(bob.get("/jobs/" + job + "/progress").body()).contains("Importing the file…").contains("waiting for a worker");
        assertThat(alice.get("/jobs/" + job + "/progress").statusCode()).as("bob's job is his own").isEqualTo(404);
        assertThat(bob.submit(staged, staged + "/commit", Map.of()).statusCode()).isEqualTo(302);
        assertThat(bob.submit(staged, staged + "/discard", Map.of()).statusCode()).as("a commit under way cannot be discarded").isEqualTo(400);
        assertThat(jobs()).as("the second click queued nothing").isEqualTo(1);
        assertThat(bob.get("/account/history.csv").body().lines().count()).as("nothing is visible before the commit ends").isEqualTo(1);

        app.app.database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM jobs WHERE id = :id").bind("id", blocker).execute());
        String result = imports.awaitResult(staged);
        assertThat(result).contains("id=\"result-new-dates\">4<").contains("id=\"result-added-plays\">5<").contains("id=\"result-unchanged\">0<");
        assertThat(bob.get("/jobs/" + job + "/progress").body()).contains("Importing the file: finished.")
                .contains("Imported: 4 watch dates added or changed. Nothing was removed.");
        assertThat(bob.get("/account/history.csv").body().lines().count()).isEqualTo(5);
    }

    @Test
    void the_import_page_shows_the_rows_done_while_the_commit_transaction_holds_the_database() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        app.app.history.history().addTransactionListener((handle, changes) -> {
            if (changes.size() >= 600) {
                inside.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        StringBuilder file = new StringBuilder("title,year,tmdbId,imdbId,watchedAt,comment,location\n");
        for (int i = 0; i < 600; i++) {
            file.append("Movie ").append(i % 30 + 1).append(",1999,").append(i % 30 + 1).append(",,")
                    .append(java.time.LocalDate.of(2020, 1, 1).plusDays(i / 2)).append(",,\n");
        }
        String staged = imports.stage("history.csv", file.toString());

        assertThat(bob.submit(staged, staged + "/commit", Map.of()).statusCode()).isEqualTo(302);
        assertThat(inside.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the commit's transaction has applied every row").isTrue();
        try {
            HttpResponse<String> page = bob.get(staged);
            assertThat(page.statusCode()).as("pages answer while the commit holds the writer").isEqualTo(200);
            assertThat(page.body()).contains("Importing history.csv");
            String job = page.body().replaceAll("(?s).*data-job=\"(\\d+)\".*", "$1");
            assertThat(bob.get("/jobs/" + job + "/progress").body()).as("the rows done, from inside the transaction").contains("600 / 600")
                    .contains("running");
            assertThat(bob.get("/account/history.csv").body().lines().count()).as("nothing is visible before the commit").isEqualTo(1);
        } finally {
            release.countDown();
        }
        assertThat(imports.awaitResult(staged)).contains("id=\"result-new-dates\">600<").contains("id=\"result-added-plays\">600<");
        assertThat(bob.get("/account/history.csv").body().lines().count()).isEqualTo(601);
    }

    /** A job with {@code key} running elsewhere (another instance), so the queued job of that key waits. */
    private long holdTheKey(String key) {
        return app.app.database.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO jobs (type, params, dedupe_key, status, max_attempts, next_run_at, created_at, worker, owner, attempts,
                            started_at, heartbeat_at) VALUES ('history_import_commit', '{}', :key, 'running', 1, 0, 0, 'elsewhere', 'other', 1,
                            :now, :now) RETURNING id""").bind("key", key).bind("now", System.currentTimeMillis()).mapTo(Long.class).one());
    }

    private int jobs() {
        return app.app.database.reads().withHandle(h -> h.createQuery("SELECT count(*) FROM jobs WHERE type = 'history_import_commit'"
                + " AND worker IS DISTINCT FROM 'elsewhere'").mapTo(Integer.class).one());
    }

    @Test
    void a_malformed_or_too_large_upload_is_refused_with_one_sentence_and_stores_nothing() {
        HttpResponse<String> bad = bob.upload("/account", "/account/imports", "file", "history.csv",
                "title,year,tmdbId,imdbId,watchedAt,comment,location\nHeat,1995,949,,31/12/2024,,\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("file history.csv: Line 2: watchedAt must be a date as yyyy-MM-dd, not '31/12/2024'.");

        HttpResponse<String> large = bob.upload("/account", "/account/imports", "file", "big.csv",
                "tmdbId,title,watchedAt\n" + "x".repeat((int) PortablePages.MAX_UPLOAD_BYTES));
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.body()).contains("file: at most 10 MB can be imported at once");

        assertThat(bob.get("/account/history.csv").body().strip()).isEqualTo("tmdbId,imdbId,title,year,watchedAt,plays,comment");
    }

    @Test
    void exports_download_in_every_format() {
        String staged = imports.stage("history.csv", HistoryFileFixtures.text("movary/history.csv"));
        imports.commit(staged);

        HttpResponse<String> movary = bob.get("/account/history/export?format=movary");
        assertThat(movary.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("-movary-history.csv"));
        assertThat(movary.body()).startsWith("title,year,tmdbId,imdbId,watchedAt,comment,location\n");
        HttpResponse<String> letterboxd = bob.get("/account/history/export?format=letterboxd");
        assertThat(letterboxd.body().lines()).first().isEqualTo("WatchedDate,Title,Year,tmdbID");
        assertThat(letterboxd.body().lines().filter(l -> l.contains(",The Matrix,1999,603"))).hasSize(2);
        assertThat(bob.get("/account/history/export?format=episodes").body()).startsWith("tvdbId,tmdbId,imdbId,title,year,season,episode");
        assertThat(bob.get("/account/history/export?format=imdb").statusCode()).isEqualTo(400);
        assertThat(alice.get("/account/history/export?format=movary").body().lines().count()).as("alice's own, empty history").isEqualTo(1);
    }
}
