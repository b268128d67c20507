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
import app.pathary.job.JobFailure;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Import, export and automatic sync against a fake Jellyfin that behaves like the real one. */
@BothDialects
class JellyfinSyncTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem movies = jellyfin.addLibrary("Movies", "movies");
    private final FakeItem uhd = jellyfin.addLibrary("Movies 4K", "movies");
    private final Dialect dialect;
    private TestApp app;
    private long userId;

    JellyfinSyncTest(Dialect dialect) {
        this.dialect = dialect;
    }

    private void start(Dialect dialect, String zone) {
        app = TestApp.start(TestDatabases.fresh(dialect), java.time.Clock.systemUTC(), Map.of("TIMEZONE", zone));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private FakeItem movie(FakeItem library, String name, String tmdb) {
        FakeItem item = jellyfin.addMovie(library, name, 1999);
        return tmdb == null ? item : item.tmdb(tmdb);
    }

    private JellyfinImport.Summary importNow() throws Exception {
        Job job = app.app.jellyfinSync.importNow(userId, JobContext.NONE);
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        return parseImport(job.summary());
    }

    private static JellyfinImport.Summary parseImport(String summary) {
        var numbers = java.util.regex.Pattern.compile("\\d+").matcher(summary).results().map(m -> Integer.parseInt(m.group())).toList();
        return new JellyfinImport.Summary(numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3), numbers.get(4));
    }

    private List<PlayedMovie> played() {
        return app.app.history.queries().played(userId, null, 1, 100);
    }

    private long writes() {
        return jellyfin.requests().stream().filter(r -> !r.method().equals("GET")).count();
    }

    @Test
    void import_turns_the_latest_play_of_all_copies_into_one_watch_date_and_a_second_import_adds_nothing() throws Exception {
        start(dialect, "UTC");
        FakeItem matrix = movie(movies, "The Matrix", "603").imdb("tt0133093");
        FakeItem matrix4k = movie(uhd, "The Matrix", "603");
        FakeItem heat = movie(movies, "Heat", "949");
        FakeItem home = movie(movies, "Home Video", null);
        movie(movies, "Unwatched", "550");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 3));
        jellyfin.setUserData(alice, matrix4k, FakeUserData.playedOn(Instant.parse("2025-06-10T21:00:00Z"), 1));
        jellyfin.setUserData(alice, heat, new FakeUserData(true, 1, null, false, 0));
        jellyfin.setUserData(alice, home, FakeUserData.playedOn(Instant.parse("2025-01-01T10:00:00Z"), 1));

        assertThat(importNow()).isEqualTo(new JellyfinImport.Summary(5, 3, 1, 0, 1));
        assertThat(played()).singleElement().satisfies(p -> {
            assertThat(p.movie().title()).isEqualTo("The Matrix");
            assertThat(p.movie().imdbId()).isEqualTo("tt0133093");
            assertThat(p.dates()).containsExactly(new PlayedMovie.DateEntry(LocalDate.of(2025, 6, 10), 1, null));
        });
        assertThat(importNow()).isEqualTo(new JellyfinImport.Summary(5, 3, 0, 1, 1));
        assertThat(played().getFirst().dates()).hasSize(1);
    }

    @Test
    void import_leaves_a_last_played_date_outside_the_window_as_date_unknown() throws Exception {
        start(dialect, "UTC");
        FakeItem matrix = movie(movies, "The Matrix", "603");
        FakeItem heat = movie(movies, "Heat", "949");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("9999-12-31T12:00:00Z"), 1));
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("1801-05-01T12:00:00Z"), 1));

        assertThat(importNow().added()).isEqualTo(2);
        assertThat(played()).hasSize(2).allSatisfy(p -> assertThat(p.dates()).containsExactly(new PlayedMovie.DateEntry(null, 1, null)));
    }

    @Test
    void import_never_changes_a_date_the_user_already_has() throws Exception {
        start(dialect, "UTC");
        FakeItem matrix = movie(movies, "The Matrix", "603");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        app.app.history.history().apply(userId, new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(
                new NewMovie(603, null, "Matrix (my title)", 1999, null)), LocalDate.of(2025, 3, 1), 4, "cinema"), Source.PAGE);
        assertThat(importNow().alreadyPresent()).isEqualTo(1);
        assertThat(played().getFirst().dates()).containsExactly(new PlayedMovie.DateEntry(LocalDate.of(2025, 3, 1), 4, "cinema"));
        assertThat(played().getFirst().movie().title()).isEqualTo("Matrix (my title)");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, JellyfinLibrary.PAGE_SIZE, JellyfinLibrary.PAGE_SIZE + 1})
    void paging_reads_every_item_with_one_request_per_page(int count) throws Exception {
        start(dialect, "UTC");
        for (int i = 0; i < count; i++) {
            FakeItem item = movie(movies, "Movie " + i, Integer.toString(1000 + i));
            jellyfin.setUserData(alice, item, FakeUserData.playedOn(Instant.parse("2025-01-01T12:00:00Z").plusSeconds(86_400L * (i % 300)), 1));
        }
        jellyfin.clearRequests();
        JellyfinImport.Summary summary = importNow();
        assertThat(summary.scanned()).isEqualTo(count);
        assertThat(summary.added()).isEqualTo(count);
        int pages = Math.max(1, (count + JellyfinLibrary.PAGE_SIZE - 1) / JellyfinLibrary.PAGE_SIZE);
        assertThat(jellyfin.requests().stream().filter(r -> r.path().endsWith("/Items") && r.query().contains("includeItemTypes=Movie")).count())
                .as("no extra read for an empty page after the last").isEqualTo(pages);
        assertThat(jellyfin.requests()).allSatisfy(r -> assertThat(r.query()).contains("sortBy="));
    }

    @ParameterizedTest
    @EnumSource(FakeJellyfin.Fault.class)
    void passing_faults_are_retried_to_the_right_end_with_no_duplicate_dates(FakeJellyfin.Fault fault) throws Exception {
        start(dialect, "UTC");
        FakeItem matrix = movie(movies, "The Matrix", "603");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        if (java.util.Set.of(FakeJellyfin.Fault.HTML_PAGE, FakeJellyfin.Fault.TRUNCATED_JSON, FakeJellyfin.Fault.WRONG_SHAPE,
                FakeJellyfin.Fault.EMPTY_BODY).contains(fault)) {
            jellyfin.failNext(1, fault);
            assertThatThrownBy(this::importNow).as("an answer that is not Jellyfin's JSON is no passing fault")
                    .isInstanceOf(JellyfinException.NotJellyfin.class);
            assertThat(played()).isEmpty();
        } else {
            jellyfin.failNext(2, fault);
        }
        assertThat(importNow().added()).isEqualTo(1);
        assertThat(importNow().added()).isZero();
        assertThat(played().getFirst().dates()).hasSize(1);
    }

    @Test
    void a_token_revoked_on_the_server_fails_the_job_and_asks_for_a_new_login() {
        start(dialect, "UTC");
        jellyfin.issueToken(alice, app.app.jellyfinIdentity.deviceId());
        assertThatThrownBy(() -> app.app.jellyfinSync.importNow(userId, JobContext.NONE)).isInstanceOf(JobFailure.class)
                .hasMessageContaining("revoked on the server");
        assertThat(app.app.jellyfinLink.links().of(userId).loginInvalid()).isTrue();
        assertThat(app.app.jobs.repository().list(Job.Status.FAILED, JellyfinSyncFacade.IMPORT, userId, 5)).singleElement()
                .satisfies(job -> assertThat(job.lastError()).contains("authenticate again"));
    }

    @Test
    void export_marks_played_on_the_latest_date_and_a_second_export_writes_nothing() throws Exception {
        start(dialect, "UTC");
        FakeItem matrix = movie(movies, "The Matrix", "603");
        FakeItem matrix4k = movie(uhd, "The Matrix", "603");
        FakeItem heat = movie(movies, "Heat", "949");
        FakeItem other = movie(movies, "Never Watched", "550");
        jellyfin.setUserData(alice, heat, FakeUserData.playedOn(Instant.parse("2024-01-01T20:00:00Z"), 2));
        jellyfin.setUserData(alice, other, FakeUserData.playedOn(Instant.parse("2024-01-01T20:00:00Z"), 1));
        addWatch(603, "The Matrix", LocalDate.of(2025, 5, 1));
        addWatch(603, "The Matrix", LocalDate.of(2025, 5, 20));
        addWatch(949, "Heat", LocalDate.of(2025, 4, 2));
        jellyfin.clearRequests();

        Job first = app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        assertThat(first.summary()).startsWith("Scanned 4 items; marked 2 played, changed the date of 1, marked 0 unplayed; 1 was already right");
        assertThat(writes()).isEqualTo(3);
        for (FakeItem item : List.of(matrix, matrix4k)) {
            FakeUserData data = jellyfin.userData(alice, item);
            assertThat(data.played()).isTrue();
            assertThat(data.playCount()).isEqualTo(1);
            assertThat(data.lastPlayedDate().atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(LocalDate.of(2025, 5, 20));
        }
        assertThat(jellyfin.userData(alice, heat).playCount()).as("the date changes, the count does not").isEqualTo(2);

        jellyfin.clearRequests();
        app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        assertThat(writes()).isZero();
        assertThat(jellyfin.userData(alice, matrix).playCount()).isEqualTo(1);

        app.app.jellyfinSync.exportNow(userId, true, JobContext.NONE);
        assertThat(jellyfin.userData(alice, other).played()).as("asked for: unplayed without watch date").isFalse();
        assertThat(jellyfin.userData(alice, matrix).played()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pacific/Auckland", "America/Los_Angeles", "UTC"})
    void an_exported_date_imports_back_as_the_same_date_in_any_time_zone(String zone) throws Exception {
        start(dialect, zone);
        movie(movies, "The Matrix", "603");
        movie(movies, "Heat", "949");
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        LocalDate summer = LocalDate.of(2025, 7, 15);
        addWatch(603, "The Matrix", newYear);
        addWatch(949, "Heat", summer);
        app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        app.app.history.history().apply(userId, List.of(new HistoryCommand.DeleteMovie(new MovieRef.ByTmdbId(603)),
                new HistoryCommand.DeleteMovie(new MovieRef.ByTmdbId(949))), Source.PAGE);
        importNow();
        assertThat(played()).extracting(p -> p.dates().getFirst().watchedAt()).containsExactlyInAnyOrder(newYear, summer);
        jellyfin.clearRequests();
        app.app.jellyfinSync.exportNow(userId, false, JobContext.NONE);
        assertThat(writes()).as("the round trip left nothing to change").isZero();
    }

    private void addWatch(int tmdb, String title, LocalDate date) {
        app.app.history.history().apply(userId, new HistoryCommand.AddPlays(
                new MovieRef.CreateIfMissing(new NewMovie(tmdb, null, title, null, null)), date, 1, null), Source.PAGE);
    }
}
