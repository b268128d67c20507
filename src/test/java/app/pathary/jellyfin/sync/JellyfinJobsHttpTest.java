package app.pathary.jellyfin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import, export and the sync switch from the settings page, run by the worker pool; the admin's job page. */
@BothDialects
class JellyfinJobsHttpTest {
    private static final String PAGE = "/settings/integrations/jellyfin";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "jf-password");
    private TestApp app;
    private WebClient browser;
    private long userId;

    @BeforeEach
    void start(Dialect dialect) {
        FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603");
        jellyfin.setUserData(alice, matrix, FakeUserData.playedOn(Instant.parse("2025-03-01T20:00:00Z"), 1));
        app = TestApp.start(TestDatabases.fresh(dialect));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        browser = app.client();
        browser.logIn("alice", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    private void authenticate() {
        app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
        app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
    }

    private Job awaitFinished(String type) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var jobs = app.app.jobs.repository().list(null, type, userId, 1);
            if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                return jobs.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the " + type + " job did not finish");
    }

    @Test
    void the_import_button_queues_a_job_the_workers_run_and_the_page_shows_it() throws Exception {
        assertThat(browser.get(PAGE).body()).doesNotContain("Import history from Jellyfin");
        authenticate();
        assertThat(browser.get(PAGE).body()).contains("Import history from Jellyfin").contains("Export history to Jellyfin")
                .contains("Automatically export history changes to Jellyfin");
        browser.submit(PAGE, PAGE + "/import", Map.of());
        Job job = awaitFinished(JellyfinSyncFacade.IMPORT);
        assertThat(job.status()).isEqualTo(Job.Status.DONE);
        assertThat(app.app.history.queries().playedCount(userId)).isEqualTo(1);
        String jobs = browser.get(PAGE + "/jobs").body();
        assertThat(jobs).contains("Import from Jellyfin").contains("added 1 watch date,").doesNotContain("every 2s");
    }

    @Test
    void the_export_button_and_the_sync_switch() throws Exception {
        authenticate();
        browser.submit(PAGE, PAGE + "/export", Map.of("markUnplayed", "on"));
        Job job = awaitFinished(JellyfinSyncFacade.EXPORT);
        assertThat(job.params()).contains("\"markUnplayed\":true");
        assertThat(jellyfin.userData(alice, jellyfin.item(findMatrix())).played())
                .as("no watch date in Pathary, and unplayed was asked for").isFalse();
        browser.submit(PAGE, PAGE + "/sync", Map.of("enabled", "true"));
        assertThat(app.app.jellyfinLink.links().of(userId).syncEnabled()).isTrue();
    }

    private String findMatrix() {
        return new JellyfinItemIndex(app.app.database.jdbi()).itemsOf(userId, 603).getFirst();
    }

    @Test
    void a_revoked_login_fails_the_import_and_the_page_asks_to_renew_it() throws Exception {
        authenticate();
        jellyfin.issueToken(alice, app.app.jellyfinIdentity.deviceId());
        browser.submit(PAGE, PAGE + "/import", Map.of());
        Job job = awaitFinished(JellyfinSyncFacade.IMPORT);
        assertThat(job.status()).isEqualTo(Job.Status.FAILED);
        assertThat(job.attempts()).as("not retried: no retry mends a revoked login").isEqualTo(1);
        assertThat(browser.get(PAGE).body()).contains("Jellyfin no longer accepts this login");
        assertThat(browser.get(PAGE + "/jobs").body()).contains("authenticate again");
    }

    @Test
    void admins_see_and_filter_all_jobs_and_remove_finished_ones() throws Exception {
        authenticate();
        app.app.jellyfinSync.queueImport(userId);
        awaitFinished(JellyfinSyncFacade.IMPORT);
        WebClient root = app.client();
        root.logIn("root", "password1");
        assertThat(root.get("/admin/jobs").body()).contains("Import from Jellyfin").contains("added 1 watch date,");
        assertThat(root.get("/admin/jobs?status=failed").body()).contains("No jobs.");
        assertThat(root.get("/admin/jobs?type=jellyfin_import&user=" + userId).body()).contains("jellyfin_import");
        assertThat(root.get("/admin/jobs?status=sideways").statusCode()).isEqualTo(400);
        assertThat(browser.get("/admin/jobs").statusCode()).as("not for non-admins").isEqualTo(403);
        root.submit("/admin/jobs", "/admin/jobs/delete-finished", Map.of());
        assertThat(app.app.jobs.repository().list(null, null, null, 10)).isEmpty();
    }
}
