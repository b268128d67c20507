package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.EpisodeCommand;
import app.pathary.history.EpisodeRef;
import app.pathary.history.EpisodeWatchDate;
import app.pathary.history.HistoryChange.Source;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Episodes in the Jellyfin import and export: matched by the series' provider ids, season and number, in every library. */
@BothDialects
class JellyfinEpisodeSyncTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem shows = jellyfin.addLibrary("Shows", "tvshows");
    private final FakeItem shows4k = jellyfin.addLibrary("Shows 4K", "tvshows");
    private final FakeItem expanse = jellyfin.addSeries(shows, "The Expanse", 2015).tvdb("280619").tmdb("63639");
    private final FakeItem expanse4k = jellyfin.addSeries(shows4k, "The Expanse", 2015).tvdb("280619");
    private final Dialect dialect;
    private TestApp app;
    private long userId;

    JellyfinEpisodeSyncTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start() {
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("TIMEZONE", "UTC"));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private String importNow() throws Exception {
        Job job = app.app.jellyfinSync.importNow(userId, JobContext.NONE);
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        return job.summary();
    }

    private String exportNow() throws Exception {
        Job job = app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        return job.summary();
    }

    private List<String> episodeDates() {
        List<String> dates = new ArrayList<>();
        app.app.history.episodeQueries().forEach(userId, (EpisodeWatchDate d) ->
                dates.add(d.show().title() + " " + d.episode().code() + " " + d.watchedAt() + " x" + d.plays()));
        return dates;
    }

    private long writes() {
        return jellyfin.requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    @Test
    void import_makes_one_date_per_episode_from_the_latest_play_of_its_copies_in_every_library_and_a_second_import_adds_nothing()
            throws Exception {
        start();
        FakeItem s2e3 = jellyfin.addEpisode(expanse, 2, 3, "Static");
        FakeItem s2e3in4k = jellyfin.addEpisode(expanse4k, 2, 3, "Static");
        FakeItem s2e4 = jellyfin.addEpisode(expanse, 2, 4, "Godspeed");
        jellyfin.addEpisode(expanse, 2, 5, "Home");
        FakeItem noIds = jellyfin.addSeries(shows, "Home Videos", 2020);
        FakeItem holiday = jellyfin.addEpisode(noIds, 1, 1, "Holiday");
        jellyfin.setUserData(alice, s2e3, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        jellyfin.setUserData(alice, s2e3in4k, FakeUserData.playedOn(Instant.parse("2025-03-08T20:00:00Z"), 1));
        jellyfin.setUserData(alice, s2e4, FakeUserData.playedOn(Instant.parse("2025-03-02T20:00:00Z"), 2));
        jellyfin.setUserData(alice, holiday, FakeUserData.playedOn(Instant.parse("2025-03-02T20:00:00Z"), 1));

        assertThat(importNow()).contains("Episodes: scanned 5 items, 3 played; added 2 watch dates, 0 already present; "
                + "1 without series ids or numbers skipped.");
        assertThat(episodeDates()).containsExactlyInAnyOrder("The Expanse S02E03 2025-03-08 x1", "The Expanse S02E04 2025-03-02 x1");

        jellyfin.clearRequests();
        assertThat(importNow()).contains("Episodes: scanned 5 items, 3 played; added 0 watch dates, 2 already present");
        assertThat(writes()).isZero();
        assertThat(episodeDates()).hasSize(2);
    }

    /** Every SQL statement run on Pathary's database (writer and readers) from now on. */
    private List<String> recordStatements() {
        List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        SqlLogger logger = new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        };
        app.app.database.jdbi().getConfig(SqlStatements.class).setSqlLogger(logger);
        app.app.database.reads().getConfig(SqlStatements.class).setSqlLogger(logger);
        return statements;
    }

    /** What {@link #recordStatements()} recorded, once recording has stopped. */
    private List<String> stopRecording(List<String> recorded) {
        app.app.database.jdbi().getConfig(SqlStatements.class).setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        app.app.database.reads().getConfig(SqlStatements.class).setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    @Test
    void a_second_import_reads_the_users_dates_in_one_query_and_writes_no_show_episode_or_date() throws Exception {
        start();
        for (int number = 1; number <= 8; number++) {
            FakeItem episode = jellyfin.addEpisode(expanse, 4, number, "Episode " + number);
            jellyfin.setUserData(alice, episode, FakeUserData.playedOn(Instant.parse("2025-04-01T20:00:00Z").plusSeconds(86_400L * number), 1));
        }
        assertThat(importNow()).contains("added 8 watch dates, 0 already present");
        List<String> before = episodeDates();

        List<String> recording = recordStatements();
        assertThat(importNow()).contains("Episodes: scanned 8 items, 8 played; added 0 watch dates, 8 already present");
        List<String> statements = stopRecording(recording);
        List<String> onHistory = statements.stream()
                .filter(sql -> sql.matches("(?is).*\\b(shows|episodes|episode_watch_dates)\\b.*")).toList();
        assertThat(onHistory).as("one read of the user's dates, nothing per episode, no write").singleElement()
                .satisfies(sql -> assertThat(sql.strip()).startsWithIgnoringCase("SELECT"));
        assertThat(episodeDates()).isEqualTo(before);
        assertThat(statements).filteredOn(sql -> sql.contains("jellyfin_episode_items")).as("the item index is read, not rewritten")
                .singleElement().satisfies(sql -> assertThat(sql.strip()).startsWithIgnoringCase("SELECT"));
    }

    @Test
    void a_reimport_updates_the_item_index_where_jellyfin_changed_and_keeps_the_rest() throws Exception {
        start();
        FakeItem s6e1 = jellyfin.addEpisode(expanse, 6, 1, "Strange Dogs");
        FakeItem s6e1in4k = jellyfin.addEpisode(expanse4k, 6, 1, "Strange Dogs");
        importNow();
        var index = new JellyfinEpisodeIndex(app.app.database.jdbi());
        assertThat(index.itemsOf(userId, new ShowIds(null, 63639, null), 6, 1)).containsExactly(s6e1.id());

        expanse4k.tmdb("63639");
        FakeItem s6e2 = jellyfin.addEpisode(expanse, 6, 2, "Azure Dragon");
        importNow();
        assertThat(index.itemsOf(userId, new ShowIds(null, 63639, null), 6, 1)).containsExactlyInAnyOrder(s6e1.id(), s6e1in4k.id());
        assertThat(index.itemsOf(userId, new ShowIds(280619, null, null), 6, 2)).containsExactly(s6e2.id());
        assertThat(index.size(userId)).isEqualTo(3);
    }

    @Test
    void a_second_import_still_fills_an_id_the_show_lacked_and_adds_a_new_play() throws Exception {
        start();
        FakeItem s5e1 = jellyfin.addEpisode(expanse4k, 5, 1, "Exodus");
        jellyfin.setUserData(alice, s5e1, FakeUserData.playedOn(Instant.parse("2025-06-01T20:00:00Z"), 1));
        importNow();
        assertThat(showIds()).containsExactly("tvdb 280619 tmdb null imdb null");

        expanse4k.imdb("tt3230854");
        FakeItem s5e2 = jellyfin.addEpisode(expanse4k, 5, 2, "Churn");
        jellyfin.setUserData(alice, s5e2, FakeUserData.playedOn(Instant.parse("2025-06-02T20:00:00Z"), 1));
        assertThat(importNow()).contains("added 1 watch date, 1 already present");
        assertThat(showIds()).containsExactly("tvdb 280619 tmdb null imdb tt3230854");
        assertThat(episodeDates()).containsExactlyInAnyOrder("The Expanse S05E01 2025-06-01 x1", "The Expanse S05E02 2025-06-02 x1");
    }

    private List<String> showIds() {
        List<String> ids = new ArrayList<>();
        app.app.history.episodeQueries().forEach(userId, (EpisodeWatchDate d) -> ids.add(
                "tvdb " + d.show().tvdbId() + " tmdb " + d.show().tmdbId() + " imdb " + d.show().imdbId()));
        return ids.stream().distinct().toList();
    }

    @Test
    void export_marks_every_librarys_copy_played_on_the_latest_date_keeps_play_counts_and_a_second_export_writes_nothing()
            throws Exception {
        start();
        FakeItem s1e1 = jellyfin.addEpisode(expanse, 1, 1, "Dulcinea");
        FakeItem s1e1in4k = jellyfin.addEpisode(expanse4k, 1, 1, "Dulcinea");
        FakeItem s1e2 = jellyfin.addEpisode(expanse, 1, 2, "The Big Empty");
        FakeItem s1e3 = jellyfin.addEpisode(expanse, 1, 3, "Remember the Cant");
        jellyfin.setUserData(alice, s1e2, FakeUserData.playedOn(Instant.parse("2025-01-01T20:00:00Z"), 3));
        var show = new NewShow(new ShowIds(280619, null, null), "The Expanse", 2015);
        app.app.history.episodes().apply(userId, List.of(
                new EpisodeCommand.AddPlays(new EpisodeRef.CreateIfMissing(show, new NewEpisode(1, 1, null, null)), LocalDate.of(2025, 2, 1), 1, null),
                new EpisodeCommand.AddPlays(new EpisodeRef.CreateIfMissing(show, new NewEpisode(1, 1, null, null)), LocalDate.of(2025, 2, 9), 1, null),
                new EpisodeCommand.AddPlays(new EpisodeRef.CreateIfMissing(show, new NewEpisode(1, 2, null, null)), LocalDate.of(2025, 2, 2), 1, null)),
                Source.PAGE);

        assertThat(exportNow()).contains("Episodes: scanned 4 items; marked 2 played, changed the date of 1, marked 0 unplayed; 1 was already right");
        Instant noon = Instant.parse("2025-02-09T12:00:00Z");
        assertThat(jellyfin.userData(alice, s1e1).lastPlayedDate()).isEqualTo(noon);
        assertThat(jellyfin.userData(alice, s1e1in4k).lastPlayedDate()).isEqualTo(noon);
        assertThat(jellyfin.userData(alice, s1e2).lastPlayedDate()).isEqualTo(Instant.parse("2025-02-02T12:00:00Z"));
        assertThat(jellyfin.userData(alice, s1e2).playCount()).as("no play-count inflation").isEqualTo(3);
        assertThat(jellyfin.userData(alice, s1e3).played()).isFalse();

        jellyfin.clearRequests();
        assertThat(exportNow()).contains("Episodes: scanned 4 items; marked 0 played, changed the date of 0, marked 0 unplayed; 4 were already right");
        assertThat(writes()).isZero();
        assertThat(importNow()).as("the export's plays read back add nothing").contains("added 0 watch dates, 2 already present");
    }

    private void awaitIdleJobs() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            boolean busy = !app.app.jobs.repository().list(Job.Status.WAITING, null, null, 1).isEmpty()
                    || !app.app.jobs.repository().list(Job.Status.RUNNING, null, null, 1).isEmpty();
            if (!busy) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("jobs did not finish: " + app.app.jobs.repository().list(null, null, null, 5));
    }

    @Test
    void automatic_sync_pushes_a_new_latest_episode_date_to_the_copies_in_both_libraries_and_removing_it_marks_them_unplayed()
            throws Exception {
        start();
        FakeItem s3e1 = jellyfin.addEpisode(expanse, 3, 1, "Fight or Flight");
        FakeItem s3e1in4k = jellyfin.addEpisode(expanse4k, 3, 1, "Fight or Flight");
        FakeItem s3e2 = jellyfin.addEpisode(expanse, 3, 2, "IFF");
        importNow();
        app.app.jellyfinLink.links().setSync(userId, true);
        jellyfin.clearRequests();
        var show = new NewShow(new ShowIds(280619, 63639, null), "The Expanse", 2015);
        var ref = new EpisodeRef.CreateIfMissing(show, new NewEpisode(3, 1, null, null));

        app.app.history.episodes().apply(userId, new EpisodeCommand.AddPlays(ref, LocalDate.of(2025, 5, 1), 1, null), Source.PAGE);
        awaitIdleJobs();
        assertThat(jellyfin.requests()).as("a read and a write per copy, no library scan").hasSize(4);
        assertThat(jellyfin.userData(alice, s3e1).lastPlayedDate()).isEqualTo(Instant.parse("2025-05-01T12:00:00Z"));
        assertThat(jellyfin.userData(alice, s3e1in4k).lastPlayedDate()).isEqualTo(Instant.parse("2025-05-01T12:00:00Z"));
        assertThat(jellyfin.userData(alice, s3e2).played()).isFalse();

        app.app.history.episodes().apply(userId, new EpisodeCommand.DeleteEpisode(ref), Source.PAGE);
        awaitIdleJobs();
        assertThat(jellyfin.userData(alice, s3e1).played()).isFalse();
        assertThat(jellyfin.userData(alice, s3e1in4k).played()).isFalse();
    }
}
