package app.pathary;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.job.JobContext;
import app.pathary.job.JobSpec;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of job reaches the feature that owns it: each spec is run through the dispatch on an app with an empty
 * Jellyfin and Radarr, and answers with its own feature's summary or refusal.
 */
@BothDialects
class JobDispatchTest {
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeRadarr radarr = FakeRadarr.start();
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
        radarr.close();
    }

    @Test
    void each_kind_of_job_is_run_by_its_own_feature(Dialect dialect) throws Exception {
        jellyfin.addAdmin("alice", "jf-password");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(),
                "JELLYFIN_API_KEY", jellyfin.addApiKey(), "CLEANUP_PRIMARY_USER", "alice", "RADARR_URL", radarr.baseUrl().toString(), "RADARR_API_KEY", radarr.apiKey()));
        long alice = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        app.app.jellyfinLink.login().saveServerUrl(alice, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(alice, "alice", "jf-password");
        var imports = app.app.history.imports(app.app.posters.search());
        var dispatch = new JobDispatch(app.app.jellyfinSync, app.app.watched.reports(), app.app.cleanup.runs(), app.app.notifications, imports);
        long staged = imports.stage(alice, false, "tmdbId,imdbId,title,year,watchedAt,plays,comment\n603,,The Matrix,1999,2024-03-09,1,\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "mine.csv", null);

        Map<JobSpec, String> outcomes = new LinkedHashMap<>();
        for (JobSpec spec : new JobSpec[] {new JobSpec.JellyfinImport(alice), new JobSpec.JellyfinExport(alice, true),
                new JobSpec.JellyfinSync(alice, 424242), new JobSpec.JellyfinEpisodeSync(alice, 434343), new JobSpec.JellyfinCatchup(alice),
                new JobSpec.JellyfinCatchupAll(), new JobSpec.WatchedReport(), new JobSpec.CleanupPlan(),
                new JobSpec.CleanupExecute(0, "alice", false), new JobSpec.CleanupScheduled(),
                new JobSpec.NotificationSend("gone", "{\"event\":\"test\",\"title\":\"t\",\"text\":\"x\",\"items\":[]}", "k1"),
                new JobSpec.HistoryImportCommit(alice, staged)}) {
            try {
                outcomes.put(spec, dispatch.run(spec, JobContext.NONE));
            } catch (Exception refused) {
                outcomes.put(spec, "refused: " + refused.getMessage());
            }
        }

        assertThat(outcomes.keySet().stream().map(Object::getClass)).as("one of each kind")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(JobSpec.class.getPermittedSubclasses()));
        assertThat(outcomes.values()).satisfiesExactly(
                jellyfinImport -> assertThat(jellyfinImport).startsWith("Scanned 0 items, 0 played; added 0 watch dates"),
                jellyfinExport -> assertThat(jellyfinExport).startsWith("Scanned 0 items; marked 0 played"),
                jellyfinSync -> assertThat(jellyfinSync).isEqualTo("The movie no longer exists."),
                episodeSync -> assertThat(episodeSync).isEqualTo("The episode no longer exists."),
                catchup -> assertThat(catchup).startsWith("Read 0 plays since the last catch-up; added 0 watch dates the webhook missed"),
                catchupAll -> assertThat(catchupAll).isEqualTo("Queued a catch-up for 1 user with a Jellyfin login."),
                watchedReport -> assertThat(watchedReport).isEqualTo("0 eligible, 0 waiting, 0 kept, 0 doubtful."),
                cleanupPlan -> assertThat(cleanupPlan).matches("Plan \\d+: 0 movies and 0 seasons to delete.*").doesNotContain("dry run"),
                cleanupExecute -> assertThat(cleanupExecute).isEqualTo("refused: The job names no plan; make a new plan and execute it from the cleanup page."),
                cleanupScheduled -> assertThat(cleanupScheduled).endsWith("(dry run: CLEANUP_EXECUTE is off)"),
                notificationSend -> assertThat(notificationSend).isEqualTo("refused: Not sent: the channel gone is no longer configured."),
                importCommit -> assertThat(importCommit).isEqualTo("Imported: 1 watch date added or changed. Nothing was removed."));
    }
}
