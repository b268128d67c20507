package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.db.Dialect;
import app.pathary.job.Job;
import app.pathary.job.JobSpec;
import app.pathary.testing.BothDialects;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rough edge 2: the default primary strategy with no primary user. Saving refuses a missing or unknown primary user
 * with the reason; the watched page shows why the last reading failed; "Read Jellyfin again" runs at once instead of
 * waiting out the back-off. The clock stands still, so a job in back-off can run again only when made due now.
 */
@BothDialects
class WatchedPrimaryUserHttpTest {
    private static final String SETTINGS = "/settings/server/cleanup";
    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final String apiKey = jellyfin.addApiKey();
    private final Instant now = Instant.now();
    private TestApp app;
    private WebClient admin;

    @BeforeEach
    void start(Dialect dialect) {
        jellyfin.addAdmin("alice", "pw");
        jellyfin.addUser("bob", "pw");
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.fixed(now, ZoneOffset.UTC),
                Map.of("JELLYFIN_URL", jellyfin.baseUrl().toString(), "JELLYFIN_API_KEY", apiKey));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
        jellyfin.close();
    }

    @Test
    void saving_refuses_a_missing_or_unknown_primary_user_with_the_reason_and_keeps_what_was_stored() {
        admin.submit(SETTINGS, SETTINGS, Map.of("CLEANUP_STRATEGY", "any", "CLEANUP_GRACE_DAYS_MOVIES", "7"));
        assertThat(app.app.watched.settings().load().graceDaysMovies()).isEqualTo(7);

        HttpResponse<String> missing = admin.submit(SETTINGS, SETTINGS,
                Map.of("CLEANUP_STRATEGY", "primary", "CLEANUP_PRIMARY_USER", "", "CLEANUP_GRACE_DAYS_MOVIES", "3"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Nothing was saved: Primary user (CLEANUP_PRIMARY_USER) is empty");

        HttpResponse<String> unknown = admin.submit(SETTINGS, SETTINGS,
                Map.of("CLEANUP_STRATEGY", "primary", "CLEANUP_PRIMARY_USER", "zoe", "CLEANUP_GRACE_DAYS_MOVIES", "3"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Primary user (CLEANUP_PRIMARY_USER) is zoe, not a Jellyfin user;").contains("users are alice, bob.");
        WatchedSettings kept = app.app.watched.settings().load();
        assertThat(kept.strategy()).isEqualTo(Strategy.ANY);
        assertThat(kept.graceDaysMovies()).as("nothing of a refused form is stored").isEqualTo(7);

        HttpResponse<String> known = admin.submit(SETTINGS, SETTINGS, Map.of("CLEANUP_STRATEGY", "primary", "CLEANUP_PRIMARY_USER", "bob"));
        assertThat(known.statusCode()).isEqualTo(302);
        assertThat(app.app.watched.settings().load().primaryUser()).isEqualTo("bob");
        assertThat(admin.get(SETTINGS).body()).contains("The cleanup settings were saved.");
    }

    @Test
    void the_watched_page_shows_why_the_last_reading_failed_and_read_again_runs_now_instead_of_after_the_back_off() throws Exception {
        assertThat(admin.get("/admin/cleanup/watched").body()).contains("No report yet").doesNotContain("id=\"last-failure\"");
        admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        Job failed = awaitAttempts(1);
        assertThat(failed.status()).as("retried after a back-off").isEqualTo(Job.Status.WAITING);
        assertThat(failed.nextRunAt()).isAfter(now);

        String page = admin.get("/admin/cleanup/watched").body();
        assertThat(page).contains("id=\"last-failure\"")
                .contains("The last reading of Jellyfin failed: The primary strategy needs CLEANUP_PRIMARY_USER, a Jellyfin user name.");

        admin.submit("/admin/cleanup/watched", "/admin/cleanup/watched/refresh", Map.of());
        Job again = awaitAttempts(2);
        assertThat(again.id()).as("the same job, made due now").isEqualTo(failed.id());
    }

    private Job awaitAttempts(int attempts) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var job = app.app.jobs.queue().latest(JobSpec.WatchedReport.TYPE);
            if (job.isPresent() && job.get().attempts() >= attempts && job.get().status() != Job.Status.RUNNING) {
                return job.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the watched report job did not reach attempt " + attempts);
    }
}
