package app.pathary.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard counts the caller's own plays by week, month and year (in TIMEZONE), draws 24 months, names the most
 * watched and re-watched films, adds up hours from Jellyfin's running times, and shows admins the space the cleanup
 * reclaimed this month; the year in review sums one year.
 */
@BothDialects
class DashboardHttpTest {
    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2025-06-18T12:00:00Z");
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private TestApp app;
    private long aliceId;
    private WebClient alice;

    private void start(Dialect dialect) throws Exception {
        jellyfin.addMovie("The Matrix", 1999).tmdb("603").runtime(Duration.ofMinutes(136));
        jellyfin.addMovie("Heat", 1995).tmdb("949").runtime(Duration.ofMinutes(170));
        jellyfin.addUser("alice", "jf-password");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
        aliceId = app.app.users.accounts().create("alice@example.org", "password1", "alice", true).id();
        long bobId = app.app.users.accounts().create("bob@example.org", "password1", "bob", false).id();
        watch(aliceId, 603, "The Matrix", "2025-06-16", 2);   // this week (Monday)
        watch(aliceId, 603, "The Matrix", "2025-06-02", 1);   // this month
        watch(aliceId, 949, "Heat", "2025-02-10", 1);         // this year
        watch(aliceId, 78, "Blade Runner", "2024-12-24", 3);  // last year; no running time known
        watch(aliceId, 603, "The Matrix", "2023-01-05", 1);   // over two years ago: outside the chart
        watch(bobId, 949, "Heat", "2025-06-17", 5);           // someone else's plays never count
        app.app.jellyfinLink.login().saveServerUrl(aliceId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(aliceId, "alice", "jf-password");
        app.app.jellyfinSync.importNow(aliceId, JobContext.NONE);
        alice = app.client();
        alice.logIn("alice", "password1");
    }

    private void watch(long userId, int tmdb, String title, String date, int plays) {
        app.app.history.history().apply(userId, new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie(tmdb, null, title, null, null)),
                LocalDate.parse(date), plays, null), Source.PAGE);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        jellyfin.close();
    }

    @Test
    void the_home_page_counts_the_callers_plays_by_week_month_and_year_and_hours_from_jellyfin(Dialect dialect) throws Exception {
        start(dialect);
        Document page = Jsoup.parse(alice.get("/").body());

        assertThat(page.select("h1").text()).isEqualTo("Hello, alice");
        assertThat(page.select("#plays-0").text()).as("this week").isEqualTo("2");
        assertThat(page.select("#plays-1").text()).as("this month").isEqualTo("3");
        assertThat(page.select("#plays-2").text()).as("this year").isEqualTo("4");
        // The Matrix 4 plays x 136 min + Heat 1 x 170 min = 714 min = 11.9 h; Blade Runner's 3 plays have no known length.
        assertThat(page.select("#hours").text()).isEqualTo("12 h");
        assertThat(page.select("#stats").text()).contains("(5 of 8 plays with a known length)");

        assertThat(page.select("#plays-chart rect.bar")).hasSize(24);
        assertThat(page.select("#plays-chart tbody tr").first().text()).isEqualTo("July 2023 0");
        assertThat(page.select("#plays-chart tbody tr").last().text()).isEqualTo("June 2025 3");
        assertThat(page.select("#plays-chart tbody tr").eachText()).contains("December 2024 3", "February 2025 1");
        assertThat(page.select("#plays-chart rect.bar title").last().text()).isEqualTo("June 2025: 3 plays");

        assertThat(page.select("#most-watched .film-title").eachText()).containsExactly("The Matrix", "Blade Runner", "Heat");
        assertThat(page.select("#most-rewatched .film-title").eachText()).containsExactly("The Matrix");
        assertThat(page.select("#most-rewatched .film").text()).contains("3 days");
        assertThat(page.select("#latest .film-title").eachText()).containsExactly("The Matrix", "The Matrix", "Heat", "Blade Runner",
                "The Matrix");
        assertThat(page.select("#latest img.poster").attr("src")).matches("/img/movie/\\d+\\?w=160");
    }

    @Test
    void an_admin_sees_the_space_reclaimed_this_month_and_what_leaves_soon_and_a_user_does_not(Dialect dialect) throws Exception {
        start(dialect);
        app.app.database.jdbi().useHandle(h -> {
            var insert = h.prepareBatch("INSERT INTO cleanup_audit (at, run_id, started_by, instance, item, action, bytes, result, reasons)"
                    + " VALUES (:at, 'r1', 'alice', 'radarr', :item, 'delete', :bytes, :result, '[]')");
            insert.bind("at", Instant.parse("2025-06-03T10:00:00Z").toEpochMilli()).bind("item", "Heat").bind("bytes", 4_000_000_000L)
                    .bind("result", "deleted").add();
            insert.bind("at", Instant.parse("2025-06-04T10:00:00Z").toEpochMilli()).bind("item", "Alien").bind("bytes", 2_500_000_000L)
                    .bind("result", "deleted (files)").add();
            insert.bind("at", Instant.parse("2025-06-05T10:00:00Z").toEpochMilli()).bind("item", "Ran").bind("bytes", 9_000_000_000L)
                    .bind("result", "skipped: played since the plan").add();
            insert.bind("at", Instant.parse("2025-05-31T10:00:00Z").toEpochMilli()).bind("item", "Up").bind("bytes", 1_000_000_000L)
                    .bind("result", "deleted").add();
            insert.execute();
        });
        assertThat(Jsoup.parse(alice.get("/").body()).select("#leaving-summary").text()).isEqualTo("Nothing is announced as leaving.");
        app.app.database.jdbi().useHandle(h -> {
            var leaving = h.prepareBatch("INSERT INTO cleanup_leaving (item_key, kind, title, instance, jellyfin_ids, bytes, reasons, first_seen,"
                    + " leaves_on, state, updated_at) VALUES (:key, 'movie', :title, 'radarr', '', :bytes, 'watched', '2025-06-01', :on, :state, 0)");
            leaving.bind("key", "m1").bind("title", "Ran").bind("bytes", 3_000_000_000L).bind("on", "2025-06-20").bind("state", "leaving").add();
            leaving.bind("key", "m2").bind("title", "Up").bind("bytes", 1_500_000_000L).bind("on", "2025-06-18").bind("state", "leaving").add();
            leaving.bind("key", "m3").bind("title", "Kept").bind("bytes", 9_000_000_000L).bind("on", "2025-06-10").bind("state", "kept").add();
            leaving.execute();
        });

        assertThat(Jsoup.parse(alice.get("/").body()).select("#cleanup-summary").text())
                .startsWith("Cleanup this month: 6.5 GB reclaimed from 2 files.")
                .contains("Leaving soon: 2 items (4.5 GB), the first on 2025-06-18.");

        WebClient bob = app.client();
        bob.logIn("bob", "password1");
        Document bobs = Jsoup.parse(bob.get("/").body());
        assertThat(bobs.select("#cleanup-summary")).isEmpty();
        assertThat(bobs.select("#plays-0").text()).isEqualTo("5");
        assertThat(bobs.select("#most-watched .film-title").eachText()).containsExactly("Heat");
    }

    @Test
    void the_year_in_review_sums_one_year_and_names_its_busiest_month(Dialect dialect) throws Exception {
        start(dialect);
        Document year = Jsoup.parse(alice.get("/year/2025").body());

        assertThat(year.select("h1").text()).isEqualTo("2025 in review");
        assertThat(year.select("#review-stats").text()).contains("4 plays", "2 different films", "1 seen for the first time", "10 h watched");
        assertThat(year.select("#busiest").text()).isEqualTo("Your busiest month was June 2025 with 3 plays.");
        assertThat(year.select("#year-chart rect.bar")).hasSize(12);
        assertThat(year.select("#year-films .film-title").eachText()).containsExactly("The Matrix", "Heat");
        assertThat(year.select("#next-year")).as("no review of the future").isEmpty();

        Document earlier = Jsoup.parse(alice.get("/year/2024").body());
        assertThat(earlier.select("#review-stats").text()).contains("3 plays", "1 different films", "0 h watched (known lengths)");
        assertThat(alice.get("/year/2001").body()).contains("No watches with a date in 2001.");
        assertThat(alice.get("/year/20x5").statusCode()).isEqualTo(400);
    }
}
