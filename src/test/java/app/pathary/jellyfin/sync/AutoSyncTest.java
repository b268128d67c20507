package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.job.Job;
import app.pathary.job.JobContext;
import app.pathary.movie.NewMovie;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Automatically export history changes to Jellyfin": what a change sends, and what it must not send. */
@BothDialects
class AutoSyncTest {
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private static final LocalDate MAY_20 = LocalDate.of(2025, 5, 20);
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
    private TestApp app;
    private long userId;

    @BeforeEach
    void start(Dialect dialect) throws Exception {
        jellyfin.addMovie("Heat", 1995).tmdb("949");
        app = TestApp.start(TestDatabases.fresh(dialect));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
        app.app.jellyfinSync.importNow(userId, JobContext.NONE);
        app.app.jellyfinLink.links().setSync(userId, true);
        jellyfin.clearRequests();
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private void change(HistoryCommand command, Source source) throws InterruptedException {
        app.app.history.history().apply(userId, command, source);
        awaitIdleJobs();
    }

    private static HistoryCommand add(LocalDate date) {
        return new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie(603, null, "The Matrix", 1999, null)), date, 1, null);
    }

    private static HistoryCommand remove(LocalDate date) {
        return new HistoryCommand.DeleteDate(new MovieRef.ByTmdbId(603), date);
    }

    private void awaitIdleJobs() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            boolean busy = !app.app.jobs.repository().list(Job.Status.WAITING, null, null, 1).isEmpty()
                    || !app.app.jobs.repository().list(Job.Status.RUNNING, null, null, 1).isEmpty();
            if (!busy) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("jobs did not finish: " + app.app.jobs.repository().list(null, null, null, 5));
    }

    private LocalDate jellyfinDate() {
        Instant last = jellyfin.userData(alice, matrix).lastPlayedDate();
        return last == null ? null : last.atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void a_new_latest_date_is_pushed_with_at_most_two_requests() throws Exception {
        change(add(MAY_1), Source.PAGE);
        assertThat(jellyfin.requests()).hasSizeLessThanOrEqualTo(2);
        assertThat(jellyfin.userData(alice, matrix).played()).isTrue();
        assertThat(jellyfinDate()).isEqualTo(MAY_1);
        assertThat(jellyfin.userData(alice, matrix).playCount()).isEqualTo(1);
        jellyfin.clearRequests();
        change(add(MAY_20), Source.WEBHOOK);
        assertThat(jellyfin.requests()).hasSize(2);
        assertThat(jellyfinDate()).isEqualTo(MAY_20);
        assertThat(jellyfin.userData(alice, matrix).playCount()).as("no inflation").isEqualTo(1);
    }

    @Test
    void an_older_date_added_or_removed_sends_nothing() throws Exception {
        change(add(MAY_20), Source.PAGE);
        jellyfin.clearRequests();
        change(add(MAY_1), Source.PAGE);
        change(remove(MAY_1), Source.PAGE);
        assertThat(jellyfin.requests()).isEmpty();
        assertThat(jellyfinDate()).isEqualTo(MAY_20);
    }

    @Test
    void removing_the_latest_date_pushes_the_one_before_and_removing_the_last_marks_unplayed() throws Exception {
        change(add(MAY_1), Source.PAGE);
        change(add(MAY_20), Source.PAGE);
        change(remove(MAY_20), Source.PAGE);
        assertThat(jellyfinDate()).isEqualTo(MAY_1);
        jellyfin.clearRequests();
        change(remove(MAY_1), Source.PAGE);
        assertThat(jellyfin.requests()).hasSize(1);
        assertThat(jellyfin.userData(alice, matrix).played()).isFalse();
    }

    @Test
    void dates_from_a_jellyfin_import_are_not_pushed_back_and_nothing_is_sent_with_sync_off() throws Exception {
        change(add(MAY_1), Source.JELLYFIN_IMPORT);
        assertThat(jellyfin.requests()).isEmpty();
        app.app.jellyfinLink.links().setSync(userId, false);
        change(add(MAY_20), Source.PAGE);
        assertThat(jellyfin.requests()).isEmpty();
    }

    @Test
    void an_item_jellyfin_no_longer_has_is_dropped_from_the_index_and_the_others_still_get_the_date() throws Exception {
        app.app.database.jdbi().useHandle(h -> h.createUpdate(
                "INSERT INTO jellyfin_items (user_id, item_id, tmdb_id) VALUES (:u, 'ffffffffffffffffffffffffffffffff', 603)")
                .bind("u", userId).execute());
        JellyfinItemIndex index = new JellyfinItemIndex(app.app.database.jdbi());
        assertThat(index.itemsOf(userId, 603)).hasSize(2);
        change(add(MAY_1), Source.PAGE);
        assertThat(index.itemsOf(userId, 603)).containsExactly(matrix.id());
        assertThat(jellyfinDate()).isEqualTo(MAY_1);
    }

    @Test
    void a_passing_server_error_is_retried_within_the_job() throws Exception {
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);
        change(add(MAY_1), Source.PAGE);
        assertThat(jellyfinDate()).isEqualTo(MAY_1);
        assertThat(app.app.jobs.repository().list(null, JellyfinAutoSync.JOB_TYPE, userId, 5)).first()
                .satisfies(job -> assertThat(job.status()).isEqualTo(Job.Status.DONE));
    }
}
