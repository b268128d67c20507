package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.history.PlayedMovie;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.job.JobSpec;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catch-up sync: plays the webhook missed, read from Jellyfin newest first since the last catch-up. */
@BothDialects
class JellyfinCatchupTest {
    private static final Instant TODAY_NOON = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem movies = jellyfin.addLibrary("Movies", "movies");
    private final Dialect dialect;
    private TestApp app;
    private long userId;

    JellyfinCatchupTest(Dialect dialect) {
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

    private FakeItem movie(String name, String tmdb) {
        return jellyfin.addMovie(movies, name, 1999).tmdb(tmdb);
    }

    private void played(FakeItem item, Instant when) {
        jellyfin.setUserData(alice, item, FakeUserData.playedOn(when, 1));
    }

    private String catchup() throws Exception {
        Job job = app.app.jellyfinSync.catchupNow(userId, JobContext.NONE);
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        return job.summary();
    }

    private List<PlayedMovie> history() {
        return app.app.history.queries().played(userId, null, 1, 100);
    }

    private List<PlayedMovie.DateEntry> datesOf(String title) {
        return history().stream().filter(p -> p.movie().title().equals(title)).findFirst().map(PlayedMovie::dates).orElse(List.of());
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void a_play_the_webhook_missed_becomes_one_date_on_its_last_played_day_marked_from_catch_up_and_is_read_once() throws Exception {
        start();
        FakeItem matrix = movie("The Matrix", "603");
        FakeItem heat = movie("Heat", "949");
        movie("Unwatched", "550");
        Instant yesterday = TODAY_NOON.minus(Duration.ofDays(1));
        played(matrix, yesterday);
        played(heat, TODAY_NOON.minus(Duration.ofDays(2)));

        assertThat(catchup()).startsWith("Read 2 plays since the last catch-up; added 2 watch dates");
        assertThat(datesOf("The Matrix")).containsExactly(new PlayedMovie.DateEntry(day(yesterday), 1, null, "catchup"));
        assertThat(datesOf("The Matrix").getFirst().sourceLabel()).isEqualTo("from catch-up");
        assertThat(datesOf("Heat")).hasSize(1);

        jellyfin.clearRequests();
        assertThat(catchup()).contains("added 0 watch dates");
        assertThat(jellyfin.requestCount("GET", "/Items")).as("one page: everything is older than the watermark").isEqualTo(1);
        assertThat(datesOf("The Matrix")).hasSize(1);
    }

    @Test
    void a_date_the_webhook_already_recorded_is_not_doubled_even_when_the_play_ended_after_midnight() throws Exception {
        start();
        FakeItem matrix = movie("The Matrix", "603");
        FakeItem heat = movie("Heat", "949");
        Instant lateStart = TODAY_NOON.minus(Duration.ofDays(2)).plus(Duration.ofHours(11).plusMinutes(30)); // 23:30
        played(matrix, lateStart);
        played(heat, TODAY_NOON.minus(Duration.ofDays(1)));
        // the webhook counted both: The Matrix on the day it ended (after midnight), Heat on its day
        app.app.history.history().apply(userId, List.of(
                new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie(603, null, "The Matrix", 1999, null)),
                        day(lateStart).plusDays(1), 1, null),
                new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie(949, null, "Heat", 1995, null)),
                        day(TODAY_NOON.minus(Duration.ofDays(1))), 1, null)), Source.WEBHOOK);

        assertThat(catchup()).contains("added 0 watch dates").contains("2 were already recorded");
        assertThat(datesOf("The Matrix")).containsExactly(new PlayedMovie.DateEntry(day(lateStart).plusDays(1), 1, null));
        assertThat(datesOf("Heat")).containsExactly(new PlayedMovie.DateEntry(day(TODAY_NOON.minus(Duration.ofDays(1))), 1, null));
    }

    @Test
    void the_echo_of_patharys_own_export_is_ignored_so_a_deleted_date_does_not_come_back() throws Exception {
        start();
        FakeItem matrix = movie("The Matrix", "603");
        LocalDate watched = day(TODAY_NOON.minus(Duration.ofDays(3)));
        var ref = new MovieRef.CreateIfMissing(new NewMovie(603, null, "The Matrix", 1999, null));
        app.app.history.history().apply(userId, new HistoryCommand.AddPlays(ref, watched, 1, null), Source.PAGE);
        app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        assertThat(jellyfin.userData(alice, matrix).played()).isTrue();
        app.app.history.history().apply(userId, new HistoryCommand.DeleteMovie(ref), Source.PAGE);

        assertThat(catchup()).contains("added 0 watch dates").contains("1 echo of Pathary's own writes ignored");
        assertThat(history()).isEmpty();

        played(matrix, TODAY_NOON.minus(Duration.ofHours(1)));
        assertThat(catchup()).as("a real play afterwards is no echo").contains("added 1 watch date");
    }

    @Test
    void a_failed_or_odd_read_fails_the_job_and_keeps_the_watermark_so_the_next_run_still_finds_the_play() throws Exception {
        start();
        FakeItem matrix = movie("The Matrix", "603");
        played(matrix, TODAY_NOON.minus(Duration.ofDays(1)));
        jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);

        assertThatThrownBy(() -> app.app.jellyfinSync.catchupNow(userId, JobContext.NONE)).isInstanceOf(JellyfinException.NotJellyfin.class);
        assertThat(history()).isEmpty();
        assertThat(app.app.jellyfinLink.links().catchupWatermark(userId)).isEmpty();

        jellyfin.failNext(1, FakeJellyfin.Fault.TRUNCATED_JSON);
        assertThatThrownBy(() -> app.app.jellyfinSync.catchupNow(userId, JobContext.NONE)).isInstanceOf(JellyfinException.class);
        assertThat(history()).isEmpty();

        assertThat(catchup()).contains("added 1 watch date");
    }

    @Test
    void plays_older_than_the_first_look_back_are_left_to_the_import_and_later_runs_read_from_the_watermark() throws Exception {
        start();
        FakeItem old = movie("Old Play", "11");
        FakeItem fresh = movie("Fresh Play", "12");
        played(old, TODAY_NOON.minus(JellyfinCatchup.FIRST_LOOKBACK).minus(Duration.ofDays(2)));
        played(fresh, TODAY_NOON.minus(Duration.ofDays(1)));

        assertThat(catchup()).startsWith("Read 1 play ");
        assertThat(history()).extracting(p -> p.movie().title()).containsExactly("Fresh Play");
        assertThat(app.app.jellyfinLink.links().catchupWatermark(userId)).contains(TODAY_NOON.minus(Duration.ofDays(1)));
    }

    @Test
    void the_schedule_queues_one_catch_up_per_user_with_a_jellyfin_login() {
        start();
        app.app.users.accounts().create("bob@example.org", "password1", "bob", false);
        assertThat(app.app.jellyfinSync.run(new JobSpec.JellyfinCatchupAll())).isEqualTo("Queued a catch-up for 1 user with a Jellyfin login.");
        assertThat(app.app.jobs.repository().list(null, JellyfinSyncFacade.CATCHUP, null, 10)).singleElement()
                .satisfies(job -> assertThat(job.userId()).isEqualTo(userId));
    }

    @Test
    void the_history_and_movie_pages_show_from_catch_up_and_the_jellyfin_page_has_the_button() throws Exception {
        start();
        FakeItem matrix = movie("The Matrix", "603");
        played(matrix, TODAY_NOON.minus(Duration.ofDays(1)));
        catchup();
        WebClient browser = app.client();
        browser.logIn("alice", "password1");
        assertThat(browser.get("/history").body()).contains("from catch-up");
        long movieId = history().getFirst().movie().id();
        assertThat(browser.get("/movies/" + movieId).body()).contains("from catch-up");
        var page = browser.get("/settings/integrations/jellyfin");
        assertThat(page.body()).contains("Catch up now");
        assertThat(browser.submit("/settings/integrations/jellyfin", "/settings/integrations/jellyfin/catchup", Map.of()).statusCode())
                .isIn(200, 302, 303);
        assertThat(app.app.jobs.repository().list(null, JellyfinSyncFacade.CATCHUP, userId, 10)).isNotEmpty();
        assertThat(URI.create(app.baseUrl())).isNotNull();
    }

    @Test
    void missed_episodes_are_caught_up_by_their_series_ids_season_and_number_and_a_recorded_one_is_not_doubled() throws Exception {
        start();
        FakeItem expanse = jellyfin.addSeries(jellyfin.addLibrary("Shows", "tvshows"), "The Expanse", 2015).tvdb("280619");
        FakeItem s1e1 = jellyfin.addEpisode(expanse, 1, 1, "Dulcinea");
        FakeItem s1e2 = jellyfin.addEpisode(expanse, 1, 2, "The Big Empty");
        FakeItem matrix = movie("The Matrix", "603");
        Instant yesterday = TODAY_NOON.minus(Duration.ofDays(1));
        played(s1e1, yesterday);
        played(s1e2, yesterday.plus(Duration.ofHours(1)));
        played(matrix, yesterday.plus(Duration.ofHours(2)));
        var show = new app.pathary.show.NewShow(new app.pathary.show.ShowIds(280619, null, null), "The Expanse", 2015);
        app.app.history.episodes().apply(userId, new app.pathary.history.EpisodeCommand.AddPlays(
                new app.pathary.history.EpisodeRef.CreateIfMissing(show, new app.pathary.show.NewEpisode(1, 1, null, null)),
                day(yesterday), 1, null), Source.WEBHOOK);

        assertThat(catchup()).startsWith("Read 3 plays since the last catch-up; added 2 watch dates").contains("1 was already recorded");
        List<String> episodes = new java.util.ArrayList<>();
        app.app.history.episodeQueries().forEach(userId, d -> episodes.add(d.episode().code() + " " + d.watchedAt() + " " + d.source()));
        assertThat(episodes).containsExactlyInAnyOrder("S01E01 " + day(yesterday) + " webhook", "S01E02 " + day(yesterday) + " catchup");
        assertThat(datesOf("The Matrix")).hasSize(1);
        assertThat(catchup()).contains("added 0 watch dates");
    }
}
