package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.history.HistoryChange.Source;
import app.pathary.history.HistoryCommand;
import app.pathary.history.MovieRef;
import app.pathary.job.Job;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export and import as queued jobs against a Jellyfin that fails 20 % of all requests with a 500 and drops 5 % of
 * the connections: both finish, and the end state is exact (every watched movie played on its latest date in
 * Jellyfin; every Jellyfin play a watch date in Pathary, none twice).
 */
@BothDialects
class JellyfinSyncUnderFaultsTest {
    private static final int MOVIES = 600;
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private final List<FakeItem> items = new ArrayList<>();
    private TestApp app;
    private long userId;

    @BeforeEach
    void start(Dialect dialect) {
        for (int i = 0; i < MOVIES; i++) {
            items.add(jellyfin.addMovie("Movie " + i, 1990 + i % 30).tmdb(Integer.toString(1000 + i)));
        }
        app = TestApp.start(TestDatabases.fresh(dialect));
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private Job awaitFinished(String type) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            var jobs = app.app.jobs.repository().list(null, type, userId, 1);
            if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                return jobs.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the " + type + " job did not finish");
    }

    @Test
    void an_export_at_20_percent_500s_and_5_percent_resets_finishes_with_every_write_made() throws Exception {
        List<HistoryCommand> dates = new ArrayList<>();
        for (int i = 0; i < MOVIES; i += 2) {
            dates.add(new HistoryCommand.AddPlays(new MovieRef.CreateIfMissing(new NewMovie(1000 + i, null, "Movie " + i, 1990 + i % 30, null)),
                    LocalDate.of(2024, 1, 1).plusDays(i), 1, null));
        }
        app.app.history.history().apply(userId, dates, Source.PAGE);
        jellyfin.failRandomly(0.20, 0.05, 11);

        app.app.jellyfinSync.queueExport(userId, false);
        Job job = awaitFinished(JellyfinSyncFacade.EXPORT);

        assertThat(job.status()).as(job.lastError()).isEqualTo(Job.Status.DONE);
        assertThat(jellyfin.randomFaultsInjected()).as("the network really was bad").isGreaterThan(50);
        jellyfin.failRandomly(0, 0, 0);
        for (int i = 0; i < MOVIES; i++) {
            FakeUserData data = jellyfin.userData(alice, items.get(i));
            if (i % 2 == 0) {
                assertThat(data.played()).as("Movie %d is played", i).isTrue();
                assertThat(data.lastPlayedDate().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(i));
            } else {
                assertThat(data.played()).as("Movie %d was not watched", i).isFalse();
            }
        }
    }

    @Test
    void an_import_at_20_percent_500s_and_5_percent_resets_finishes_with_every_play_once() throws Exception {
        for (int i = 0; i < MOVIES; i += 3) {
            jellyfin.setUserData(alice, items.get(i), FakeUserData.playedOn(Instant.parse("2023-05-01T20:00:00Z").plusSeconds(86_400L * i), 1));
        }
        jellyfin.failRandomly(0.20, 0.05, 12);

        app.app.jellyfinSync.queueImport(userId);
        Job job = awaitFinished(JellyfinSyncFacade.IMPORT);

        assertThat(job.status()).as(job.lastError()).isEqualTo(Job.Status.DONE);
        assertThat(app.app.history.queries().playedCount(userId)).isEqualTo(MOVIES / 3);
    }
}
